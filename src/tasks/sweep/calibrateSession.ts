import { RandomStream } from '../../core/random/stream.ts';
import { standardNormalQuantile } from '../../stats/special.ts';
import { getOptimiser, multiStart, type MultiStartResult } from '../methods/optimisers/registry.ts';
import type { Batch } from '../methods/optimisers/types.ts';
import type { UnitSession } from '../task.ts';
import { objective, type CalibrateSpec } from './calibrateSpec.ts';
import { fromUnit, toUnit } from './distributions.ts';
import { assertOutputsFound, subtaskSeed, type PointResult } from './subtask.ts';

/**
 * The coordinator of a calibration: drives the optimiser (a generator yielding batches of unit-cube points)
 * and then the profile likelihood, turning each point into subtask units (× replicates) and the units'
 * outputs back into objective values. Deterministic in (spec, seed, results), so `reduce` rebuilds the whole
 * record by replaying the results through a fresh session.
 */

/** A calibration unit: one subtask run at one evaluated point. */
export interface CalibrationUnit {
  evaluation: number;
  replicate: number;
  seed: number;
  values: number[];
  phase: string;
}

/** One evaluated point: where, in which phase, the mean simulated targets and the objective. */
export interface Evaluation {
  evaluation: number;
  phase: string;
  values: number[];
  simulated: number[];
  objective: number;
}

/** The profile of one parameter: grid values, the (re-optimised) objective, and the interval it gives. */
export interface Profile {
  parameter: number;
  values: number[];
  objective: number[];
  low: number;
  high: number;
  /** False when the profile stays below the threshold up to a bound: the interval is open there. */
  closedLow: boolean;
  closedHigh: boolean;
}

export interface CalibrationRecord {
  fit: MultiStartResult;
  bestValues: number[];
  bestObjective: number;
  threshold: number;
  profiles: Profile[];
}

/** Increase of the objective that bounds a profile-likelihood interval: χ²₁(level), halved for a log-likelihood. */
export function profileThreshold(spec: Pick<CalibrateSpec, 'objective' | 'uncertainty'>): number {
  const z = standardNormalQuantile((1 + spec.uncertainty.level) / 2);
  return spec.objective === 'wls' ? z * z : (z * z) / 2;
}

function crossing(x: number[], f: number[], best: number, level: number, dir: 1 | -1): { at: number; closed: boolean } {
  let i = best;
  while (i + dir >= 0 && i + dir < x.length) {
    const j = i + dir;
    if (f[j] > level) {
      const w = Number.isFinite(f[j]) ? (level - f[i]) / (f[j] - f[i]) : 0;
      return { at: x[i] + w * (x[j] - x[i]), closed: true };
    }
    i = j;
  }
  return { at: x[i], closed: false };
}

function* calibration(spec: CalibrateSpec, seed: number, phase: { name: string }): Generator<Batch, CalibrationRecord, number[]> {
  const d = spec.parameters.length;
  const rng = RandomStream.fromSeed(seed, ['calibrate', 'optimiser']);
  const x0 = Float64Array.from(spec.parameters, (p) => (p.start === undefined ? 0.5 : toUnit(p, p.start)));
  phase.name = 'fit';
  const fit = yield* multiStart(getOptimiser(spec.method), x0, spec.budget, spec.restarts, rng, spec.step);
  let best = { x: fit.x, f: fit.f };
  const threshold = profileThreshold(spec);
  const profiles: Profile[] = [];
  if (spec.uncertainty.method === 'profile') {
    const m = spec.uncertainty.points;
    for (let j = 0; j < d; j++) {
      phase.name = `profile:${j}`;
      // the grid over the range, with the best value itself in it so the profile passes through the optimum
      const grid = [...new Set([...Array.from({ length: m }, (_, k) => k / (m - 1)), best.x[j]])].sort((a, b) => a - b);
      const f: number[] = [];
      if (d === 1) f.push(...(yield grid.map((u) => Float64Array.of(u))));
      else {
        for (const u of grid) {
          const others = Float64Array.from(best.x.filter((_, i) => i !== j));
          const inner = getOptimiser('nelder-mead').run(others, { budget: spec.uncertainty.budgetPerPoint, rng, step: 0.1 });
          const embed = (y: Float64Array) => Float64Array.from({ length: d }, (_, i) => (i === j ? u : y[i < j ? i : i - 1]));
          let r = inner.next([]);
          while (!r.done) r = inner.next(yield r.value.map(embed));
          f.push(r.value.f);
          if (r.value.f < best.f) best = { x: embed(r.value.x), f: r.value.f };
        }
      }
      profiles.push({ parameter: j, values: grid.map((u) => fromUnit(spec.parameters[j], u)), objective: f, low: 0, high: 0, closedLow: false, closedHigh: false });
    }
    for (const p of profiles) {
      const ib = p.objective.indexOf(Math.min(...p.objective));
      const level = best.f + threshold;
      const lo = crossing(p.values, p.objective, ib, level, -1);
      const hi = crossing(p.values, p.objective, ib, level, 1);
      Object.assign(p, { low: lo.at, high: hi.at, closedLow: lo.closed, closedHigh: hi.closed });
    }
  }
  return { fit, bestValues: spec.parameters.map((p, i) => fromUnit(p, best.x[i])), bestObjective: best.f, threshold, profiles };
}

