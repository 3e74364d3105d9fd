import { z } from 'zod';
import { RandomStream } from '../../core/random/stream.ts';
import { morrisDesign, morrisIndices, type MorrisDesign } from '../methods/morris.ts';
import { saltelliDesign, sobolIndices, type SaltelliDesign } from '../methods/saltelli.ts';
import type { Task } from '../task.ts';
import type { TaskOutput } from '../types.ts';
import { fromUnit, hasBounds } from './distributions.ts';
import { commonFields, isKind, kindGiven, MAX_UNITS, outputLabel, parameterLabel } from './spec.ts';
import { assertOutputsFound, checkParameters, evaluatePoint, subtaskSeed, type PointResult } from './subtask.ts';
import { pointMeans, pointUnits, runsTable, type PointUnit } from './table.ts';

/**
 * `follisim sensitivity`: Morris screening (μ*, σ) or variance-based Sobol indices (S1, ST with bootstrap
 * intervals) of the outputs with respect to the parameters; one unit per design point × replicate, the
 * outputs averaged over replicates before the indices are computed.
 */
export const sensitivitySpecSchema = z
  .strictObject({
    ...commonFields('sensitivity'),
    method: z.enum(['morris', 'sobol']),
    morris: z
      .strictObject({
        trajectories: z.number().int().min(2).max(10_000).default(10),
        levels: z.number().int().min(2).max(64).default(4).refine((p) => p % 2 === 0, 'must be even (Morris 1991: Δ = p / (2(p − 1)))'),
        candidates: z.number().int().min(2).max(1000).optional().describe('draw this many trajectories and keep the `trajectories` most spread out (Campolongo 2007)'),
      })
      .prefault({}),
    sobol: z
      .strictObject({
        samples: z.number().int().min(2).max(MAX_UNITS).default(64).describe('base sample size N; runs = N (parameters + 2)'),
        bootstrap: z.number().int().min(0).max(10_000).default(500),
        confidence: z.number().gt(0).lt(1).default(0.95),
        base: z.enum(['sobol', 'random']).default('sobol'),
      })
      .prefault({}),
  })
  .superRefine((s, ctx) => {
    kindGiven(s, ctx);
    const k = s.parameters.length;
    if (k === 0) ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'needs at least one parameter' });
    if (s.method === 'morris') s.parameters.forEach((p, i) => {
      if (!hasBounds(p)) ctx.addIssue({ code: 'custom', path: ['parameters', i, 'distribution'], message: 'Morris screening needs a bounded range (min/max, uniform or loguniform)' });
    });
    const runs = (s.method === 'morris' ? s.morris.trajectories * (k + 1) : s.sobol.samples * (k + 2)) * s.replicates;
    if (runs > MAX_UNITS) ctx.addIssue({ code: 'custom', path: [s.method, s.method === 'morris' ? 'trajectories' : 'samples'], message: `${runs} runs, above the limit of ${MAX_UNITS}` });
  });

export type SensitivitySpec = z.output<typeof sensitivitySpecSchema>;

function design(spec: SensitivitySpec, seed: number): MorrisDesign | SaltelliDesign {
  const rng = RandomStream.fromSeed(seed, ['sensitivity', 'design']);
  const k = spec.parameters.length;
  return spec.method === 'morris' ? morrisDesign(k, spec.morris.trajectories, spec.morris.levels, rng, spec.morris.candidates) : saltelliDesign(k, spec.sobol.samples, rng, spec.sobol.base);
}

function designValues(spec: SensitivitySpec, seed: number): number[][] {
  const d = design(spec, seed);
  const k = spec.parameters.length;
  const n = d.points.length / k;
  return Array.from({ length: n }, (_, i) => spec.parameters.map((p, j) => fromUnit(p, d.points[i * k + j])));
}

/** Design points × replicates, after checking every parameter path and range. */
function planSensitivity(spec: SensitivitySpec, seed: number): PointUnit[] {
  checkParameters(spec);
  return pointUnits(designValues(spec, seed), spec.replicates, (p, r) => subtaskSeed(seed, spec.commonRandomNumbers, p, r));
}

/** One row per parameter and output: Morris (mu, muStar, sigma) or Sobol (S1, ST and their intervals). */
export interface SensitivityRow {
  output: string;
  parameter: string;
  [measure: string]: string | number;
}

export type SensitivityOutput = TaskOutput & { spec: SensitivitySpec; indices: SensitivityRow[] };

export const sensitivityTask: Task<SensitivitySpec, PointUnit, PointResult, SensitivityOutput> = {
  name: 'sensitivity',
  description: 'Morris elementary effects (μ*, σ) or Sobol indices (Saltelli design, Jansen estimators, bootstrap CI) of a subtask',
  accepts: (s) => isKind(s, 'sensitivity'),
  plan: planSensitivity,
  runUnit: (spec, unit, _seed, ctx) => evaluatePoint(spec, unit.values, unit.seed, ctx),
  reduce(spec, results, seed) {
    assertOutputsFound(results);
    const d = design(spec, seed);
    const units = planSensitivity(spec, seed);
    const nPoints = units.length / spec.replicates;
    const { mean } = pointMeans(nPoints, spec.outputs.length, units, results);
    const pl = spec.parameters.map(parameterLabel);
    const ol = spec.outputs.map(outputLabel);
    const rows: SensitivityRow[] = [];
    const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
    ol.forEach((output, o) => {
      if (spec.method === 'morris') {
        const m = morrisIndices(d as MorrisDesign, mean[o]);
        pl.forEach((parameter, j) => rows.push({ output, parameter, mu: round(m.mu[j]), muStar: round(m.muStar[j]), sigma: round(m.sigma[j]) }));
      } else {
        const rng = RandomStream.fromSeed(seed, ['sensitivity', 'bootstrap', o]);
        const s = sobolIndices(d as SaltelliDesign, mean[o], rng, spec.sobol.bootstrap, spec.sobol.confidence);
        pl.forEach((parameter, j) =>
          rows.push({ output, parameter, S1: round(s.S1[j]), S1Low: round(s.S1Low[j]), S1High: round(s.S1High[j]), ST: round(s.ST[j]), STLow: round(s.STLow[j]), STHigh: round(s.STHigh[j]), variance: round(s.variance) }),
        );
      }
    });
    const indicesTable: Record<string, (string | number)[]> = {};
    for (const key of Object.keys(rows[0] ?? {})) indicesTable[key] = rows.map((r) => r[key]);
    return {
      task: 'sensitivity',
      summary: {
        kind: 'sensitivity',
        name: spec.name,
        method: spec.method,
        settings: spec.method === 'morris' ? spec.morris : spec.sobol,
        runs: units.length,
        replicates: spec.replicates,
        commonRandomNumbers: spec.commonRandomNumbers,
        subtask: { model: spec.subtask.model },
        parameters: spec.parameters.map((p, j) => ({ name: pl[j], path: p.path })),
        indices: rows,
      },
      tables: { runs: runsTable(spec, units, results), indices: indicesTable as Record<string, number[] | string[]> },
      solver: spec.method === 'morris' ? { method: 'Morris 1991 trajectories, μ* (Campolongo 2007)' } : { method: 'Saltelli 2010 radial design, Jansen 1999 estimators, percentile bootstrap' },
      stats: { runs: units.length },
      streams: ['sensitivity/design', 'sensitivity/bootstrap', 'subtask/…'],
      spec,
      indices: rows,
    };
  },
};
