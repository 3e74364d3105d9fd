import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decimateM4, facetGrid, lineChart, type LineChartOptions } from '../../src/report/svgLinePlot.ts';
import { svgSize } from '../../src/report/svg.ts';
import { byTag, deepText, findAll, parseXml, pathPoints, type XmlElement } from './xmlCheck.ts';

const xs = Array.from({ length: 25 }, (_, i) => i * 2);

function seriesPaths(doc: XmlElement): XmlElement[] {
  return byTag(doc, 'path', 'series-line');
}

function base(): LineChartOptions {
  return {
    title: 'Density',
    xLabel: 'Time',
    xUnit: 'days',
    yLabel: 'Density',
    yUnit: 'hairs/cm²',
    series: [
      { label: 'up', x: xs, y: xs.map((x) => 3 * x + 1), yLow: xs.map((x) => 3 * x - 4), yHigh: xs.map((x) => 3 * x + 6) },
      { label: 'down', x: xs, y: xs.map((x) => 150 - x) },
      { label: 'curve', x: xs, y: xs.map((x) => 50 + 20 * Math.sin(x / 5)) },
    ],
  };
}

describe('lineChart', () => {
  it('produces well-formed SVG with one path per series and the right number of points', () => {
    const svg = lineChart(base());
    const doc = parseXml(svg);
    assert.equal(doc.name, 'svg');
    assert.equal(doc.attrs.xmlns, 'http://www.w3.org/2000/svg');
    const paths = seriesPaths(doc);
    assert.equal(paths.length, 3);
    for (const p of paths) {
      const pts = pathPoints(p.attrs.d);
      assert.equal(pts.length, 1, 'one subpath without gaps');
      assert.equal(pts[0].length, xs.length);
    }
    assert.equal(byTag(doc, 'path', 'series-band').length, 1);
    // Axis titles carry units; the legend lists every series.
    const texts = byTag(doc, 'text').map(deepText);
    assert.ok(texts.includes('Time (days)'));
    assert.ok(texts.includes('Density (hairs/cm²)'));
    for (const l of ['up', 'down', 'curve']) assert.ok(texts.includes(l), `legend entry ${l}`);
  });

  it('maps data to pixels monotonically (x right, y up) and inside the plot', () => {
    const doc = parseXml(lineChart(base()));
    const { width, height } = svgSize(lineChart(base()));
    const [up, down] = seriesPaths(doc).map((p) => pathPoints(p.attrs.d)[0]);
    for (let i = 1; i < up.length; i++) {
      assert.ok(up[i].x > up[i - 1].x, 'x increases to the right');
      assert.ok(up[i].y < up[i - 1].y, 'larger y is higher (smaller pixel y)');
      assert.ok(down[i].y > down[i - 1].y, 'decreasing series goes down');
    }
    // Linear mapping: equal data steps give equal pixel steps.
    const dx = up.map((p, i) => (i ? p.x - up[i - 1].x : 0)).slice(1);
    for (const d of dx) assert.ok(Math.abs(d - dx[0]) < 0.02);
    for (const p of [...up, ...down]) {
      assert.ok(p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height);
    }
    // The band encloses the line at every x.
    const band = pathPoints(byTag(doc, 'path', 'series-band')[0].attrs.d)[0];
    const n = xs.length;
    for (let i = 0; i < n; i++) {
      const hi = band[i];
      const lo = band[2 * n - 1 - i];
      assert.ok(Math.abs(hi.x - up[i].x) < 0.02 && Math.abs(lo.x - up[i].x) < 0.02);
      assert.ok(hi.y < up[i].y && lo.y > up[i].y);
    }
  });

  it('leaves gaps at NaN and handles empty and all-NaN series without throwing', () => {
    const y = xs.map((x) => x);
    y[5] = Number.NaN;
    y[12] = Number.POSITIVE_INFINITY;
    y[13] = Number.NaN;
    const low = y.map((v) => v - 1);
    const high = y.map((v) => v + 1);
    const svg = lineChart({
      series: [
        { label: 'gappy', x: xs, y, yLow: low, yHigh: high },
        { label: 'empty', x: [], y: [] },
        { label: 'nan', x: [1, 2, 3], y: [Number.NaN, Number.NaN, Number.NaN] },
        { label: 'isolated', x: [0, 1, 2], y: [Number.NaN, 5, Number.NaN] },
      ],
    });
    const doc = parseXml(svg);
    const paths = seriesPaths(doc);
    const gappy = pathPoints(paths[0].attrs.d);
    assert.equal(gappy.length, 3, 'three runs separated by the two gaps');
    assert.deepEqual(gappy.map((s) => s.length), [5, 6, 11]);
    const bands = pathPoints(byTag(doc, 'path', 'series-band')[0].attrs.d);
    assert.equal(bands.length, 3, 'band split at the same gaps');
    assert.equal(paths[1].attrs.visibility, 'hidden');
    assert.equal(paths[2].attrs.visibility, 'hidden');
    // An isolated point gets a dot so it stays visible.
    const dots = findAll(doc, (e) => e.name === 'g' && e.attrs.class === 'series-markers' && e.attrs['data-series'] === '3');
    assert.equal(dots.length, 1);
    assert.equal(dots[0].children.length, 1);
    for (const p of paths) assert.ok(!/NaN|Infinity/.test(p.attrs.d));
    assert.ok(!/NaN|Infinity/.test(svg));
  });

  it('renders a chart with no series at all', () => {
    const doc = parseXml(lineChart({ series: [], title: 'Nothing' }));
    assert.ok(byTag(doc, 'text').some((t) => deepText(t) === 'No data'));
  });

  it('escapes <&>"\' in title, labels, legend and reference labels', () => {
    const nasty = `a<b & c>"d'`;
    const svg = lineChart({
      title: nasty,
      subtitle: nasty,
      xLabel: nasty,
      yLabel: nasty,
      yUnit: nasty,
      series: [
        { label: nasty, x: [0, 1], y: [0, 1] },
        { label: 'other', x: [0, 1], y: [1, 0] },
      ],
      referenceLines: [{ value: 0.5, label: nasty }],
      verticalLines: [{ value: 0.5, label: nasty }],
    });
    const doc = parseXml(svg);
    const texts = byTag(doc, 'text').map(deepText);
    assert.ok(texts.includes(nasty), 'legend/title text round-trips');
    assert.ok(texts.includes(`${nasty} (${nasty})`), 'axis title with unit round-trips');
    assert.equal(deepText(byTag(doc, 'title')[0]), nasty);
    assert.equal(seriesPaths(doc)[0].attrs['data-label'], nasty);
    assert.ok(!svg.includes('a<b'));
  });

  it('draws labelled horizontal reference lines at the right height', () => {
    const doc = parseXml(lineChart({ series: [{ label: 's', x: [0, 10], y: [0, 100] }], referenceLines: [{ value: 50, label: 'target' }] }));
    const line = byTag(doc, 'line', 'reference-line')[0];
    const pts = pathPoints(seriesPaths(doc)[0].attrs.d)[0];
    const mid = (pts[0].y + pts[1].y) / 2;
    assert.ok(Math.abs(Number(line.attrs.y1) - mid) < 0.05);
    assert.equal(line.attrs.y1, line.attrs.y2);
    assert.equal(deepText(byTag(doc, 'text', 'reference-label')[0]), 'target');
  });

  it('supports a log y axis: decades are equally spaced and non-positive values are gaps', () => {
    const doc = parseXml(
      lineChart({ logY: true, series: [{ label: 's', x: [0, 1, 2, 3, 4], y: [1, 10, 100, 0, 1000] }] }),
    );
    const runs = pathPoints(seriesPaths(doc)[0].attrs.d);
    assert.equal(runs.length, 2);
    const [a, b] = runs;
    const step1 = a[0].y - a[1].y;
    const step2 = a[1].y - a[2].y;
    assert.ok(step1 > 0 && Math.abs(step1 - step2) < 0.05);
    assert.equal(b.length, 1);
    const labels = byTag(doc, 'text').map(deepText);
    for (const t of ['1', '10', '100', '1000']) assert.ok(labels.includes(t), `tick ${t}`);
  });

  it('does not let tick labels overlap on a narrow chart', () => {
    const doc = parseXml(lineChart({ width: 200, height: 150, series: [{ label: 's', x: [0, 123456], y: [0, 1] }] }));
    const xAxis = findAll(doc, (e) => e.name === 'g' && e.attrs.class === 'x-axis')[0];
    const labels = byTag(xAxis, 'text').filter((t) => t.attrs['text-anchor'] === 'middle' && !(t.attrs.class ?? '').includes('axis-title'));
    const positions = labels.map((t) => Number(t.attrs.x));
    const widest = Math.max(...labels.map((t) => deepText(t).length)) * 11 * 0.56;
    for (let i = 1; i < positions.length; i++) assert.ok(positions[i] - positions[i - 1] >= widest, 'spacing ≥ label width');
  });

  it('gives different charts different clip-path ids (ids are global within an HTML page)', () => {
    const clip = (svg: string): string => byTag(parseXml(svg), 'clipPath')[0].attrs.id;
    const a = lineChart({ title: 't', series: [{ label: 's', x: [0, 1], y: [0, 1] }] });
    const b = lineChart({ title: 't', series: [{ label: 's', x: [0, 1], y: [0, 1000] }] });
    assert.notEqual(clip(a), clip(b));
    assert.equal(clip(a), clip(lineChart({ title: 't', series: [{ label: 's', x: [0, 1], y: [0, 1] }] })), 'deterministic');
    assert.equal(clip(lineChart({ id: 'density', series: [] })), 'fs-density-clip');
  });

  it('decimates very long series per pixel column without losing extremes or gaps', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => (i >= 50_000 && i < 50_010 ? Number.NaN : Math.sin(i / 700) + (i % 997 === 0 ? 3 : 0)));
    const svg = lineChart({ width: 600, series: [{ label: 's', x, y }] });
    const runs = pathPoints(seriesPaths(parseXml(svg))[0].attrs.d);
    assert.equal(runs.length, 2, 'the NaN gap survives');
    const total = runs.reduce((a, r) => a + r.length, 0);
    assert.ok(total <= 4 * 600 + 8, `${total} points`);
    // The spikes (y + 3) still reach the same top pixel as without decimation.
    const all = runs.flat();
    const full = decimateM4([0, 0.2, 0.4, 0.6, 1.1], [5, 1, 9, 2, 4]);
    assert.deepEqual(full, [[0, 0.2, 0.4, 0.6, 1.1], [5, 1, 9, 2, 4]]);
    const small = decimateM4([0, 0.1, 0.2, 0.3, 0.4, 0.5, 1], [5, 1, 9, 2, 7, 3, 4]);
    assert.deepEqual(small, [[0, 0.1, 0.2, 0.5, 1], [5, 1, 9, 3, 4]]);
    const minY = Math.min(...all.map((p) => p.y));
    const spikes = lineChart({ width: 600, series: [{ label: 's', x: [0, n - 1], y: [-1, 4] }] });
    const ref = pathPoints(seriesPaths(parseXml(spikes))[0].attrs.d)[0];
    assert.ok(Math.abs(minY - Math.min(...ref.map((p) => p.y))) < 1, 'highest spike kept');
  });

  it('lays out small multiples with unique ids', () => {
    const a = lineChart({ ...base(), width: 300, height: 200 });
    const grid = facetGrid([a, a, a, a], 2, { title: 'Panels & more', panelLetters: true });
    const doc = parseXml(grid);
    const { width, height } = svgSize(grid);
    assert.ok(width >= 600 && height >= 400);
    const ids = findAll(doc, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.equal(ids.length, 4);
    // Each clip-path reference points at an id that exists.
    for (const e of findAll(doc, (x) => x.attrs['clip-path'] !== undefined)) {
      const ref = /url\(#([^)]+)\)/.exec(e.attrs['clip-path'])?.[1];
      assert.ok(ref && ids.includes(ref));
    }
    assert.equal(byTag(doc, 'path', 'series-line').length, 12);
  });
});
