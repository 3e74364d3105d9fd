import { z } from 'zod';

/** Fields every scenario has, whatever its model. */
export const commonScenarioFields = {
  schemaVersion: z.literal(1).default(1).describe('scenario file format version'),
  name: z.string().min(1).default('unnamed').describe('short name used in reports and output folders'),
  description: z.string().default('').describe('free text'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('root random seed (integer >= 0); generated and recorded in the manifest when absent'),
  durationDays: z.number().positive().max(36525).describe('simulated time (days, > 0, at most 100 years)'),
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
      everyDays: z.number().positive().default(defaultEveryDays).describe('sampling interval of the time series (days, > 0)'),
    })
    .prefault({})
    .describe('what the recorders sample and how often');

/** Lognormal duration given by arithmetic mean and SD (days); SD 0 makes it deterministic. */
export const durationSchema = (meanDays: number, sdDays: number, what: string) =>
  z
    .strictObject({
      meanDays: z.number().positive().default(meanDays).describe(`mean ${what} (days, > 0)`),
      sdDays: z.number().min(0).default(sdDays).describe(`SD of ${what} (days, >= 0; lognormal)`),
    })
    .prefault({});

/** A value with between-individual spread: mean and SD in the given unit. */
export const spreadSchema = (mean: number, sd: number, unit: string, what: string, bounds: { min?: number; max?: number } = {}) => {
  let m = z.number();
  if (bounds.min !== undefined) m = m.min(bounds.min);
  if (bounds.max !== undefined) m = m.max(bounds.max);
  return z
    .strictObject({
      mean: m.default(mean).describe(`mean ${what} (${unit})`),
      sd: z.number().min(0).default(sd).describe(`SD of ${what} (${unit}, >= 0)`),
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
