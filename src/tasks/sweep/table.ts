import type { PointResult } from './subtask.ts';
import { outputLabel, parameterLabel, type CommonSpec } from './spec.ts';
import type { Table } from '../types.ts';

/** Shared reduce helpers: run tables and per-point means over replicates. */

/** A design unit: one subtask run at a point with one replicate seed. */
export interface PointUnit {
  point: number;
  replicate: number;
  seed: number;
  values: number[];
}

/** One row per subtask run: point, replicate, seed, parameter values, output values. */
export function runsTable(spec: CommonSpec, units: readonly PointUnit[], results: readonly PointResult[]): Table {
  const t: Record<string, number[]> = { point: [], replicate: [], seed: [] };
  const pl = spec.parameters.map(parameterLabel);
  const ol = spec.outputs.map(outputLabel);
  for (const l of [...pl, ...ol]) t[l] = [];
  units.forEach((u, k) => {
    t.point.push(u.point);
    t.replicate.push(u.replicate);
    t.seed.push(u.seed);
    pl.forEach((l, i) => t[l].push(u.values[i]));
    ol.forEach((l, i) => t[l].push(results[k].values[i]));
  });
  return t;
}

/** Means (and SDs) over replicates per point: `mean[output][point]`; NaN outputs are left out of a mean. */
export function pointMeans(nPoints: number, nOutputs: number, units: readonly PointUnit[], results: readonly PointResult[]): { mean: Float64Array[]; sd: Float64Array[] } {
  const sum = Array.from({ length: nOutputs }, () => new Float64Array(nPoints));
  const sq = Array.from({ length: nOutputs }, () => new Float64Array(nPoints));
  const n = Array.from({ length: nOutputs }, () => new Float64Array(nPoints));
  units.forEach((u, k) => {
    for (let o = 0; o < nOutputs; o++) {
      const v = results[k].values[o];
      if (Number.isNaN(v)) continue;
      sum[o][u.point] += v;
      sq[o][u.point] += v * v;
      n[o][u.point]++;
    }
  });
  const mean = sum.map((s, o) => s.map((x, p) => (n[o][p] > 0 ? x / n[o][p] : Number.NaN)));
  const sd = sq.map((s, o) => s.map((x, p) => (n[o][p] > 1 ? Math.sqrt(Math.max(0, (x - (sum[o][p] * sum[o][p]) / n[o][p]) / (n[o][p] - 1))) : Number.NaN)));
  return { mean, sd };
}

/** Units for a design matrix (rows of parameter values): point-major, replicates inner. */
export function pointUnits(values: readonly number[][], replicates: number, seedOf: (point: number, replicate: number) => number): PointUnit[] {
  const units: PointUnit[] = [];
  values.forEach((v, point) => {
    for (let r = 0; r < replicates; r++) units.push({ point, replicate: r, seed: seedOf(point, r), values: v });
  });
  return units;
}
