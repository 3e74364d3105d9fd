import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HumanScalpSeries } from '../../src/follicle/human/results.ts';
import { chartSpecJson, parseChartSpec, renderChartSvg, type ChartSpec } from '../../src/output/charts/index.ts';
import { humanScalpCharts } from '../../src/output/reports/humanScalpCharts.ts';
import { humanScalpFigures, humanScalpReport, type HumanRegionSummary } from '../../src/output/reports/humanScalpReport.ts';
import { mouseStudyCharts } from '../../src/output/reports/mouseStudyCharts.ts';
import { mouseStudyFigures, mouseStudyReport } from '../../src/output/reports/mouseStudyReport.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { runScenario } from '../../src/tasks/run.ts';
import type { MouseStudyOutput } from '../../src/tasks/mouseStudyRun.ts';
import type { TaskOutput } from '../../src/tasks/types.ts';
import { byTag, deepText, findAll, parseXml, type XmlElement } from './html/xmlCheck.ts';

function run(yaml: string): TaskOutput {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return runScenario(parsed.value, { seed: 1 });
}

const texts = (root: XmlElement) => findAll(root, (e) => e.name === 'text').map(deepText);
const marks = (root: XmlElement, aria: string) => findAll(root, (e) => e.name === 'g' && e.attrs['aria-label'] === aria).flatMap((g) => g.children);
/** Framed charts in an SVG or HTML tree (grids count once, their panels are nested inside). */
const charts = (root: XmlElement) => byTag(root, 'svg', 'follisim-chart');

describe('report figures of real runs, rendered from chart specs', () => {
  const mouse = run(`model: mouseStudy
name: tiny
durationDays: 6
animals: { perArm: 2 }
skin: { lattice: { nx: 8, ny: 8 } }
arms:
  - { id: agaControl, label: AGA control, androgenLevel: 1 }
  - { id: ceriaPatch, label: AGA + Ce-MN patch, androgenLevel: 1, patch: { schedule: { days: [0, 3] } } }
photos: { days: [0, 6], widthPx: 24, heightPx: 16 }
endpoints: { compareDays: [6] }
`) as MouseStudyOutput;

  it('mouse study: every figure is a well-formed chart showing the arms, titles and axis labels', () => {
    const specs = mouseStudyCharts(mouse);
    const figures = mouseStudyFigures(mouse, specs);
    assert.deepEqual(Object.keys(figures).sort(), ['anagen.svg', 'coverage.svg', 'darkness.svg', 'days-to-50pct.svg', 'effects-forest.svg', 'km-50pct.svg', 'microenvironment.svg', 'photo-grid.svg']);
    const root = (name: string) => parseXml(figures[`${name}.svg`]);

    const coverage = root('coverage');
    assert.equal(marks(coverage, 'line').length, 2);
    assert.equal(marks(coverage, 'area').length, 2);
    for (const t of ['Hair coverage of the depilated area', 'Day (days)', 'Coverage (fraction)', 'AGA control', 'AGA + Ce-MN patch']) assert.ok(texts(coverage).includes(t), t);

    const micro = root('microenvironment');
    assert.equal(charts(micro).length, 7, 'grid + 6 panels');
    assert.equal(marks(micro, 'line').length, 12);
    for (const t of ['Perifollicular microenvironment (mean ± SD)', 'ROS (× healthy)', 'Ceria (µg/mL)', 'healthy reference']) assert.ok(texts(micro).includes(t), t);

    const photos = root('photo-grid');
    assert.equal(marks(photos, 'image').length, 4);
    assert.ok(marks(photos, 'image').every((i) => i.attrs.href.startsWith('data:image/png;base64,')));
    for (const t of ['AGA control', 'day 0', 'day 6', 'Arm', 'Day']) assert.ok(texts(photos).includes(t), t);

    const d50 = root('days-to-50pct');
    assert.equal(marks(d50, 'rect').length, 2);
    assert.equal(marks(d50, 'dot').length, 4);
    assert.ok(texts(d50).includes('Days (days)'));
    assert.ok(texts(d50).some((t) => /^p[=<]/.test(t)), 'log-rank bracket label');

    // Kaplan–Meier curves (one per arm) and the forest plot of effect sizes
    const km = root('km-50pct');
    for (const t of ['AGA control', 'AGA + Ce-MN patch', 'Reached (fraction)']) assert.ok(texts(km).includes(t), t);
    const forest = root('effects-forest');
    assert.ok(texts(forest).some((t) => t.includes('AGA + Ce-MN patch vs AGA control')), 'forest row label');
  });

  it('mouse study: the HTML report holds every figure and stays self-contained', () => {
    const html = mouseStudyReport(mouse, { seed: 1 });
    const doc = parseXml(html, { html: true });
    const top = byTag(doc, 'figure').map((f) => f.children.find((c) => c.name === 'svg'));
    assert.equal(top.length, 8);
    assert.ok(top.every((s) => s && (s.attrs.class ?? '').includes('follisim-chart')));
    assert.ok(!/(src|href)\s*=\s*["']https?:/i.test(html));
  });

  it('mouse study: chart definitions round-trip through JSON and re-render identically', () => {
    for (const [name, spec] of Object.entries(mouseStudyCharts(mouse))) {
      const back = parseChartSpec(JSON.parse(chartSpecJson(spec)));
      assert.equal(renderChartSvg(back), renderChartSvg(spec), name);
    }
  });

  const human = run(
    'model: humanScalp\ndurationDays: 365\nscalp: { regions: { frontal: { areaCm2: 1 }, midScalp: { areaCm2: 1 }, vertex: { areaCm2: 1 }, occipital: { areaCm2: 1 } } }\n',
  ) as TaskOutput & { series: HumanScalpSeries };

  it('human scalp: density, anagen, diameter, shedding per region and the overview grid', () => {
    const specs: Record<string, ChartSpec> = humanScalpCharts(human.series);
    const figures = humanScalpFigures(human.series, specs);
    assert.deepEqual(Object.keys(figures).sort(), ['anagen.svg', 'diameter.svg', 'overview.svg', 'shedding.svg', 'terminal-density.svg']);
    const density = parseXml(figures['terminal-density.svg']);
    assert.equal(marks(density, 'line').length, 4);
    assert.equal(marks(density, 'rule').length, 2);
    for (const t of ['Terminal hair density', 'Time (years)', 'Terminal hairs (per cm²)', 'Frontal', 'Mid-scalp', 'Vertex', 'Occipital', 'Norwood 4–6 vertex (47/cm²)']) {
      assert.ok(texts(density).includes(t), t);
    }
    for (const [name, label] of [['anagen', 'Anagen (fraction)'], ['diameter', 'Diameter (µm)'], ['shedding', 'Shed (hairs/day)']]) {
      const root = parseXml(figures[`${name}.svg`]);
      assert.equal(marks(root, 'line').length, 4, name);
      assert.ok(texts(root).includes(label), label);
    }
    const overview = parseXml(figures['overview.svg']);
    assert.equal(charts(overview).length, 5, 'grid + 4 panels');
    assert.ok(texts(overview).includes('Human scalp natural history'));
  });

  it('human scalp: the HTML report holds its figures', () => {
    const html = humanScalpReport(human.series, human.summary as { regions: Record<string, HumanRegionSummary> }, { seed: 1 });
    const doc = parseXml(html, { html: true });
    assert.equal(byTag(doc, 'figure').length, 2);
    assert.ok(byTag(doc, 'figure').every((f) => f.children.some((c) => c.name === 'svg' && (c.attrs.class ?? '').includes('follisim-chart'))));
  });
});
