import { z } from 'zod';
import { RandomStream } from '../../core/random/stream.ts';
import { gridDesign, latinHypercube, randomDesign, sobolDesign } from '../methods/designs.ts';
import { SOBOL_MAX_DIMENSION } from '../methods/sobolSequence.ts';
import type { Task } from '../task.ts';
import type { TaskOutput } from '../types.ts';
import { fromUnit, hasBounds } from './distributions.ts';
import { commonFields, isKind, kindGiven, MAX_UNITS, outputLabel, parameterLabel } from './spec.ts';
import { assertOutputsFound, checkParameters, evaluatePoint, subtaskSeed, type PointResult } from './subtask.ts';
import { pointMeans, pointUnits, runsTable, type PointUnit } from './table.ts';
import { powerAnalysis, powerOutputIndex, powerSchema } from './power.ts';

/**
 * `follisim sweep`: the subtask run over a design of parameter values (full grid, Latin hypercube,
 * scrambled Sobol, plain random, or one point with replicate seeds), one unit per point × replicate.
 */
export const sweepSpecSchema = z
  .strictObject({
    ...commonFields('sweep'),
    design: z
      .strictObject({
        method: z.enum(['grid', 'lhs', 'sobol', 'random', 'replicates']).default('grid'),
        samples: z.number().int().min(1).max(MAX_UNITS).optional().describe('design points (lhs, sobol, random)'),
        levels: z.number().int().min(1).max(1000).default(5).describe('grid levels of parameters without their own'),
      })
      .prefault({}),
    power: powerSchema.optional().describe('power by replicate trials: the proportion of replicates whose 0/1 output is 1, per point, and the swept value reaching each target'),
  })
  .superRefine((s, ctx) => {
    kindGiven(s, ctx);
    if (s.power) {
      const names = s.outputs.map(outputLabel).join(', ');
      if (powerOutputIndex(s.outputs, s.power.output) < 0) ctx.addIssue({ code: 'custom', path: ['power', 'output'], input: s.power.output, message: `names none of the outputs (${names})` });
      if (s.replicates < 2) ctx.addIssue({ code: 'custom', path: ['replicates'], input: s.replicates, message: 'a power analysis needs at least 2 replicates per point' });
      if (s.parameters.length > 1) ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'a power analysis sweeps at most one parameter (the sample size; tie arms with alsoPaths)' });
    }
    const m = s.design.method;
    if (m !== 'replicates' && s.parameters.length === 0) ctx.addIssue({ code: 'custom', path: ['parameters'], message: `a ${m} design needs at least one parameter` });
    if ((m === 'lhs' || m === 'sobol' || m === 'random') && s.design.samples === undefined) ctx.addIssue({ code: 'custom', path: ['design', 'samples'], message: `is required for a ${m} design (1-${MAX_UNITS})` });
    if (m === 'sobol' && s.parameters.length > SOBOL_MAX_DIMENSION) ctx.addIssue({ code: 'custom', path: ['parameters'], message: `a sobol design takes at most ${SOBOL_MAX_DIMENSION} parameters` });
    const points = sweepPoints(s);
    if (points * s.replicates > MAX_UNITS) ctx.addIssue({ code: 'custom', path: m === 'grid' ? ['design', 'levels'] : ['design', 'samples'], message: `${points} points × ${s.replicates} replicates = ${points * s.replicates} runs, above the limit of ${MAX_UNITS}` });
  });

export type SweepSpec = z.output<typeof sweepSpecSchema>;

/** Number of design points of a sweep file. */
export function sweepPoints(s: Pick<SweepSpec, 'design' | 'parameters'>): number {
  if (s.design.method === 'replicates') return 1;
  if (s.design.method === 'grid') return s.parameters.reduce((a, p) => a * (p.levels ?? s.design.levels), 1);
  return s.design.samples ?? 0;
}

