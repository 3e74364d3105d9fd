/**
 * Chart definitions as data: a serialisable, versioned spec (zod schema + inferred types). A spec names the
 * fields of its rows for each visual channel, so the same JSON can be restyled by hand, re-rendered in Node
 * (linkedom) or drawn live in the browser; `plot.ts` maps it onto Observable Plot marks.
 */

import { z } from 'zod';

/** Version of the chart spec format; bump on breaking changes so old `*.chart.json` files are recognised. */
export const CHART_SPEC_VERSION = 1;

const Cell = z.union([z.number(), z.string(), z.boolean(), z.null()]);
/** One data row: field name → number, string, boolean or null (null leaves a gap). */
export const ChartRowSchema = z.record(z.string(), Cell);

/** A positional channel: which field, and how to label it (label + unit → "Coverage (fraction)"). */
export const AxisSchema = z.object({
  field: z.string().describe('row field plotted on this axis'),
  label: z.string().optional(),
  unit: z.string().optional().describe('shown in parentheses after the label'),
  domain: z.tuple([z.number(), z.number()]).optional().describe('fixed extent (numeric axes)'),
  zero: z.boolean().optional().describe('include 0 in the automatic extent'),
  log: z.boolean().optional().describe('base-10 log axis'),
});

/** A labelled reference line at a data value (horizontal on y, vertical on x). */
export const RuleSchema = z.object({ value: z.number(), label: z.string().optional() });

const common = {
  version: z.literal(CHART_SPEC_VERSION),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  width: z.number().positive().optional().describe('total width in px (default 640)'),
  height: z.number().positive().optional().describe('total height in px (default 400)'),
  data: z.array(ChartRowSchema),
};

/** Lines per series, optionally with a band (mean ± SD, CI) behind each line and horizontal reference lines. */
export const LineSpecSchema = z.object({
  kind: z.literal('line'),
  ...common,
  x: AxisSchema,
  y: AxisSchema,
  series: z.string().optional().describe('field naming the series (colour and legend)'),
  band: z.object({ low: z.string(), high: z.string() }).optional(),
  rules: z.array(RuleSchema).optional(),
  xRules: z.array(RuleSchema).optional().describe('vertical reference lines at x values (e.g. depths of structures)'),
});

/** Kaplan–Meier style step curves (step-after) with censoring marks on rows flagged by `censored`. */
export const StepSpecSchema = z.object({
  kind: z.literal('step'),
  ...common,
  x: AxisSchema,
  y: AxisSchema,
  series: z.string().optional(),
  censored: z.string().optional().describe('boolean field: true rows are censoring times (drawn as +)'),
  rules: z.array(RuleSchema).optional(),
});

/** One bar per category (in row order) with optional ± error, individual points and significance brackets. */
export const BarSpecSchema = z.object({
  kind: z.literal('bar'),
  ...common,
  x: AxisSchema.describe('category field'),
  y: AxisSchema,
  error: z.string().optional().describe('field holding the half-length of the error bar (e.g. SD)'),
  points: z.array(ChartRowSchema).optional().describe('individual observations: rows with the x and y fields'),
  brackets: z.array(z.object({ from: z.string(), to: z.string(), label: z.string() })).optional(),
  rules: z.array(RuleSchema).optional(),
});

/** Individual bars sorted by value (e.g. change from baseline per subject), coloured by an optional field. */
export const WaterfallSpecSchema = z.object({
  kind: z.literal('waterfall'),
  ...common,
  x: AxisSchema.describe('identifier field, one bar each'),
  y: AxisSchema,
  series: z.string().optional(),
  order: z.enum(['descending', 'ascending']).optional(),
  rules: z.array(RuleSchema).optional(),
});

/** Forest plot: one row per estimate with a CI whisker and a reference (no-effect) line. */
export const ForestSpecSchema = z.object({
  kind: z.literal('forest'),
  ...common,
  x: AxisSchema.describe('estimate field'),
  y: AxisSchema.describe('row label field'),
  low: z.string().describe('lower CI bound field'),
  high: z.string().describe('upper CI bound field'),
  reference: z.number().optional().describe('no-effect value (default 0)'),
});

