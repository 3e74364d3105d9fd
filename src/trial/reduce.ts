import type { DepthDoseParams } from './ceriaDepthDose.ts';
import { ceriaSafety, retainedUgAt, rosBelowFloorAt } from './ceriaSafety.ts';
import { ancova, pairedDifference, proportionDifference, summarizeChange, wilson, nForPower, normalPower, type ArmSummary, type PairedDifference, type Proportion } from './analysis.ts';
import type { ArmCourse, CandidateRecord } from './run.ts';
import type { TrialScenario } from './schema.ts';

/** One randomized man with his analysed course. */
export interface Randomized {
  rec: CandidateRecord;
  arm: number;
  course: ArmCourse;
  /** Index of his last observed visit (LOCF beyond it). */
  lastVisit: number;
  completer: boolean;
  perProtocol: boolean;
}

/** Flow of men through the trial (CONSORT-style). */
export interface TrialFlow {
  screened: number;
  failedAge: number;
  failedNorwood: number;
  eligible: number;
  eligibleNotRandomized: number;
  randomized: number[];
  dropped: number[];
  analysedItt: number[];
  analysedPp: number[];
}

/** Raised when the design cannot be filled; names the scenario field. */
export class TrialDesignError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'TrialDesignError';
    this.path = path;
  }
}

/**
 * Randomized set: eligible men in candidate order, the first n of each arm (randomized design), or the first
 * max n for every arm (common random numbers). Throws a TrialDesignError when nobody qualifies or an arm
 * cannot be filled, saying how many men were screened.
 */
export function randomizedSet(s: TrialScenario, records: readonly CandidateRecord[]): { set: Randomized[]; flow: TrialFlow } {
  const nArms = s.arms.length;
  const flow: TrialFlow = {
    screened: records.length,
    failedAge: records.filter((r) => r.screen === 'age').length,
    failedNorwood: records.filter((r) => r.screen === 'norwood').length,
    eligible: 0,
    eligibleNotRandomized: 0,
    randomized: new Array<number>(nArms).fill(0),
    dropped: new Array<number>(nArms).fill(0),
    analysedItt: new Array<number>(nArms).fill(0),
    analysedPp: new Array<number>(nArms).fill(0),
  };
  const eligibleRecs = records.filter((r) => r.screen === 'eligible');
  flow.eligible = eligibleRecs.length;
  const inc = s.inclusion;
  if (flow.eligible === 0) {
    throw new TrialDesignError('inclusion', `no man met the inclusion criteria (age ${inc.ageMin}-${inc.ageMax}, Norwood ${inc.norwoodMin}-${inc.norwoodMax}): ${flow.screened} screened, ${flow.failedAge} failed age, ${flow.failedNorwood} failed Norwood stage`);
  }
  const set: Randomized[] = [];
  const lastWeek = s.visitsWeeks[s.visitsWeeks.length - 1];
  const push = (rec: CandidateRecord, arm: number, course: ArmCourse) => {
    let lastVisit = 0;
    s.visitsWeeks.forEach((w, v) => {
      if (w <= rec.dropoutWeek) lastVisit = v;
    });
    const completer = rec.dropoutWeek > lastWeek;
    const perProtocol = completer && rec.adherence >= s.execution.perProtocolAdherence;
    set.push({ rec, arm, course, lastVisit, completer, perProtocol });
    flow.randomized[arm]++;
    if (!completer) flow.dropped[arm]++;
    flow.analysedItt[arm]++;
    if (perProtocol) flow.analysedPp[arm]++;
  };
  for (const rec of eligibleRecs) {
    if (rec.arm < 0) {
      let used = false;
      for (const c of rec.courses) {
        if (flow.randomized[c.arm] < s.arms[c.arm].n) {
          push(rec, c.arm, c);
          used = true;
        }
      }
      if (!used) flow.eligibleNotRandomized++;
    } else if (flow.randomized[rec.arm] < s.arms[rec.arm].n) push(rec, rec.arm, rec.courses[0]);
    else flow.eligibleNotRandomized++;
  }
  s.arms.forEach((a, i) => {
    if (flow.randomized[i] < a.n) {
      throw new TrialDesignError(`arms[${i}].n`, `only ${flow.randomized[i]} of ${a.n} men could be randomized to arm '${a.id}' (${flow.screened} screened, ${flow.eligible} eligible); raise population.candidates or relax inclusion`);
    }
  });
  return { set, flow };
}

/** Measured count of a man at visit v under ITT (last observation carried forward) or as observed. */
export function countAt(r: Randomized, v: number): number {
  return r.course.measured[Math.min(v, r.lastVisit)];
}

/** Photographic score at visit v (LOCF; 0 = no change when only the baseline was seen). */
export function gpaAt(r: Randomized, v: number): number {
  const k = Math.min(v, r.lastVisit);
  return k === 0 ? 0 : r.course.gpa[k];
}

export type Population = 'itt' | 'pp';

/** Men of `arm` in the analysis population. */
export function members(set: readonly Randomized[], arm: number, pop: Population): Randomized[] {
  return set.filter((r) => r.arm === arm && (pop === 'itt' || r.perProtocol));
}

