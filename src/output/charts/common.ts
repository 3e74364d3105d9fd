/**
 * Pieces shared by the mark builders: the draft a builder returns, axis and colour-scale options, reference
 * lines and row accessors. Field values are read through accessor functions (not field-name strings) so a
 * field called e.g. "x" or "length" can never be mistaken for a Plot option or an array property.
 */

import * as Plot from '@observablehq/plot';
import type { Legend } from './frame.ts';
import { axisTitle, type AxisSpec, type ChartRow, type RuleSpec } from './spec.ts';

/** Okabe–Ito colours (colour-blind safe) in plotting order; yellow late because thin yellow lines are faint. */
export const PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];
export const INK = '#333333';
export const REFERENCE_INK = '#555555';

/** What a builder hands to the renderer: Plot options (without size/document) plus legend and ramp. */
export interface Draft {
  plot: Plot.PlotOptions;
  legend?: Legend;
  /** A continuous colour scale and the data extent it covers, explained by a ramp above the body. */
  ramp?: { scale: Plot.ScaleOptions; extent: [number, number] };
  /** Natural size when the chart fixes it (picture grids); otherwise the spec or default size is used. */
  size?: { width: number; height: number };
}

/** Accessor for a numeric field: numbers as they are, anything else (null, strings) as NaN, i.e. a gap. */
export function num(field: string): (r: ChartRow) => number {
  return (r) => {
    const v = r[field];
    return typeof v === 'number' ? v : Number.NaN;
  };
}

/** Accessor for a categorical field, as a string ("" when missing). */
export function cat(field: string): (r: ChartRow) => string {
  return (r) => {
    const v = r[field];
    return v === null || v === undefined ? '' : String(v);
  };
}

/** Distinct values of a field in order of first appearance (the legend and colour order). */
export function distinct(rows: readonly ChartRow[], field: string): string[] {
  return [...new Set(rows.map(cat(field)))];
}

/** Options of a positional scale from an axis spec: label with unit, optional domain, zero and log. */
export function scaleOptions(axis: AxisSpec, extra: Plot.ScaleOptions = {}): Plot.ScaleOptions {
  return {
    label: axisTitle(axis),
    labelAnchor: 'center',
    labelArrow: 'none',
    ...(axis.domain ? { domain: axis.domain } : { nice: true }),
    ...(axis.zero ? { zero: true } : {}),
    ...(axis.log ? { type: 'log' } : {}),
    ...extra,
  };
}

/** A categorical colour scale over the values of `field` and the legend that explains it. */
export function colourScale(rows: readonly ChartRow[], field: string | undefined, swatch: Legend['swatch']): { color?: Plot.ScaleOptions; legend?: Legend } {
  if (!field) return {};
  const domain = distinct(rows, field);
  const range = domain.map((_, i) => PALETTE[i % PALETTE.length]);
  const legend: Legend | undefined = domain.length > 1 ? { swatch, items: domain.map((label, i) => ({ label, colour: range[i] })) } : undefined;
  return { color: { type: 'ordinal', domain, range }, legend };
}

/** Colour channel value: the series field if any, otherwise the first palette colour. */
export function colourChannel(field: string | undefined): Plot.ChannelValueSpec {
  return field ? cat(field) : PALETTE[0];
}

/**
 * Dashed horizontal (`y`) or vertical (`x`) reference lines with labels on a white halo. A horizontal line's
 * label sits above it at the right end, or below it when `below(value)` says data crowd the space above.
 */
export function ruleMarks(rules: readonly RuleSpec[] | undefined, dim: 'x' | 'y', below: (value: number) => boolean = () => false): Plot.Markish[] {
  if (!rules || rules.length === 0) return [];
  const values = rules.map((r) => r.value);
  const labelled = rules.filter((r) => r.label);
  const halo = { fill: REFERENCE_INK, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', fontSize: 11 } as const;
  if (dim === 'y') {
    const label = (rs: RuleSpec[], under: boolean) =>
      Plot.text(rs, { y: (r: RuleSpec) => r.value, text: (r: RuleSpec) => r.label, frameAnchor: 'right', textAnchor: 'end', lineAnchor: under ? 'top' : 'bottom', dx: -4, dy: under ? 3 : -3, ...halo });
    return [
      Plot.ruleY(values, { stroke: REFERENCE_INK, strokeWidth: 1.2, strokeDasharray: '6 4' }),
      label(labelled.filter((r) => !below(r.value)), false),
      label(labelled.filter((r) => below(r.value)), true),
    ];
  }
  return [
    Plot.ruleX(values, { stroke: REFERENCE_INK, strokeWidth: 1.2, strokeDasharray: '6 4' }),
    Plot.text(labelled, { x: (r: RuleSpec) => r.value, text: (r: RuleSpec) => r.label, frameAnchor: 'top', textAnchor: 'start', lineAnchor: 'top', dx: 4, dy: 4, ...halo }),
  ];
}

/**
 * Whether data crowd the strip just above a horizontal line near the right end of the plot (where its label
 * goes) more than the strip just below: then the label is better placed under the line.
 */
export function labelBelow(rows: readonly ChartRow[], xField: string, yFields: readonly string[], rules: readonly RuleSpec[] = []): (value: number) => boolean {
  const xs = rows.map(num(xField)).filter(Number.isFinite);
  if (xs.length === 0) return () => false;
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const right = rows.filter((r) => num(xField)(r) >= x0 + 0.6 * (x1 - x0));
  const ys = right.flatMap((r) => yFields.map((f) => num(f)(r))).filter(Number.isFinite);
  const all = [...rows.flatMap((r) => yFields.map((f) => num(f)(r))).filter(Number.isFinite), ...rules.map((r) => r.value)];
  const strip = 0.08 * (Math.max(...all) - Math.min(...all) || 1);
  const count = (lo: number, hi: number) => ys.filter((y) => y > lo && y < hi).length;
  return (v) => count(v, v + strip) > count(v - strip, v);
}

/** Rows whose numeric field is finite (Plot would skip the others anyway; this keeps mark counts honest). */
export function finiteRows(rows: readonly ChartRow[], ...fields: string[]): ChartRow[] {
  return rows.filter((r) => fields.every((f) => Number.isFinite(num(f)(r))));
}