/** Parameter values of every design point (rows), in design order. */
export function sweepDesign(s: SweepSpec, seed: number): number[][] {
  const d = s.parameters.length;
  const n = sweepPoints(s);
  const rng = RandomStream.fromSeed(seed, ['sweep', 'design']);
  let u: Float64Array;
  switch (s.design.method) {
    case 'replicates':
      return [s.parameters.map((p) => fromUnit(p, 0.5))];
    case 'grid': {
      const levels = s.parameters.map((p) => p.levels ?? s.design.levels);
      u = gridDesign(levels);
      // distributions without bounds use the mid-quantiles (k + ½)/L instead of 0 and 1
      for (let i = 0; i < n; i++) s.parameters.forEach((p, j) => {
        if (!hasBounds(p)) u[i * d + j] = (u[i * d + j] * (levels[j] - 1) + 0.5) / levels[j];
      });
      break;
    }
    case 'lhs':
      u = latinHypercube(n, d, rng);
      break;
    case 'sobol':
      u = sobolDesign(n, d, rng);
      break;
    case 'random':
      u = randomDesign(n, d, rng);
      break;
  }
  return Array.from({ length: n }, (_, i) => s.parameters.map((p, j) => fromUnit(p, u[i * d + j])));
}

// reductions instead of Math.min(...xs): designs may have 10⁵ points, too many for spread arguments
const minOf = (a: number, b: number): number => Math.min(a, b);
const maxOf = (a: number, b: number): number => Math.max(a, b);

/** The sweep's units: design points × replicates, after checking every parameter path and range. */
function planSweep(spec: SweepSpec, seed: number): PointUnit[] {
  checkParameters(spec);
  return pointUnits(sweepDesign(spec, seed), spec.replicates, (p, r) => subtaskSeed(seed, spec.commonRandomNumbers, p, r));
}

/** Output of a sweep: the generic parts plus what the report draws. */
export type SweepOutput = TaskOutput & { spec: SweepSpec; design: number[][]; means: number[][]; sds: number[][] };

export const sweepTask: Task<SweepSpec, PointUnit, PointResult, SweepOutput> = {
  name: 'sweep',
  description: 'a subtask scenario over a design of parameter values (grid, Latin hypercube, scrambled Sobol, replicates)',
  accepts: (s) => isKind(s, 'sweep'),
  plan: planSweep,
  runUnit: (spec, unit, _seed, ctx) => evaluatePoint(spec, unit.values, unit.seed, ctx),
  reduce(spec, results, seed) {
    assertOutputsFound(results);
    const units = planSweep(spec, seed);
    const design = units.filter((u) => u.replicate === 0).map((u) => u.values);
    const { mean, sd } = pointMeans(design.length, spec.outputs.length, units, results);
    const pl = spec.parameters.map(parameterLabel);
    const ol = spec.outputs.map(outputLabel);
    const points: Record<string, number[]> = { point: design.map((_, i) => i) };
    pl.forEach((l, j) => (points[l] = design.map((v) => v[j])));
    ol.forEach((l, o) => {
      points[`${l} mean`] = [...mean[o]];
      if (spec.replicates > 1) points[`${l} sd`] = [...sd[o]];
    });
    const outputs = ol.map((l, o) => {
      const v = [...mean[o]].filter((x) => !Number.isNaN(x));
      const none = v.length === 0; // e.g. a threshold no point reached
      return { name: l, path: spec.outputs[o].path, min: none ? null : v.reduce(minOf), max: none ? null : v.reduce(maxOf), mean: none ? null : v.reduce((a, b) => a + b, 0) / v.length, missingPoints: mean[o].length - v.length };
    });
    const power = spec.power ? powerAnalysis({ ...spec, power: spec.power }, design, units, results) : undefined;
    return {
      task: 'sweep',
      summary: {
        kind: 'sweep',
        name: spec.name,
        design: { method: spec.design.method, points: design.length, replicates: spec.replicates, runs: units.length, commonRandomNumbers: spec.commonRandomNumbers },
        subtask: { model: spec.subtask.model },
        parameters: spec.parameters.map((p, j) => ({ name: pl[j], path: p.path, min: design.map((v) => v[j]).reduce(minOf), max: design.map((v) => v[j]).reduce(maxOf) })),
        outputs,
        ...(power ? { power: { output: spec.power?.output, points: power.points, targets: power.targets } } : {}),
      },
      tables: { runs: runsTable(spec, units, results), points, ...(power ? { power: power.table } : {}) },
      solver: { design: spec.design.method, subtaskExecutor: 'one subtask run per unit' },
      stats: { points: design.length, runs: units.length },
      streams: ['sweep/design', 'subtask/…'],
      spec,
      design,
      means: mean.map((m) => [...m]),
      sds: sd.map((s) => [...s]),
    };
  },
  unitWeight: () => 1,
};
