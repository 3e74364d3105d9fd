import { z } from 'zod';
import { optimiserNames } from '../methods/optimisers/registry.ts';
import { hasBounds } from './distributions.ts';
import { commonFields, kindGiven, MAX_UNITS, outputSchema, type OutputSpec } from './spec.ts';

/**
 * The `calibrate` file: bounded parameters by path, targets (observed value ± SD of an output, optionally
 * at a day), an objective, an optimiser from the method registry with restarts and a budget, and the
 * uncertainty of the fit (profile likelihood).
 */
const targetSchema = z.strictObject({
  name: z.string().min(1).optional(),
  output: z.string().min(1).describe("dotted path into the subtask's result (as sweep outputs)"),
  observed: z.number(),
  sd: z.number().positive().describe('uncertainty of the observation (weights the residual)'),
  day: outputSchema.shape.day,
  where: outputSchema.shape.where,
});

export const calibrateSpecSchema = z
  .strictObject({
    ...commonFields('calibrate'),
    outputs: z.array(outputSchema).max(0).default([]).describe('not used: a calibration reads the outputs its targets name'),
    targets: z.array(targetSchema).min(1).max(200),
    objective: z.enum(['wls', 'gaussian']).default('wls').describe('wls: Σ((sim − obs)/sd)²; gaussian: the negative log-likelihood'),
    method: z.string().default('nelder-mead'),
    restarts: z.number().int().min(0).max(50).default(0),
    budget: z.number().int().min(1).max(MAX_UNITS).default(100).describe('most objective evaluations of the fit (each runs the subtask `replicates` times)'),
    step: z.number().gt(0).lte(1).optional().describe('initial step or spread as a fraction of each range'),
    uncertainty: z
      .strictObject({
        method: z.enum(['profile', 'none']).default('profile'),
        points: z.number().int().min(3).max(101).default(9).describe('profile grid points per parameter over its range'),
        budgetPerPoint: z.number().int().min(1).max(10_000).default(30).describe('re-optimisation of the other parameters at each profile point'),
        level: z.number().gt(0).lt(1).default(0.95),
      })
      .prefault({}),
  })
  .superRefine((s, ctx) => {
    kindGiven(s, ctx);
    if (s.parameters.length === 0) ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'needs at least one parameter to fit' });
    s.parameters.forEach((p, i) => {
      if (!hasBounds(p)) ctx.addIssue({ code: 'custom', path: ['parameters', i, 'distribution'], message: 'a fitted parameter needs bounds (min/max)' });
    });
    if (!optimiserNames().includes(s.method)) ctx.addIssue({ code: 'custom', path: ['method'], input: s.method, message: `unknown method (known: ${optimiserNames().join(', ')})` });
    const profile = s.uncertainty.method === 'profile' ? s.parameters.length * s.uncertainty.points * (s.parameters.length > 1 ? s.uncertainty.budgetPerPoint : 1) : 0;
    if ((s.budget + profile) * s.replicates > MAX_UNITS) ctx.addIssue({ code: 'custom', path: ['budget'], message: `up to ${(s.budget + profile) * s.replicates} runs, above the limit of ${MAX_UNITS}` });
  });

export type CalibrateSpec = z.output<typeof calibrateSpecSchema>;

/** The targets as outputs to read from every subtask run. */
export function targetOutputs(spec: CalibrateSpec): OutputSpec[] {
  return spec.targets.map((t) => ({ path: t.output, name: t.name, day: t.day, where: t.where }));
}

/** Objective of simulated target values: WLS sum of squared z-scores, or the Gaussian negative log-likelihood. */
export function objective(spec: Pick<CalibrateSpec, 'objective' | 'targets'>, simulated: readonly number[]): number {
  let ss = 0;
  let logs = 0;
  spec.targets.forEach((t, i) => {
    const z = (simulated[i] - t.observed) / t.sd;
    ss += z * z;
    logs += Math.log(t.sd * Math.sqrt(2 * Math.PI));
  });
  if (!Number.isFinite(ss)) return Number.POSITIVE_INFINITY; // an output that is NaN (never reached) cannot fit
  return spec.objective === 'wls' ? ss : 0.5 * ss + logs;
}