/** Per arm and visit: change and percent change from baseline (mean, SD, 95 % CI). */
export function visitSummaries(s: TrialScenario, set: readonly Randomized[], pop: Population): { arm: number; week: number; abs: ArmSummary; pct: ArmSummary }[] {
  const out: { arm: number; week: number; abs: ArmSummary; pct: ArmSummary }[] = [];
  s.arms.forEach((_, a) => {
    const m = members(set, a, pop);
    s.visitsWeeks.forEach((week, v) => {
      const abs = m.map((r) => (countAt(r, v) - r.course.measured[0]) / s.targetArea.areaCm2);
      const pct = m.map((r) => (r.course.measured[0] > 0 ? 100 * (countAt(r, v) / r.course.measured[0] - 1) : 0));
      out.push({ arm: a, week, abs: summarizeChange(abs), pct: summarizeChange(pct) });
    });
  });
  return out;
}

/** ANCOVA at the final visit of the change per cm² on arm and baseline per cm². */
export function finalAncova(s: TrialScenario, set: readonly Randomized[], pop: Population, control: number) {
  const last = s.visitsWeeks.length - 1;
  const rows = set.filter((r) => pop === 'itt' || r.perProtocol);
  const a = s.targetArea.areaCm2;
  return ancova(
    rows.map((r) => (countAt(r, last) - r.course.measured[0]) / a),
    rows.map((r) => r.arm),
    rows.map((r) => r.course.measured[0] / a),
    s.arms.length,
    control,
  );
}

/** Responders (final photographic score ≥ threshold) per arm with Wilson CIs, and differences from control. */
export function responders(s: TrialScenario, set: readonly Randomized[], pop: Population, control: number): { arm: number; prop: Proportion; diff: { estimate: number; lo: number; hi: number } }[] {
  const last = s.visitsWeeks.length - 1;
  const props = s.arms.map((_, a) => {
    const m = members(set, a, pop);
    return wilson(m.filter((r) => gpaAt(r, last) >= s.analysis.responderGpa).length, m.length);
  });
  return props.map((prop, arm) => ({ arm, prop, diff: proportionDifference(prop, props[control]) }));
}

/**
 * Safety per arm (ITT means): needle sessions and depth, ceria retained just after each man's last patch and
 * the fraction of a dosing interval with ROS below the floor at the deposit, the bulge and the bulbs (both from
 * the 3-D single-patch solves of the depth–dose, at his own insertion: ceriaSafety.ts), shedding episodes.
 */
export function safety(s: TrialScenario, set: readonly Randomized[], dp: DepthDoseParams) {
  return s.arms.map((arm, a) => {
    const m = members(set, a, 'itt');
    const avg = (f: (r: Randomized) => number) => (m.length ? m.reduce((x, r) => x + f(r), 0) / m.length : Number.NaN);
    const c = arm.treatments.ceriaPatch;
    // a shedding episode: a week with more than twice the man's pre-baseline weekly shedding (and ≥ 3 hairs more)
    const episodes = (r: Randomized) => r.course.shedPerWeek.filter((x) => x > 2 * r.course.baselineShedPerWeek && x >= r.course.baselineShedPerWeek + 3).length;
    const maxPatches = m.reduce((x, r) => Math.max(x, r.course.ceriaPatches), 0);
    const cs = c?.loaded && maxPatches > 0 ? ceriaSafety(c.needleUm, c.everyDays, maxPatches, dp) : undefined;
    const insertion = (r: Randomized) => r.course.ceriaDepotUm / (c?.needleUm ?? Number.NaN);
    const ros = (site: 'depot' | 'bulge' | 'bulb') => (cs ? avg((r) => (r.course.ceriaPatches > 0 ? rosBelowFloorAt(cs, site, insertion(r)) : 0)) : 0);
    return {
      arm: a,
      needleSessions: avg((r) => r.course.needleSessions),
      needleDepthMm: avg((r) => r.course.needleDepthMm),
      ceriaRetainedUg: cs ? avg((r) => retainedUgAt(cs, r.course.ceriaPatches, insertion(r))) : 0,
      rosBelowFloorFraction: ros('depot'),
      rosBelowFloorBulge: ros('bulge'),
      rosBelowFloorBulb: ros('bulb'),
      sheddingEpisodeWeeks: avg(episodes),
      menWithSheddingEpisode: m.filter((r) => episodes(r) > 0).length / Math.max(1, m.length),
    };
  });
}

/** Normal-approximation power at the observed effect and SD (ITT final visit). */
export function observedPower(diff: number, sd: number, nPerArm: number, alpha?: number) {
  return { power: normalPower(diff, sd, nPerArm, alpha), nFor80: nForPower(diff, sd, 0.8, alpha), nFor90: nForPower(diff, sd, 0.9, alpha) };
}

/**
 * With common random numbers every man is analysed under every arm: the change per cm² at the final visit of
 * each non-control arm minus the control, paired on the men present in both (ITT with LOCF, or the per-protocol
 * set); empty for a randomized design, where no man is seen twice.
 */
export function pairedDifferences(s: TrialScenario, set: readonly Randomized[], pop: Population, control: number): { arm: number; diff: PairedDifference }[] {
  if (!s.design.commonRandomNumbers) return [];
  const last = s.visitsWeeks.length - 1;
  const change = (r: Randomized) => (countAt(r, last) - r.course.measured[0]) / s.targetArea.areaCm2;
  const byMan = new Map<number, number>();
  for (const r of members(set, control, pop)) byMan.set(r.rec.id, change(r));
  return s.arms.flatMap((_, a) => {
    if (a === control) return [];
    const x: number[] = [];
    const y: number[] = [];
    for (const r of members(set, a, pop)) {
      const c = byMan.get(r.rec.id);
      if (c !== undefined) {
        x.push(change(r));
        y.push(c);
      }
    }
    return [{ arm: a, diff: pairedDifference(x, y) }];
  });
}
