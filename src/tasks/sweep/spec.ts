import { z } from 'zod';

/**
 * The file format shared by `sweep`, `sensitivity` and `calibrate` files: a subtask scenario, parameters by
 * path with ranges or distributions, outputs by path into the subtask's result. Each task adds its own
 * section (design, method, targets) in its own file.
 */

/** Most subtask runs one task file may plan (design points × replicates); beyond it the file is refused. */
export const MAX_UNITS = 100_000;

const distributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('uniform'), min: z.number(), max: z.number() }),
  z.strictObject({ type: z.literal('loguniform'), min: z.number().positive(), max: z.number().positive() }),
  z.strictObject({ type: z.literal('normal'), mean: z.number(), sd: z.number().positive() }),
  z.strictObject({ type: z.literal('lognormal'), mean: z.number().positive().describe('arithmetic mean'), sd: z.number().positive() }),
]);

export const parameterSchema = z
  .strictObject({
    path: z.string().min(1).describe('dotted path into the subtask scenario (arms.2.minoxidil.doseFactor, parameters.ros.h2o2ClearancePerS)'),
    alsoPaths: z.array(z.string().min(1)).max(50).default([]).describe('further paths set to the same value (a tied parameter, e.g. arms.1.n with arms.0.n for n per arm)'),
    name: z.string().min(1).optional().describe('label in tables and charts (default: the last path segment)'),
    min: z.number().optional(),
    max: z.number().optional(),
    scale: z.enum(['linear', 'log']).default('linear').describe('how the range is spanned'),
    levels: z.number().int().min(1).max(1000).optional().describe('grid levels of this parameter (grid design)'),
    distribution: distributionSchema.optional().describe('instead of min/max: sampled by its quantiles'),
    start: z.number().optional().describe('calibration: starting value (default: middle of the range)'),
    integer: z.boolean().default(false).describe('round sampled values to integers (counts, days)'),
  })
  .superRefine((p, ctx) => {
    if (p.distribution) {
      if (p.distribution.type === 'uniform' || p.distribution.type === 'loguniform') {
        if (p.distribution.min >= p.distribution.max) ctx.addIssue({ code: 'custom', path: ['distribution', 'max'], input: p.distribution.max, message: `must be > distribution.min (${p.distribution.min})` });
      }
      return;
    }
    if (p.min === undefined || p.max === undefined) {
      ctx.addIssue({ code: 'custom', path: [p.min === undefined ? 'min' : 'max'], message: 'is required (give min and max, or a distribution)' });
      return;
    }
    if (!(p.min < p.max)) ctx.addIssue({ code: 'custom', path: ['max'], input: p.max, message: `must be > min (${p.min})` });
    if (p.scale === 'log' && !(p.min > 0)) ctx.addIssue({ code: 'custom', path: ['min'], input: p.min, message: 'must be > 0 on a log scale' });
    if (p.start !== undefined && !(p.start >= p.min && p.start <= p.max)) ctx.addIssue({ code: 'custom', path: ['start'], input: p.start, message: `must lie in [min, max] = [${p.min}, ${p.max}]` });
  });

export const outputSchema = z.strictObject({
  path: z.string().min(1).describe("dotted path into the subtask's result summary (or tables.NAME.COLUMN with day)"),
  name: z.string().min(1).optional().describe('label in tables and charts (default: the path)'),
  day: z.number().optional().describe('read a table column at this day (linear interpolation over its day column)'),
  where: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('table rows to keep before reading at day, e.g. {region: vertex}'),
  indicator: z.boolean().optional().describe('a 0/1 outcome: sensitivity (sobol) also reports P(= 1) over its base samples with a Clopper-Pearson interval'),
});

/**
 * `subtask:` is an inline scenario, or `{ scenarioFile: PATH, set: { 'dotted.path': value } }` that the shell
 * resolves into one (`set` changes fields of the file's scenario that are not varied, e.g. fewer mice).
 */
const subtaskSchema = z
  .record(z.string(), z.unknown())
  .describe('the scenario to run at every point: inline, or { scenarioFile: path relative to this file, set: { path: value } }')
  .superRefine((s, ctx) => {
    if ('scenarioFile' in s) {
      if (Object.keys(s).some((k) => k !== 'scenarioFile' && k !== 'set')) ctx.addIssue({ code: 'custom', message: 'give either scenarioFile (with an optional set) or an inline scenario, not both' });
      else if (typeof s.scenarioFile !== 'string') ctx.addIssue({ code: 'custom', path: ['scenarioFile'], message: 'must be a file path' });
      else if (s.set !== undefined && (s.set === null || typeof s.set !== 'object' || Array.isArray(s.set))) ctx.addIssue({ code: 'custom', path: ['set'], message: 'must map dotted paths to values' });
    } else if (typeof s.model !== 'string') ctx.addIssue({ code: 'custom', path: ['model'], message: 'is required (the inline scenario has no model)' });
  });

/** Fields every sweep-like file has; `kind` (or `task`) selects the task. */
export function commonFields<K extends string>(kind: K) {
  return {
    kind: z.literal(kind).optional(),
    task: z.literal(kind).optional(),
    schemaVersion: z.literal(1).default(1),
    name: z.string().default(''),
    description: z.string().default(''),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    subtask: subtaskSchema,
    parameters: z.array(parameterSchema).max(500),
    outputs: z.array(outputSchema).min(1).max(50),
    replicates: z.number().int().min(1).max(1000).default(1).describe('subtask runs per design point (different seeds)'),
    commonRandomNumbers: z.boolean().default(true).describe('same subtask seeds at every point (true) or new seeds per point'),
  };
}

export type ParameterSpec = z.output<typeof parameterSchema>;
export type OutputSpec = z.output<typeof outputSchema>;

/** What every task of this family reads from its file. */
export interface CommonSpec {
  kind?: string;
  task?: string;
  name: string;
  seed?: number;
  subtask: Record<string, unknown>;
  parameters: ParameterSpec[];
  outputs: OutputSpec[];
  replicates: number;
  commonRandomNumbers: boolean;
}

/** Cross-field check: the file names its kind once (kind or task). */
export function kindGiven(s: { kind?: string; task?: string }, ctx: z.RefinementCtx): void {
  if (s.kind === undefined && s.task === undefined) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'is required (kind: sweep | sensitivity | calibrate)' });
}

/** True when a (parsed) file is of this kind. */
export function isKind(s: unknown, kind: string): boolean {
  const o = s as { kind?: unknown; task?: unknown } | null;
  return o !== null && typeof o === 'object' && (o.kind === kind || o.task === kind);
}

/** The label of a parameter: its name, else the last segment of its path. */
export function parameterLabel(p: ParameterSpec): string {
  return p.name ?? p.path.split('.').pop() ?? p.path;
}

/** The label of an output: its name, else its path (with the day). */
export function outputLabel(o: OutputSpec): string {
  return o.name ?? (o.day === undefined ? o.path : `${o.path}@day${o.day}`);
}
