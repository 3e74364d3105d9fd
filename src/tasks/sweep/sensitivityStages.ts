import { RandomStream } from '../../core/random/stream.ts';
import { morrisDesign, morrisIndices, type MorrisDesign } from '../methods/morris.ts';
import { saltelliDesign, type SaltelliDesign } from '../methods/saltelli.ts';
import { fromUnit } from './distributions.ts';
import { outputLabel, parameterLabel, type OutputSpec, type ParameterSpec } from './spec.ts';
import { subtaskSeed } from './subtask.ts';
import { pointMeans, pointUnits, type PointUnit } from './table.ts';
import type { PointResult } from './subtask.ts';

/**
 * The designs of a sensitivity run. One stage (Morris or Sobol), or two: a Morris screen over every
 * parameter, then a Saltelli design over the `top` parameters by μ* plus one group holding all the others.
 * The group keeps the rest of the parameter space sampled in the base matrices A and B (so their rows are a
 * sample of the whole plausible space, from which probabilities are estimated) and its total index says how
 * much the screened-out parameters still matter, at the cost of one extra run per base row.
 */

export interface StageSpec {
  parameters: ParameterSpec[];
  outputs: OutputSpec[];
  replicates: number;
  commonRandomNumbers: boolean;
  morris: { trajectories: number; levels: number; candidates?: number };
  sobol: { samples: number; base: 'sobol' | 'random'; screen?: { top: number; outputs?: string[] } };
}

export interface Stage {
  kind: 'morris' | 'sobol';
  design: MorrisDesign | SaltelliDesign;
  /** Factor labels: parameters, or (screened Sobol) the kept parameters and the group of the others. */
  factors: string[];
  /** Parameter indices of each factor. */
  groups: number[][];
  units: PointUnit[];
  /** Design points of this stage (units / replicates). */
  points: number;
  /** Index of this stage's first point among all points of the run (seeds and runs.csv). */
  firstPoint: number;
}

function stageUnits(spec: StageSpec, rootSeed: number, unitCube: Float64Array, dims: number, firstPoint: number): PointUnit[] {
  const n = unitCube.length / dims;
  const values = Array.from({ length: n }, (_, i) => spec.parameters.map((p, j) => fromUnit(p, unitCube[i * dims + j])));
  return pointUnits(values, spec.replicates, (p, r) => subtaskSeed(rootSeed, spec.commonRandomNumbers, p + firstPoint, r)).map((u) => ({ ...u, point: u.point + firstPoint }));
}

/** Morris trajectories over all parameters (stream sensitivity/design). */
export function morrisStage(spec: StageSpec, rootSeed: number): Stage {
  const k = spec.parameters.length;
  const design = morrisDesign(k, spec.morris.trajectories, spec.morris.levels, RandomStream.fromSeed(rootSeed, ['sensitivity', 'design']), spec.morris.candidates);
  const units = stageUnits(spec, rootSeed, design.points, k, 0);
  return { kind: 'morris', design, factors: spec.parameters.map(parameterLabel), groups: spec.parameters.map((_, j) => [j]), units, points: units.length / spec.replicates, firstPoint: 0 };
}

/**
 * Saltelli design over all parameters (no `kept`; stream sensitivity/design), or over the kept parameters
 * with the others as one group (stream sensitivity/design/sobol, independent of the screen's).
 */
export function sobolStage(spec: StageSpec, rootSeed: number, kept?: readonly number[], firstPoint = 0): Stage {
  const k = spec.parameters.length;
  const pl = spec.parameters.map(parameterLabel);
  let groups = pl.map((_, j) => [j]);
  let factors = pl;
  if (kept) {
    const rest = pl.map((_, j) => j).filter((j) => !kept.includes(j));
    groups = [...kept.map((j) => [j]), ...(rest.length ? [rest] : [])];
    factors = [...kept.map((j) => pl[j]), ...(rest.length ? [`other ${rest.length} parameters (one group)`] : [])];
  }
  const rng = RandomStream.fromSeed(rootSeed, kept ? ['sensitivity', 'design', 'sobol'] : ['sensitivity', 'design']);
  const design = saltelliDesign(k, spec.sobol.samples, rng, spec.sobol.base, kept ? groups : undefined);
  const units = stageUnits(spec, rootSeed, design.points, k, firstPoint);
  return { kind: 'sobol', design, factors, groups, units, points: units.length / spec.replicates, firstPoint };
}

/** Output means per point of a stage (over replicates): mean[output][local point]. */
export function stageMeans(spec: StageSpec, stage: Stage, results: readonly PointResult[]): Float64Array[] {
  const local = stage.units.map((u) => ({ ...u, point: u.point - stage.firstPoint }));
  return pointMeans(stage.points, spec.outputs.length, local, results).mean;
}

/**
 * The screen's choice: parameters ranked by μ* relative to the largest μ* of each screening output (the
 * maximum over those outputs, so an output in days and a 0/1 indicator weigh alike), the first `top` kept,
 * returned in parameter order. Non-finite μ* (an output undefined everywhere) counts as 0; ties keep file order.
 */
export function screenSelection(spec: StageSpec, stage: Stage, means: readonly Float64Array[]): { kept: number[]; score: number[]; outputs: string[] } {
  const screen = spec.sobol.screen;
  const top = screen?.top ?? spec.parameters.length;
  const labels = spec.outputs.map(outputLabel);
  const use = spec.outputs.map((o, i) => !screen?.outputs || screen.outputs.includes(labels[i]) || screen.outputs.includes(o.path));
  const score = new Array<number>(spec.parameters.length).fill(0);
  means.forEach((y, o) => {
    if (!use[o]) return;
    const ms = morrisIndices(stage.design as MorrisDesign, y).muStar;
    const max = Math.max(0, ...Array.from(ms).filter(Number.isFinite));
    if (max > 0) ms.forEach((m, j) => { if (Number.isFinite(m)) score[j] = Math.max(score[j], m / max); });
  });
  const order = score.map((s, j) => j).sort((a, b) => score[b] - score[a] || a - b);
  return { kept: order.slice(0, top).sort((a, b) => a - b), score, outputs: labels.filter((_, i) => use[i]) };
}
