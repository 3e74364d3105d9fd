/**
 * Builders for charts over two continuous axes: lines with bands, Kaplan–Meier steps with censoring marks,
 * and labelled scatter plots.
 */

import * as Plot from '@observablehq/plot';
import { INK, cat, colourChannel, colourScale, finiteRows, labelBelow, num, ruleMarks, scaleOptions, type Draft } from './common.ts';
import type { LineSpec, ScatterSpec, StepSpec } from './spec.ts';

/** Lines per series (gaps at missing values), each with an optional band behind it, plus reference lines. */
export function lineDraft(spec: LineSpec): Draft {
  const { data, x, y, series, band } = spec;
  const colour = colourChannel(series);
  const z = series ? cat(series) : undefined;
  const marks: Plot.Markish[] = [];
  if (band) {
    marks.push(Plot.areaY(data, { x: num(x.field), y1: num(band.low), y2: num(band.high), z, fill: colour, fillOpacity: 0.18 }));
  }
  marks.push(Plot.lineY(data, { x: num(x.field), y: num(y.field), z, stroke: colour, strokeWidth: 2 }));
  const yFields = band ? [y.field, band.low, band.high] : [y.field];
  marks.push(...ruleMarks(spec.rules, 'y', labelBelow(data, x.field, yFields, spec.rules)));
  marks.push(...ruleMarks(spec.xRules, 'x'));
  const { color, legend } = colourScale(data, series, band ? 'band' : 'line');
  return { plot: { x: scaleOptions(x, { nice: false }), y: scaleOptions(y), color, marks }, legend };
}

/** Survival-style step curves (step-after) with "+" marks at censoring times. */
export function stepDraft(spec: StepSpec): Draft {
  const { data, x, y, series, censored } = spec;
  const colour = colourChannel(series);
  const z = series ? cat(series) : undefined;
  const cens = censored ? finiteRows(data, x.field, y.field).filter((r) => r[censored] === true) : [];
  const marks: Plot.Markish[] = [
    Plot.lineY(data, { x: num(x.field), y: num(y.field), z, stroke: colour, strokeWidth: 2, curve: 'step-after' }),
    Plot.dot(cens, { x: num(x.field), y: num(y.field), stroke: colour, symbol: 'plus', r: 4, strokeWidth: 1.5 }),
    ...ruleMarks(spec.rules, 'y'),
  ];
  const { color, legend } = colourScale(data, series, 'step');
  return { plot: { x: scaleOptions(x, { nice: false }), y: scaleOptions(y), color, marks }, legend };
}

/** Dots with a text label beside each (e.g. Morris μ* on x against σ on y). */
export function scatterDraft(spec: ScatterSpec): Draft {
  const { data, x, y, series, label } = spec;
  const rows = finiteRows(data, x.field, y.field);
  const marks: Plot.Markish[] = [Plot.dot(rows, { x: num(x.field), y: num(y.field), fill: colourChannel(series), r: 4, stroke: 'white', strokeWidth: 0.8 })];
  if (label) {
    marks.push(
      Plot.text(rows, {
        x: num(x.field),
        y: num(y.field),
        text: cat(label),
        dx: 7,
        textAnchor: 'start',
        fill: INK,
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        fontSize: 11,
      }),
    );
  }
  const { color, legend } = colourScale(rows, series, 'dot');
  // Labels extend right of their dots: leave room for the longest so the rightmost one is not clipped.
  const longest = label ? Math.max(0, ...rows.map((r) => cat(label)(r).length)) : 0;
  return { plot: { x: scaleOptions(x), y: scaleOptions(y), color, marks, inset: 8, grid: true, marginRight: Math.min(220, 24 + longest * 6.2) }, legend };
}
