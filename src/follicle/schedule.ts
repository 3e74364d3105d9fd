import { BEHAVIOUR_SPECS, FOLLICLE_BEHAVIOURS, withinBounds, type FollicleBehaviour } from './behaviour.ts';

/**
 * Piecewise-constant behaviour schedules, species-neutral. A step function holds breakpoints b_0 < … <
 * b_{m−1} (s) and m + 1 values: values[0] applies before b_0, values[i] on [b_{i−1}, b_i), values[m] from
 * b_{m−1} on. Time is whatever clock the consumer runs on (the human automaton: seconds since the start of
 * its spin-up); assembly converts scenario days.
 */
export interface StepFunction {
  breaksS: Float64Array;
  values: Float64Array;
}

/**
 * Behaviour inputs of a follicle population: per region (index into the model's regions) a step function
 * per behaviour, and optional constant per-follicle multipliers (one value per follicle, in the model's
 * follicle order: region by region). The factor of follicle i in region r at time t is
 * perFollicle[i] × regions[r](t); a missing entry is 1.
 */
export interface BehaviourSchedule {
  regions: Partial<Record<FollicleBehaviour, StepFunction>>[];
  perFollicle?: Partial<Record<FollicleBehaviour, Float64Array>>;
}

/** One interval of a schedule in SI: factor on [fromS, toS) (toS = Infinity: open-ended). */
export interface ScheduleInterval {
  fromS: number;
  toS: number;
  factor: number;
}

