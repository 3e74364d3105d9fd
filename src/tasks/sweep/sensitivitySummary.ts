import { clopperPearson, type BinomialInterval } from '../../stats/index.ts';
import { saltelliBaseRows, type SaltelliDesign } from '../methods/saltelli.ts';
import type { Stage, StageSpec } from './sensitivityStages.ts';
import { outputLabel } from './spec.ts';
import type { PointResult } from './subtask.ts';

/**
 * What a sensitivity run says in words and small tables: the probability of each 0/1 outcome over the
 * plausible parameter space, and the parameters that drive each output.
 */

/** P(output = 1) over the base samples of a Saltelli design, with its Clopper–Pearson interval. */
export interface IndicatorProbability extends BinomialInterval {
  output: string;
  /** Base-sample runs where the output was undefined (NaN), left out of n. */
  undefinedRuns: number;
}

/**
 * For every output marked `indicator`, over the runs at the base rows A and B of a Saltelli stage: those
 * rows are independent draws from the parameters' ranges or distributions (all parameters, including a
 * screened-out group), unlike the A_B rows, which share coordinates with them.
 */
export function indicatorProbabilities(spec: StageSpec, stage: Stage, results: readonly PointResult[], level = 0.95): IndicatorProbability[] {
  const base = new Set(saltelliBaseRows(stage.design as SaltelliDesign).map((r) => r + stage.firstPoint));
  const out: IndicatorProbability[] = [];
  spec.outputs.forEach((o, k) => {
    if (!o.indicator) return;
    let successes = 0;
    let n = 0;
    let undefinedRuns = 0;
    stage.units.forEach((u, i) => {
      if (!base.has(u.point)) return;
      const v = results[i].values[k];
      if (Number.isNaN(v)) undefinedRuns++;
      else {
        n++;
        if (v === 1) successes++;
        else if (v !== 0) throw new RangeError(`output ${outputLabel(o)} is marked indicator but took the value ${v}`);
      }
    });
    if (n === 0) return;
    const ci = clopperPearson(successes, n, level);
    out.push({ output: outputLabel(o), successes, n, estimate: ci.estimate, low: ci.low, high: ci.high, level, undefinedRuns });
  });
  return out;
}

/** The parameters that drive one output: the first five by Morris μ* and (when run) by Sobol ST. */
export interface Drivers {
  output: string;
  morris: { parameter: string; muStar: number; sigma: number }[];
  sobol: { parameter: string; S1: number; ST: number; STLow: number; STHigh: number }[];
}

/** Rows are the task's index rows (Morris: muStar, sigma; Sobol: S1, ST, STLow, STHigh). */
export function driversOf(outputs: readonly string[], morrisRows: readonly Record<string, string | number>[], sobolRows: readonly Record<string, string | number>[], count = 5): Drivers[] {
  const key = (r: Record<string, string | number>, k: string) => (Number.isFinite(r[k] as number) ? (r[k] as number) : -Infinity);
  return outputs.map((output) => ({
    output,
    morris: morrisRows
      .filter((r) => r.output === output)
      .sort((a, b) => key(b, 'muStar') - key(a, 'muStar'))
      .slice(0, count)
      .map((r) => ({ parameter: String(r.parameter), muStar: r.muStar as number, sigma: r.sigma as number })),
    sobol: sobolRows
      .filter((r) => r.output === output)
      .sort((a, b) => key(b, 'ST') - key(a, 'ST'))
      .slice(0, count)
      .map((r) => ({ parameter: String(r.parameter), S1: r.S1 as number, ST: r.ST as number, STLow: r.STLow as number, STHigh: r.STHigh as number })),
  }));
}