/** Dots with text labels (e.g. Morris μ* against σ). */
export const ScatterSpecSchema = z.object({
  kind: z.literal('scatter'),
  ...common,
  x: AxisSchema,
  y: AxisSchema,
  label: z.string().optional().describe('field with the text beside each dot'),
  series: z.string().optional(),
});

/** Cells of a numeric field over two categorical axes, with a colour ramp. */
export const HeatmapSpecSchema = z.object({
  kind: z.literal('heatmap'),
  ...common,
  x: AxisSchema,
  y: AxisSchema,
  fill: AxisSchema.extend({ scheme: z.string().optional().describe('Plot colour scheme (default viridis)') }),
});

/** A grid of raster pictures (inline data:image URLs), rows and columns named by two fields. */
export const ImageGridSpecSchema = z.object({
  kind: z.literal('images'),
  ...common,
  x: AxisSchema.describe('column field'),
  y: AxisSchema.describe('row field'),
  src: z.string().describe('field with a data:image URL'),
  cellWidth: z.number().positive().optional(),
  cellHeight: z.number().positive().optional(),
});

/** Any single chart. */
export const PanelSpecSchema = z.discriminatedUnion('kind', [
  LineSpecSchema,
  StepSpecSchema,
  BarSpecSchema,
  WaterfallSpecSchema,
  ForestSpecSchema,
  ScatterSpecSchema,
  HeatmapSpecSchema,
  ImageGridSpecSchema,
]);

/** Small multiples: charts laid out `columns` per row, optionally with panel letters and one shared legend. */
export const GridSpecSchema = z.object({
  kind: z.literal('grid'),
  version: z.literal(CHART_SPEC_VERSION),
  title: z.string().optional(),
  columns: z.number().int().positive(),
  panelLetters: z.boolean().optional(),
  sharedLegend: z.boolean().optional().describe('one legend above the grid instead of one per panel'),
  panels: z.array(PanelSpecSchema),
});

/** A chart spec as stored in `*.chart.json`. */
export const ChartSpecSchema = z.discriminatedUnion('kind', [...PanelSpecSchema.options, GridSpecSchema]);

export type ChartRow = z.infer<typeof ChartRowSchema>;
export type AxisSpec = z.infer<typeof AxisSchema>;
export type RuleSpec = z.infer<typeof RuleSchema>;
export type LineSpec = z.infer<typeof LineSpecSchema>;
export type StepSpec = z.infer<typeof StepSpecSchema>;
export type BarSpec = z.infer<typeof BarSpecSchema>;
export type WaterfallSpec = z.infer<typeof WaterfallSpecSchema>;
export type ForestSpec = z.infer<typeof ForestSpecSchema>;
export type ScatterSpec = z.infer<typeof ScatterSpecSchema>;
export type HeatmapSpec = z.infer<typeof HeatmapSpecSchema>;
export type ImageGridSpec = z.infer<typeof ImageGridSpecSchema>;
export type PanelSpec = z.infer<typeof PanelSpecSchema>;
export type GridSpec = z.infer<typeof GridSpecSchema>;
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

/** Validates a parsed `*.chart.json` value (throws a zod error naming the offending path). */
export function parseChartSpec(value: unknown): ChartSpec {
  return ChartSpecSchema.parse(value);
}

/** Serialises a spec as stable, indented JSON (non-finite numbers become null, i.e. gaps). */
export function chartSpecJson(spec: ChartSpec): string {
  return `${JSON.stringify(spec, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** "Label (unit)", or just the label, or the field name when there is no label. */
export function axisTitle(axis: Pick<AxisSpec, 'field' | 'label' | 'unit'>): string {
  const label = axis.label ?? axis.field;
  return axis.unit ? `${label} (${axis.unit})` : label;
}
