import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { chartDefinitions, chartSpecJson, parseChartSpec, renderChart, renderChartSvg, renderFigures, type ChartSpec } from '../../src/output/charts/index.ts';
import { byTag, deepText, findAll, parseXml, type XmlElement } from './html/xmlCheck.ts';
import { GALLERY, PNG } from './chartGallery.ts';

/** Renders a spec and parses the SVG strictly (throws on any well-formedness error). */
function render(spec: ChartSpec): { svg: string; root: XmlElement } {
  const svg = renderChartSvg(spec);
  return { svg, root: parseXml(svg) };
}

/** The children of Plot's mark group with this aria-label (one group per mark; [] when absent). */
function markItems(root: XmlElement, ariaLabel: string): XmlElement[] {
  return findAll(root, (e) => e.name === 'g' && e.attrs['aria-label'] === ariaLabel).flatMap((g) => g.children);
}

/** All text in the chart, for checking titles and axis labels. */
const allText = (root: XmlElement) => findAll(root, (e) => e.name === 'text').map(deepText);

describe('chart specs rendered with Observable Plot', () => {
  it('every kind renders one standalone, well-formed SVG with its <title> and a chart title', () => {
    for (const [kind, spec] of Object.entries(GALLERY)) {
      const { svg, root } = render(spec);
      assert.equal(root.name, 'svg', kind);
      assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg', kind);
      assert.ok(Number(root.attrs.width) > 100 && Number(root.attrs.height) > 100, kind);
      assert.equal(deepText(byTag(root, 'title')[0]), spec.title, kind);
      assert.ok(allText(root).some((t) => spec.title && spec.title.startsWith(t)), `${kind}: title text`);
      assert.ok(!/NaN|undefined/.test(svg), `${kind}: NaN or undefined in the SVG`);
    }
  });

  it('line: one line and one band per series, a dashed reference line with its label, axis labels with units', () => {
    const { root } = render(GALLERY.line);
    assert.equal(markItems(root, 'line').length, 3);
    assert.equal(markItems(root, 'area').length, 3);
    assert.equal(markItems(root, 'rule').length, 1);
    const text = allText(root);
    for (const t of ['Day (days)', 'Coverage (fraction)', 'half covered', 'AGA control', 'AGA + minoxidil 5 %', 'AGA + Ce-MN patch']) assert.ok(text.includes(t), t);
    assert.equal(byTag(root, 'g', 'legend-item').length, 3);
  });

  it('line: missing values leave gaps (a path with two subpaths), not zeros', () => {
    const spec: ChartSpec = { version: 1, kind: 'line', x: { field: 't' }, y: { field: 'v' }, data: [0, 1, 2, 3, 4].map((t) => ({ t, v: t === 2 ? null : t })) };
    const paths = markItems(render(spec).root, 'line');
    assert.equal(paths.length, 1);
    assert.equal((paths[0].attrs.d.match(/M/g) ?? []).length, 2);
  });

  it('step: step-after curves per group and one + mark per censored row', () => {
    const { root } = render(GALLERY.step);
    const lines = markItems(root, 'line');
    assert.equal(lines.length, 2);
    // step-after: every drop is a vertical segment after a horizontal one (H/V or L with equal x)
    assert.ok(lines.every((p) => /[HV]|L/.test(p.attrs.d)));
    assert.equal(markItems(root, 'dot').length, 3);
    assert.ok(allText(root).includes('Not yet covered (fraction)'));
  });

  it('bar: one bar per category, error bars, individual points and significance brackets with labels', () => {
    const { root } = render(GALLERY.bar);
    assert.equal(markItems(root, 'rect').length, 3);
    assert.equal(markItems(root, 'dot').length, 12);
    const text = allText(root);
    for (const t of ['p=0.03', 'p<0.001', 'Days (days)', 'Arm', 'AGA control']) assert.ok(text.some((s) => s.includes(t)), t);
  });

  it('waterfall: one bar per subject, sorted by value (descending bar tops move down the page)', () => {
    const { root } = render(GALLERY.waterfall);
    const bars = markItems(root, 'bar');
    assert.equal(bars.length, 24);
    const byX = [...bars].sort((a, b) => Number(a.attrs.x) - Number(b.attrs.x));
    // the value is the top edge for positive bars and the bottom edge for negative ones: use the signed end
    const zeroY = Math.max(...byX.map((b) => Number(b.attrs.y)).filter((y, i) => Number(byX[i].attrs.height) >= 0));
    const ends = byX.map((b) => (Number(b.attrs.y) < zeroY - 0.5 ? Number(b.attrs.y) : Number(b.attrs.y) + Number(b.attrs.height)));
    for (let i = 1; i < ends.length; i++) assert.ok(ends[i] >= ends[i - 1] - 0.01, `bar ${i} out of order`);
    assert.ok(allText(root).includes('Change from baseline (%)'));
  });

  it('forest: an estimate, a whisker and two caps per row, and a dashed zero line', () => {
    const { root } = render(GALLERY.forest);
    assert.equal(markItems(root, 'dot').length, 3);
    assert.equal(markItems(root, 'link').length, 3);
    assert.equal(markItems(root, 'tick').length, 6);
    const rules = markItems(root, 'rule');
    assert.equal(rules.length, 1);
    const zeroLine = findAll(root, (e) => e.attrs['aria-label'] === 'rule')[0];
    assert.equal(zeroLine.attrs['stroke-dasharray'], '6 4');
    const text = allText(root);
    for (const t of ['Difference from AGA control (days)', 'Ce-MN patch', 'Empty HA patch']) assert.ok(text.includes(t), t);
  });

  it('scatter: one dot and one label per row', () => {
    const { root } = render(GALLERY.scatter);
    assert.equal(markItems(root, 'dot').length, 4);
    const text = allText(root);
    for (const t of ['androgenLevel', 'dose', 'μ* (fraction)', 'σ (fraction)']) assert.ok(text.includes(t), t);
  });

  it('heatmap: one cell per row and a colour ramp with its label', () => {
    const { root } = render(GALLERY.heatmap);
    assert.equal(markItems(root, 'cell').length, 12);
    assert.equal(byTag(root, 'g', 'colour-ramp').length, 1);
    assert.ok(allText(root).includes('Coverage (fraction)'));
  });

  it('images: one inline picture per present cell and an n/a cell for the missing one', () => {
    const { root } = render(GALLERY.images);
    const images = markItems(root, 'image');
    assert.equal(images.length, 5);
    assert.ok(images.every((i) => i.attrs.href === PNG));
    assert.equal(markItems(root, 'cell').length, 1);
    assert.ok(allText(root).includes('n/a'));
    const bad: ChartSpec = { ...GALLERY.images, data: [{ arm: 'a', day: 'd', src: 'https://example.org/x.png' }] } as ChartSpec;
    assert.throws(() => renderChartSvg(bad), /data:image/);
  });

  it('grid: one framed panel per spec with letters, and one shared legend', () => {
    const { root } = render(GALLERY.grid);
    const panels = byTag(root, 'svg', 'follisim-chart').filter((e) => e !== root);
    assert.equal(panels.length, 3);
    const titles = byTag(root, 'text', 'chart-title').map(deepText);
    assert.ok(titles.includes('A Hair coverage of the depilated area') || titles.some((t) => t.startsWith('A')));
    assert.equal(byTag(root, 'g', 'legend').length, 1);
  });

  it('renders into any DOM document passed in (as the browser passes its own)', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
    const framed = renderChart(GALLERY.line, document as unknown as Document);
    assert.equal(framed.element.ownerDocument, document as unknown as Document);
    document.body.append(framed.element as unknown as Node);
    assert.equal(document.querySelectorAll('svg.follisim-chart').length, 1);
  });
});

