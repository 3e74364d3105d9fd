import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barChart, type BarChartOptions } from '../../src/report/svgBarChart.ts';
import { byTag, deepText, parseXml, type XmlElement } from './xmlCheck.ts';

const options: BarChartOptions = {
  title: 'Anagen fraction',
  yLabel: 'Fraction',
  yUnit: '%',
  categories: ['Vehicle', 'Drug A', 'Drug B'],
  series: [
    { label: 'Day 7', values: [10, 20, 30], errors: [2, 3, 4] },
    { label: 'Day 21', values: [12, 25, 40], errors: [2, 4, 5], points: [[10, 14], [22, 28], [35, 45]] },
  ],
  significance: [
    { from: { group: 0, series: 1 }, to: { group: 2, series: 1 }, label: 'p=0.003' },
    { from: { group: 1, series: 1 }, to: { group: 2, series: 1 }, label: '**' },
  ],
};

const num = (e: XmlElement, a: string): number => Number(e.attrs[a]);

describe('barChart', () => {
  it('is well-formed with one bar per (series, category) and heights proportional to values', () => {
    const doc = parseXml(barChart(options));
    const bars = byTag(doc, 'rect', 'bar');
    assert.equal(bars.length, 6);
    // All bars share the same baseline (y + height), and height ∝ value.
    const baseline = num(bars[0], 'y') + num(bars[0], 'height');
    const perUnit = num(bars[0], 'height') / 10;
    const values = [10, 20, 30, 12, 25, 40];
    bars.forEach((b, i) => {
      assert.ok(Math.abs(num(b, 'y') + num(b, 'height') - baseline) < 0.02);
      assert.ok(Math.abs(num(b, 'height') - values[i] * perUnit) < 0.05, `bar ${i} height`);
    });
    // Bars within a group do not overlap, and groups are in category order.
    const right = (b: XmlElement): number => num(b, 'x') + num(b, 'width');
    assert.ok(right(bars[0]) <= num(bars[3], 'x'));
    assert.ok(right(bars[3]) < num(bars[1], 'x'));
    const texts = byTag(doc, 'text').map(deepText);
    for (const c of options.categories) assert.ok(texts.includes(c));
    assert.ok(texts.includes('Fraction (%)'));
  });

  it('draws error bars spanning mean ± error', () => {
    const doc = parseXml(barChart(options));
    const errs = byTag(doc, 'path', 'error-bar');
    assert.equal(errs.length, 6);
    const bars = byTag(doc, 'rect', 'bar');
    const perUnit = num(bars[0], 'height') / 10;
    const m = /M[-\d.]+,([-\d.]+)V([-\d.]+)/.exec(errs[0].attrs.d);
    assert.ok(m);
    assert.ok(Math.abs(Number(m[2]) - Number(m[1]) - 2 * 2 * perUnit) < 0.05, 'whisker length = 2 × error');
  });

  it('places significance brackets above the bars they span, stacked without overlap', () => {
    const doc = parseXml(barChart(options));
    const brackets = byTag(doc, 'path', 'significance-bracket');
    const labels = byTag(doc, 'text', 'significance-label').map(deepText);
    assert.equal(brackets.length, 2);
    assert.deepEqual([...labels].sort(), ['**', 'p=0.003']);
    const bracketY = brackets.map((b) => Number(/V([-\d.]+)H/.exec(b.attrs.d)?.[1]));
    const errTops = byTag(doc, 'path', 'error-bar').map((e) => Number(/M[-\d.]+,([-\d.]+)/.exec(e.attrs.d)?.[1]));
    const plotTopOfData = Math.min(...errTops);
    for (const y of bracketY) {
      assert.ok(y < plotTopOfData, 'bracket above the tallest error bar');
      assert.ok(y > 0, 'bracket inside the picture');
    }
    assert.notEqual(bracketY[0], bracketY[1]);
  });

  it('handles negative values, NaN and missing errors', () => {
    const svg = barChart({
      categories: ['a', 'b', 'c'],
      series: [{ label: 's', values: [-5, Number.NaN, 3], errors: [1, 1, Number.NaN] }],
    });
    const doc = parseXml(svg);
    assert.equal(byTag(doc, 'rect', 'bar').length, 2);
    assert.equal(byTag(doc, 'path', 'error-bar').length, 1);
    assert.ok(!/NaN/.test(svg));
  });

  it('escapes category and series labels', () => {
    const nasty = `<b>&"'`;
    const svg = barChart({
      categories: [nasty, 'x'],
      series: [
        { label: nasty, values: [1, 2] },
        { label: 'y', values: [2, 1] },
      ],
      significance: [{ from: { group: 0 }, to: { group: 1 }, label: nasty }],
    });
    const texts = byTag(parseXml(svg), 'text').map(deepText);
    assert.ok(texts.filter((t) => t === nasty).length >= 3);
  });

  it('rotates long category labels instead of overlapping them', () => {
    const svg = barChart({
      width: 300,
      categories: ['Supercalifragilistic-treatment', 'Another-very-long-name', 'Third-long-category-name'],
      series: [{ label: 's', values: [1, 2, 3] }],
    });
    const doc = parseXml(svg);
    const rotated = byTag(doc, 'text').filter((t) => (t.attrs.transform ?? '').startsWith('rotate(-35'));
    assert.equal(rotated.length, 3);
  });
});