/** Upper bound on evaluations (fit budget + profile), for progress. */
function plannedEvaluations(spec: CalibrateSpec): number {
  const d = spec.parameters.length;
  const u = spec.uncertainty;
  return spec.budget + (u.method === 'profile' ? d * (u.points + 1) * (d > 1 ? u.budgetPerPoint : 1) : 0);
}

/** A calibration session (UnitSession) that also keeps the evaluations and, at the end, the record. */
export class CalibrationSession implements UnitSession<CalibrationUnit, PointResult> {
  readonly evaluations: Evaluation[] = [];
  record: CalibrationRecord | undefined;
  private readonly gen: Generator<Batch, CalibrationRecord, number[]>;
  private readonly phase = { name: 'fit' };
  private pending: CalibrationUnit[] = [];
  private started = false;

  constructor(private readonly spec: CalibrateSpec, private readonly seed: number) {
    this.gen = calibration(spec, seed, this.phase);
  }

  next(results: readonly PointResult[]): CalibrationUnit[] {
    let step;
    if (!this.started) {
      this.started = true;
      step = this.gen.next([]);
    } else {
      if (results.length !== this.pending.length) throw new Error(`calibration: expected ${this.pending.length} results, got ${results.length}`);
      assertOutputsFound(results); // an output that names nothing stops the fit at its first batch
      const r = this.spec.replicates;
      const values: number[] = [];
      for (let k = 0; k < this.pending.length; k += r) {
        const simulated = this.spec.targets.map((_, t) => {
          let s = 0;
          let n = 0;
          for (let q = 0; q < r; q++) {
            const v = results[k + q].values[t];
            if (!Number.isNaN(v)) { s += v; n++; }
          }
          return n === r ? s / n : Number.NaN;
        });
        const u = this.pending[k];
        const f = objective(this.spec, simulated);
        this.evaluations.push({ evaluation: u.evaluation, phase: u.phase, values: u.values, simulated, objective: f });
        values.push(f);
      }
      step = this.gen.next(values);
    }
    if (step.done) {
      this.record = step.value;
      this.pending = [];
      return [];
    }
    const units: CalibrationUnit[] = [];
    step.value.forEach((x, i) => {
      const evaluation = this.evaluations.length + i;
      const values = this.spec.parameters.map((p, j) => fromUnit(p, x[j]));
      for (let q = 0; q < this.spec.replicates; q++) {
        units.push({ evaluation, replicate: q, seed: subtaskSeed(this.seed, this.spec.commonRandomNumbers, evaluation, q), values, phase: this.phase.name });
      }
    });
    this.pending = units;
    return units;
  }

  progress(): number {
    return Math.min(1, this.evaluations.length / plannedEvaluations(this.spec));
  }
}

/** Replays results through a fresh session (what `reduce` does): the evaluations and the final record. */
export function replayCalibration(spec: CalibrateSpec, seed: number, results: readonly PointResult[]): { evaluations: Evaluation[]; record: CalibrationRecord } {
  const s = new CalibrationSession(spec, seed);
  let batch = s.next([]);
  let used = 0;
  while (batch.length > 0) {
    if (used + batch.length > results.length) throw new Error(`calibration replay: ${results.length} results end inside a batch`);
    const slice = results.slice(used, used + batch.length);
    used += batch.length;
    batch = s.next(slice);
  }
  if (!s.record) throw new Error('calibration replay ended without a record');
  return { evaluations: s.evaluations, record: s.record };
}
