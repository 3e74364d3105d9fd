/**
 * Builders for charts with a categorical axis: bars with error bars, points and significance brackets;
 * waterfalls of sorted individual bars; forest plots of estimates with confidence whiskers.
 */

import * as Plot from '@observablehq/plot';
import { INK, PALETTE, REFERENCE_INK, cat, colourScale, finiteRows, num, ruleMarks, scaleOptions, type Draft } from './common.ts';
import type { BarSpec, ChartRow, ForestSpec, WaterfallSpec } from './spec.ts';

/** A point at a (fractional) category position `i` with value `v`. */
interface Placed {
  i: number;
  v: number;
}

/** A bar: category position, value, error half-length (NaN: none) and category name. */
interface Bar extends Placed {
  e: number;
  c: string;
}

/** A bracket between categories x1 < x2 at height `level`. */
interface Bracket {
  x1: number;
  x2: number;
  level: number;
  label: string;
}

/**
 * Bars in row order, one colour per category. Categories sit at integer positions on a linear x scale
 * (ticks labelled with the category names) because points need a horizontal spread within their bar and
 * brackets need a midpoint between two bars, neither of which a band scale can express.
 */
export function barDraft(spec: BarSpec, width: number): Draft {
  const { data, x, y, error } = spec;
  const cats = data.map(cat(x.field));
  const index = new Map(cats.map((c, i) => [c, i]));
  const value = num(y.field);
  const err = error ? num(error) : () => Number.NaN;
  const bars: Bar[] = data.map((r, i) => ({ i, v: value(r), e: err(r), c: cats[i] }));
  const withErr = bars.filter((b) => Number.isFinite(b.v) && Number.isFinite(b.e) && b.e > 0);
  const cap = 0.1;

  // Points: spread symmetrically by rank within each bar (deterministic, unlike random jitter).
  const points: Placed[] = [];
  const byCat = new Map<number, number[]>();
  for (const p of spec.points ?? []) {
    const i = index.get(cat(x.field)(p));
    const v = value(p);
    if (i === undefined || !Number.isFinite(v)) continue;
    byCat.set(i, [...(byCat.get(i) ?? []), v]);
  }
  for (const [i, vs] of byCat) {
    const sorted = [...vs].sort((a, b) => a - b);
    const step = Math.min(0.08, 0.5 / sorted.length);
    sorted.forEach((v, k) => points.push({ i: i + (k - (sorted.length - 1) / 2) * step, v }));
  }

  // Brackets stacked above the tallest bar, error bar or point.
  const top = Math.max(0, ...bars.map((b) => b.v + (Number.isFinite(b.e) ? b.e : 0)).filter(Number.isFinite), ...points.map((p) => p.v));
  const rise = top * 0.09 || 1;
  const brackets: Bracket[] = (spec.brackets ?? [])
    .map((b) => ({ a: index.get(b.from), b: index.get(b.to), label: b.label }))
    .filter((b): b is { a: number; b: number; label: string } => b.a !== undefined && b.b !== undefined && b.a !== b.b)
    .map((b, k) => ({ x1: Math.min(b.a, b.b), x2: Math.max(b.a, b.b), level: top + rise * (k + 1), label: b.label }));
  const ends = brackets.flatMap((b) => [{ x: b.x1, level: b.level }, { x: b.x2, level: b.level }]);

  const n = cats.length;
  const ticks = cats.map((_, i) => i);
  const bandPx = (width - 80) / Math.max(1, n);
  const marks: Plot.Markish[] = [
    Plot.rectY(bars, { x1: (b: Bar) => b.i - 0.35, x2: (b: Bar) => b.i + 0.35, y1: 0, y2: (b: Bar) => b.v, fill: (b: Bar) => b.c, fillOpacity: 0.85 }),
    Plot.ruleX(withErr, { x: (b: Bar) => b.i, y1: (b: Bar) => b.v - b.e, y2: (b: Bar) => b.v + b.e, stroke: INK, strokeWidth: 1.3 }),
    Plot.ruleY(withErr, { y: (b: Bar) => b.v + b.e, x1: (b: Bar) => b.i - cap, x2: (b: Bar) => b.i + cap, stroke: INK, strokeWidth: 1.3 }),
    Plot.ruleY(withErr, { y: (b: Bar) => b.v - b.e, x1: (b: Bar) => b.i - cap, x2: (b: Bar) => b.i + cap, stroke: INK, strokeWidth: 1.3 }),
    Plot.dot(points, { x: (p: Placed) => p.i, y: (p: Placed) => p.v, r: 3, fill: 'white', stroke: INK, strokeWidth: 1.2 }),
    Plot.ruleY(brackets, { y: (b: Bracket) => b.level, x1: (b: Bracket) => b.x1, x2: (b: Bracket) => b.x2, stroke: INK }),
    Plot.ruleX(ends, { x: (e: { x: number }) => e.x, y1: (e: { level: number }) => e.level - rise * 0.3, y2: (e: { level: number }) => e.level, stroke: INK }),
    Plot.text(brackets, { x: (b: Bracket) => (b.x1 + b.x2) / 2, y: (b: Bracket) => b.level, text: (b: Bracket) => b.label, lineAnchor: 'bottom', dy: -3, fontSize: 11 }),
    Plot.ruleY([0], { stroke: INK }),
    ...ruleMarks(spec.rules, 'y'),
    Plot.axisX({ ticks, tickFormat: (i: number) => cats[i] ?? '', tickSize: 0, lineWidth: Math.max(5, bandPx / 7), label: x.label ? scaleOptions(x).label : null, labelAnchor: 'center', labelArrow: 'none' }),
  ];
  const colour = colourScale(data, x.field, 'box');
  const yScale = scaleOptions(y, brackets.length && !y.domain ? { domain: [0, top + rise * (brackets.length + 0.8)] } : {});
  return {
    plot: { x: { domain: [-0.6, n - 0.4] }, y: yScale, color: colour.color, marks, marginBottom: 58 },
  };
}

