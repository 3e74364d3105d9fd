import { z } from 'zod';
import { wilson } from '../../trial/analysis.ts';
import type { Table } from '../types.ts';
import type { PointResult } from './subtask.ts';
import { outputLabel, parameterLabel, type OutputSpec, type ParameterSpec } from './spec.ts';
import type { PointUnit } from './table.ts';

/**
 * Power by replicate trials: a sweep over seeds (replicates) and over the sample size (the one swept
 * parameter, e.g. n per arm) whose `power.output` reads 1 when a replicate's test is significant and 0 when
 * not. Per point, the power is the proportion of significant replicates with its Wilson interval; for each
 * target power, the smallest swept value reaching it and the value where the power curve (linear between
 * points) crosses it.
 */
export const powerSchema = z.strictObject({
  output: z.string().min(1).describe("name or path of an output that is 1 for a significant replicate and 0 otherwise (e.g. differencesItt.0.significant)"),
  targets: z.array(z.number().gt(0).lt(1)).min(1).max(10).default([0.8, 0.9]).describe('powers to find the sample size for'),
  confidence: z.number().gt(0).lt(1).default(0.95).describe('level of the Wilson intervals of the power'),
});

export type PowerSpec = z.output<typeof powerSchema>;

/** Index of the power output among the outputs (by name, label or path), or −1. */
export function powerOutputIndex(outputs: readonly OutputSpec[], name: string): number {
  return outputs.findIndex((o) => o.name === name || outputLabel(o) === name || o.path === name);
}

/** Power at one design point. */
export interface PowerPoint {
  point: number;
  value: number;
  significant: number;
  replicates: number;
  power: number;
  lo: number;
  hi: number;
}

/** Where the power reaches a target: the smallest swept value at or above it, and the interpolated crossing. */
export interface PowerTarget {
  target: number;
  smallestReaching: number | null;
  interpolated: number | null;
}

/** Power per point and the sample size for each target (one swept parameter; NaN replicates left out). */
export function powerAnalysis(spec: { parameters: readonly ParameterSpec[]; outputs: readonly OutputSpec[]; power: PowerSpec }, design: readonly number[][], units: readonly PointUnit[], results: readonly PointResult[]): { points: PowerPoint[]; targets: PowerTarget[]; table: Table } {
  const o = powerOutputIndex(spec.outputs, spec.power.output);
  const k = new Float64Array(design.length);
  const n = new Float64Array(design.length);
  units.forEach((u, i) => {
    const v = results[i].values[o];
    if (Number.isNaN(v)) return;
    n[u.point]++;
    if (v !== 0) k[u.point]++;
  });
  const points = design.map((row, p) => {
    const w = wilson(k[p], n[p], spec.power.confidence);
    return { point: p, value: row[0] ?? Number.NaN, significant: k[p], replicates: n[p], power: w.p, lo: w.lo, hi: w.hi };
  });
  const curve = [...points].filter((x) => !Number.isNaN(x.power)).sort((a, b) => a.value - b.value);
  const targets = spec.power.targets.map((target) => {
    const i = curve.findIndex((x) => x.power >= target);
    if (i < 0) return { target, smallestReaching: null, interpolated: null };
    const hit = curve[i];
    if (i === 0) return { target, smallestReaching: hit.value, interpolated: null };
    const prev = curve[i - 1];
    const interpolated = prev.value + ((target - prev.power) / (hit.power - prev.power)) * (hit.value - prev.value);
    return { target, smallestReaching: hit.value, interpolated };
  });
  const label = spec.parameters[0] ? parameterLabel(spec.parameters[0]) : 'value';
  const table: Table = {
    point: Float64Array.from(points, (x) => x.point),
    [label]: Float64Array.from(points, (x) => x.value),
    significant: Float64Array.from(points, (x) => x.significant),
    replicates: Float64Array.from(points, (x) => x.replicates),
    power: Float64Array.from(points, (x) => x.power),
    powerLow: Float64Array.from(points, (x) => x.lo),
    powerHigh: Float64Array.from(points, (x) => x.hi),
  };
  return { points, targets, table };
}
