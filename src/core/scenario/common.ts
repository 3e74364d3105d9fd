import { z } from 'zod';

/** Shortest run and sampling interval (days, 86.4 s): below it no model takes a step. */
export const MIN_DURATION_DAYS = 0.001;
/** Shortest mean phase duration (days, ~15 min): shorter cycles are not hair cycles and explode event counts. */
export const MIN_PHASE_DAYS = 0.01;

/** Fields every scenario has, whatever its model. */
export const commonScenarioFields = {
  schemaVersion: z.literal(1).default(1).describe('scenario file format version'),
  name: z.string().min(1).max(200).default('unnamed').describe('short name used in reports and output folders'),
  description: z.string().default('').describe('free text'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('root random seed (integer >= 0); generated and recorded in the manifest when absent'),
  durationDays: z
    .number()
    .min(MIN_DURATION_DAYS)
    .max(36525)
    .describe('simulated time (days, from 0.001 — shorter runs hold no step of any model — to 36525, 100 years)'),
  parameters: z
    .record(z.string(), z.number())
    .default({})
    .describe('model parameter overrides by dotted path (`follisim params` lists paths, units and plausible ranges)'),
  parameterValues: z
    .record(z.string(), z.number())
    .optional()
    .describe('output only: every catalog parameter the run used (defaults + overrides), recomputed at validation; edit `parameters` instead'),
};

/** The `record` section: the sampling interval, with a default that suits the model's time scale. */
export const recordSchema = (defaultEveryDays: number) =>
  z
    .strictObject({
      everyDays: z
        .number()
        .min(MIN_DURATION_DAYS)
        .max(36525)
        .default(defaultEveryDays)
        .describe('sampling interval of the time series (days, at least 0.001: finer sampling only repeats the step; at most 100 years)'),
    })
    .prefault({})
    .describe('what the recorders sample and how often');

/** Lognormal duration given by arithmetic mean and SD (days); SD 0 makes it deterministic. */
export const durationSchema = (meanDays: number, sdDays: number, what: string) =>
  z
    .strictObject({
      meanDays: z
        .number()
        .min(MIN_PHASE_DAYS)
        .max(36525)
        .default(meanDays)
        .describe(`mean ${what} (days, > 0: from ~15 min, below any cell-cycle phase, to 100 years)`),
      sdDays: z.number().min(0).max(36525).default(sdDays).describe(`SD of ${what} (days, >= 0, at most 100 years; lognormal)`),
    })
    .prefault({});

/** A value with between-individual spread: mean and SD in the given unit. */
export const spreadSchema = (mean: number, sd: number, unit: string, what: string, bounds: { min?: number; max?: number } = {}) => {
  // an SD wider than the allowed range of the mean only produces clipped or non-finite draws
  const sdMax = bounds.max !== undefined ? bounds.max - (bounds.min ?? 0) : 1000;
  let m = z.number();
  if (bounds.min !== undefined) m = m.min(bounds.min);
  if (bounds.max !== undefined) m = m.max(bounds.max);
  return z
    .strictObject({
      mean: m.default(mean).describe(`mean ${what} (${unit})`),
      sd: z.number().min(0).max(sdMax).default(sd).describe(`SD of ${what} (${unit}, >= 0, at most ${sdMax}: the width of the allowed range)`),
    })
    .prefault({});
};

/**
 * Why a (mean, sd) pair cannot be a Beta distribution on (0, 1), or null when it can (sd = 0 means a
 * constant). Used by the schemas' cross-field checks.
 */
export function betaSpreadProblem(spread: { mean: number; sd: number }): string | null {
  const { mean, sd } = spread;
  if (sd === 0 || (mean > 0 && mean < 1 && sd * sd < mean * (1 - mean))) return null;
  return `must satisfy sd < sqrt(mean*(1-mean)) = ${Math.sqrt(Math.max(0, mean * (1 - mean))).toFixed(4)} for a Beta distribution (mean ${mean})`;
}