/** Individual bars sorted by value, coloured by a series field or by sign, with a zero line. */
export function waterfallDraft(spec: WaterfallSpec): Draft {
  const { x, y, series } = spec;
  const value = num(y.field);
  const dir = spec.order === 'ascending' ? 1 : -1;
  const rows = finiteRows(spec.data, y.field).sort((a, b) => dir * (value(a) - value(b)));
  const ids = rows.map(cat(x.field));
  const colour = colourScale(rows, series, 'box');
  const fill = series ? cat(series) : (r: ChartRow) => (value(r) >= 0 ? PALETTE[0] : PALETTE[1]);
  const marks: Plot.Markish[] = [Plot.barY(rows, { x: cat(x.field), y: value, fill, insetLeft: 0.5, insetRight: 0.5 }), Plot.ruleY([0], { stroke: INK }), ...ruleMarks(spec.rules, 'y')];
  // Past ~30 bars the identifiers would overprint each other; the bars alone carry the message.
  const xScale = scaleOptions(x, { type: 'band', domain: ids, padding: 0.1, nice: false, ...(ids.length > 30 ? { ticks: [], tickSize: 0 } : {}) });
  return { plot: { x: xScale, y: scaleOptions(y), color: colour.color, marks }, legend: colour.legend };
}

/** Estimates (squares) with CI whiskers per labelled row, in row order, and a dashed no-effect line. */
export function forestDraft(spec: ForestSpec, height: number): Draft {
  const { x, y, low, high } = spec;
  const rows = finiteRows(spec.data, x.field, low, high);
  const labels = rows.map(cat(y.field));
  const ref = spec.reference ?? 0;
  // Whisker caps about 12 px tall whatever the number of rows (tick marks span their whole band otherwise).
  const bandPx = (0.8 * (height - 100)) / Math.max(1, rows.length);
  const inset = Math.max(0, bandPx / 2 - 6);
  const marks: Plot.Markish[] = [
    Plot.ruleX([ref], { stroke: REFERENCE_INK, strokeDasharray: '6 4' }),
    Plot.link(rows, { x1: num(low), x2: num(high), y1: cat(y.field), y2: cat(y.field), stroke: INK, strokeWidth: 1.5 }),
    Plot.tickX(rows, { x: num(low), y: cat(y.field), stroke: INK, insetTop: inset, insetBottom: inset }),
    Plot.tickX(rows, { x: num(high), y: cat(y.field), stroke: INK, insetTop: inset, insetBottom: inset }),
    Plot.dot(rows, { x: num(x.field), y: cat(y.field), symbol: 'square', r: 4.5, fill: PALETTE[0] }),
  ];
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return {
    plot: {
      x: scaleOptions(x),
      y: { type: 'band', domain: labels, label: y.label ?? null, padding: 0.2 },
      marks,
      marginLeft: Math.min(260, 20 + longest * 6.2),
    },
  };
}