/** Index of the piece of `f` in force at time tS (values[index]). */
export function stepIndex(f: StepFunction, tS: number): number {
  const b = f.breaksS;
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b[mid] <= tS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Value of `f` at time tS. */
export function stepValue(f: StepFunction, tS: number): number {
  return f.values[stepIndex(f, tS)];
}

/** Step function equal to the product of `factor` over every interval containing t (1 elsewhere). */
export function stepFromIntervals(intervals: readonly ScheduleInterval[]): StepFunction {
  const cuts = new Set<number>();
  for (const iv of intervals) {
    if (!(iv.toS > iv.fromS)) throw new RangeError(`interval [${iv.fromS}, ${iv.toS}) s is empty`);
    cuts.add(iv.fromS);
    if (iv.toS !== Infinity) cuts.add(iv.toS);
  }
  const breaksS = Float64Array.from([...cuts].sort((a, b) => a - b));
  const values = new Float64Array(breaksS.length + 1).fill(1);
  // piece i ≥ 1 starts at breaksS[i − 1]; an interval covers it when from ≤ start < to
  for (let i = 1; i < values.length; i++) {
    const start = breaksS[i - 1];
    for (const iv of intervals) if (iv.fromS <= start && start < iv.toS) values[i] *= iv.factor;
  }
  return simplify({ breaksS, values });
}

/** Pointwise product of two step functions. */
export function multiplySteps(f: StepFunction, g: StepFunction): StepFunction {
  const breaksS = Float64Array.from(new Set([...f.breaksS, ...g.breaksS])).sort();
  const values = new Float64Array(breaksS.length + 1);
  values[0] = f.values[0] * g.values[0];
  for (let i = 1; i < values.length; i++) values[i] = stepValue(f, breaksS[i - 1]) * stepValue(g, breaksS[i - 1]);
  return simplify({ breaksS, values });
}

/** Step function shifted later by offsetS (scenario day 0 → the consumer's clock). */
export function shiftStep(f: StepFunction, offsetS: number): StepFunction {
  return { breaksS: f.breaksS.map((b) => b + offsetS), values: f.values.slice() };
}

/** Drops breakpoints where the value does not change. */
function simplify(f: StepFunction): StepFunction {
  const keep: number[] = [];
  const vals: number[] = [f.values[0]];
  for (let i = 0; i < f.breaksS.length; i++) {
    if (f.values[i + 1] !== vals[vals.length - 1]) {
      keep.push(f.breaksS[i]);
      vals.push(f.values[i + 1]);
    }
  }
  return { breaksS: Float64Array.from(keep), values: Float64Array.from(vals) };
}

/** True when the step function is 1 everywhere. */
export function isNeutralStep(f: StepFunction): boolean {
  return f.values.every((v) => v === 1);
}

/** Product of two schedules over the same regions (per-follicle arrays multiply elementwise). */
export function multiplySchedules(a: BehaviourSchedule, b: BehaviourSchedule): BehaviourSchedule {
  const n = Math.max(a.regions.length, b.regions.length);
  const regions: BehaviourSchedule['regions'] = [];
  for (let r = 0; r < n; r++) {
    const out: Partial<Record<FollicleBehaviour, StepFunction>> = {};
    for (const beh of FOLLICLE_BEHAVIOURS) {
      const fa = a.regions[r]?.[beh];
      const fb = b.regions[r]?.[beh];
      const f = fa && fb ? multiplySteps(fa, fb) : (fa ?? fb);
      if (f) out[beh] = f;
    }
    regions.push(out);
  }
  let perFollicle: BehaviourSchedule['perFollicle'];
  if (a.perFollicle || b.perFollicle) {
    perFollicle = {};
    for (const beh of FOLLICLE_BEHAVIOURS) {
      const pa = a.perFollicle?.[beh];
      const pb = b.perFollicle?.[beh];
      if (pa && pb && pa.length !== pb.length) throw new RangeError(`perFollicle.${beh}: lengths ${pa.length} and ${pb.length} differ`);
      const p = pa && pb ? pa.map((v, i) => v * pb[i]) : (pa ?? pb);
      if (p) perFollicle[beh] = p;
    }
  }
  return perFollicle ? { regions, perFollicle } : { regions };
}

/**
 * Checks a schedule built in code against a population of `regionFollicles` (follicles per region):
 * region count, per-follicle lengths, ascending breakpoints, every factor within its behaviour's bounds.
 * Returns the problems as `path: message` strings (empty when valid).
 */
export function scheduleProblems(s: BehaviourSchedule, regionFollicles: ArrayLike<number>): string[] {
  const problems: string[] = [];
  const known = new Set<string>(FOLLICLE_BEHAVIOURS);
  if (s.regions.length !== regionFollicles.length) problems.push(`regions: ${s.regions.length} entries for ${regionFollicles.length} regions`);
  s.regions.forEach((reg, r) => {
    for (const [beh, f] of Object.entries(reg)) {
      const path = `regions[${r}].${beh}`;
      if (!known.has(beh)) {
        problems.push(`${path}: unknown behaviour (one of ${FOLLICLE_BEHAVIOURS.join(', ')})`);
        continue;
      }
      if (!f) continue;
      if (f.values.length !== f.breaksS.length + 1) problems.push(`${path}: needs breaksS.length + 1 values`);
      for (let i = 1; i < f.breaksS.length; i++) if (!(f.breaksS[i] > f.breaksS[i - 1])) problems.push(`${path}.breaksS: not strictly ascending at ${i}`);
      f.values.forEach((v, i) => {
        if (!withinBounds(beh as FollicleBehaviour, v)) problems.push(`${path}.values[${i}]: ${v} outside ${boundsText(beh as FollicleBehaviour)}`);
      });
    }
  });
  let total = 0;
  for (let r = 0; r < regionFollicles.length; r++) total += regionFollicles[r];
  for (const [beh, p] of Object.entries(s.perFollicle ?? {})) {
    const path = `perFollicle.${beh}`;
    if (!known.has(beh)) {
      problems.push(`${path}: unknown behaviour (one of ${FOLLICLE_BEHAVIOURS.join(', ')})`);
      continue;
    }
    if (!p) continue;
    if (p.length !== total) problems.push(`${path}: length ${p.length}, expected ${total} (one per follicle)`);
    const bad = p.findIndex((v) => !withinBounds(beh as FollicleBehaviour, v));
    if (bad >= 0) problems.push(`${path}[${bad}]: ${p[bad]} outside ${boundsText(beh as FollicleBehaviour)}`);
  }
  return problems;
}

/** "[min, max]" of a behaviour, for messages. */
export function boundsText(beh: FollicleBehaviour): string {
  const s = BEHAVIOUR_SPECS[beh];
  return `[${s.min}, ${s.max}]`;
}