describe('chart spec JSON', () => {
  it('round-trips every kind through chartSpecJson and parseChartSpec', () => {
    for (const [kind, spec] of Object.entries(GALLERY)) {
      const back = parseChartSpec(JSON.parse(chartSpecJson(spec)));
      assert.deepEqual(back, spec, kind);
      assert.equal(renderChartSvg(back), renderChartSvg(spec), `${kind}: re-rendered from JSON`);
    }
  });

  it('writes non-finite numbers as null (gaps) and rejects specs of an unknown version or kind', () => {
    const spec: ChartSpec = { version: 1, kind: 'line', x: { field: 't' }, y: { field: 'v' }, data: [{ t: 0, v: Number.NaN }, { t: 1, v: Infinity }] };
    const json = JSON.parse(chartSpecJson(spec));
    assert.deepEqual(json.data, [{ t: 0, v: null }, { t: 1, v: null }]);
    assert.doesNotThrow(() => parseChartSpec(json));
    assert.throws(() => parseChartSpec({ ...json, version: 2 }));
    assert.throws(() => parseChartSpec({ ...json, kind: 'pie' }));
  });

  it('names figure files and their definitions alike', () => {
    const charts = { coverage: GALLERY.line, d50: GALLERY.bar };
    assert.deepEqual(Object.keys(renderFigures(charts)), ['coverage.svg', 'd50.svg']);
    assert.deepEqual(Object.keys(chartDefinitions(charts)), ['coverage.chart.json', 'd50.chart.json']);
  });
});
