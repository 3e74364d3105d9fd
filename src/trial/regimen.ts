import type { TrialParams } from '../parameters/assemble/trial.ts';
import { subjectPath } from '../experiment/cohort.ts';
import { RandomStream } from '../core/random/stream.ts';
import type { FollicleBehaviour } from '../follicle/behaviour.ts';
import { clampToBounds } from '../follicle/behaviour.ts';
import { stepFromIntervals, type BehaviourSchedule, type ScheduleInterval, type StepFunction } from '../follicle/schedule.ts';
import {
  androgenExposureFactor,
  ceriaFactors,
  dutasterideScalpSuppression,
  finasterideScalpSuppression,
  meanWoundResponse,
  minoxidilActivatedExposure,
  minoxidilAppliedMgPerDay,
  minoxidilEffect,
  minoxidilFactors,
  woundActivationFactor,
} from './pkpd.ts';
import { ceriaLevelsAt, type DepthDoseLookup } from './ceriaDepthDose.ts';
import { coupledFactors, type MicroenvTable } from './microenvironment.ts';
import type { Subject } from './population.ts';
import type { TrialArm } from './schema.ts';

const DAY = 86400;
const WEEK = 7 * DAY;
const YEAR = 365.25 * DAY;

/** What a regimen does to one man besides his follicles: for the safety readouts. */
export interface RegimenExposure {
  /** Needle sessions (roller or patch) before dropout/end, and the summed channel depth (mm). */
  needleSessions: number;
  needleDepthMm: number;
  /** Patches with ceria, and the depot depth (µm) of this man's patches (NaN without). */
  ceriaPatches: number;
  ceriaDepotUm: number;
}

/**
 * The behaviour schedule of one man under one arm, on the automaton's clock (s since AGA onset): the onset
 * ramp of androgen exposure (biology, the same in every arm) times every treatment's factors from
 * enrolment + startWeek to enrolment + stopWeek (or dropout, or the end). Treatment randomness (needle
 * depths) comes from `subject/<id>/treatment`, so it never touches the follicles' streams.
 */
export function subjectSchedule(
  arm: TrialArm,
  subject: Subject,
  seed: number,
  enrolS: number,
  trialWeeks: number,
  rampYears: number,
  regions: number,
  targetRegion: number,
  p: TrialParams,
  /** Depth–dose levels of the ceria regimens (solved once at planning, ceriaDepthDose.ts). */
  depthDose: DepthDoseLookup,
  /**
   * The coupled microenvironment (microenvironment.ts, solved once at planning) and the target region's
   * untreated mean androgen exposure A·S_r·E[u]; absent: the microenvironment is not coupled.
   */
  microenv?: { table: MicroenvTable; meanExposure: number },
): { schedule: BehaviourSchedule; exposure: RegimenExposure } {
  const iv: Record<FollicleBehaviour, ScheduleInterval[]> = { activation: [], anagenDuration: [], sizeRetention: [], androgenExposure: [] };
  // Onset ramp (docs/model.md §9.2): exposure rises linearly over rampYears in yearly steps.
  if (rampYears > 0) {
    for (let k = 0; k < Math.ceil(rampYears); k++) {
      const f = Math.min(1, (k + 0.5) / rampYears);
      iv.androgenExposure.push({ fromS: k * YEAR, toS: k + 1 >= Math.ceil(rampYears) ? Infinity : (k + 1) * YEAR, factor: f });
    }
  }
  const endWeek = Math.min(trialWeeks, subject.dropoutWeek);
  const exposure: RegimenExposure = { needleSessions: 0, needleDepthMm: 0, ceriaPatches: 0, ceriaDepotUm: Number.NaN };
  const t = arm.treatments;
  const span = (start: number, stop: number | undefined, extraDays = 0): [number, number] | null => {
    const s0 = enrolS + start * WEEK;
    const stopW = Math.min(stop ?? Infinity, endWeek);
    if (!(stopW > start)) return null;
    return [s0, stopW === Infinity ? Infinity : enrolS + stopW * WEEK + extraDays * DAY];
  };
  const add = (b: FollicleBehaviour, w: [number, number], factor: number) => {
    const f = clampToBounds(b, factor);
    if (f !== 1) iv[b].push({ fromS: w[0], toS: w[1], factor: f });
  };

  let ceriaAtBulb: { fromS: number; toS: number; rel: number } | null = null;
  const rng = RandomStream.fromSeed(seed, [...subjectPath(subject.id), 'treatment']);
  if (t.finasteride) {
    const w = span(t.finasteride.startWeek, t.finasteride.stopWeek, p.finasteride.recoveryDays);
    if (w) add('androgenExposure', w, androgenExposureFactor(finasterideScalpSuppression(t.finasteride.doseMg * subject.adherence, p), subject.finasterideMultiplier));
  }
  if (t.dutasteride) {
    const w = span(t.dutasteride.startWeek, t.dutasteride.stopWeek, p.dutasteride.recoveryDays);
    if (w) {
      // onset over ~2 weeks: half the suppression in the first onsetDays, then full
      const full = androgenExposureFactor(dutasterideScalpSuppression(t.dutasteride.doseMg * subject.adherence, p), subject.dutasterideMultiplier);
      const onsetEnd = Math.min(w[1], w[0] + p.dutasteride.onsetDays * DAY);
      add('androgenExposure', [w[0], onsetEnd], 0.5 * (1 + full));
      if (w[1] > onsetEnd) add('androgenExposure', [onsetEnd, w[1]], full);
    }
  }
  let minoxBase: ReturnType<typeof minoxidilFactors> | undefined;
  let minoxApplied = 0;
  const mx = t.minoxidil;
  const minoxAbs = mx?.form === 'foam' ? p.minoxidil.foamRelativeAbsorption : 1;
  const minoxWindow = mx ? span(mx.startWeek, mx.stopWeek, p.minoxidil.washoutDays) : null;
  if (mx && minoxWindow) {
    minoxApplied = minoxidilAppliedMgPerDay(mx.concentrationPct, mx.volumeMl, mx.perDay) * subject.adherence;
    minoxBase = minoxidilFactors(minoxidilEffect(minoxidilActivatedExposure(minoxApplied, minoxAbs, subject.sultOd, p), p), p.trialMinoxidil.effectGain, p);
    add('activation', minoxWindow, minoxBase.activation);
    add('anagenDuration', minoxWindow, minoxBase.anagenDuration);
    add('sizeRetention', minoxWindow, minoxBase.sizeRetention);
  }
  const needling = (start: number, stop: number | undefined, everyDays: number, depthOf: () => number) => {
    const w = span(start, stop);
    if (!w) return;
    const window = 4 * p.microneedling.healingHalfLifeDays; // 94 % of the signal has decayed
    for (let s0 = w[0]; s0 < Math.min(w[1], enrolS + endWeek * WEEK); s0 += everyDays * DAY) {
      const depthUm = depthOf();
      exposure.needleSessions++;
      exposure.needleDepthMm += depthUm / 1000;
      add('activation', [s0, s0 + window * DAY], woundActivationFactor(meanWoundResponse(depthUm, window, p), p));
      // raised minoxidil uptake while the channels are open: the ratio of enhanced to base factors
      if (minoxBase && minoxWindow && s0 >= minoxWindow[0] && s0 < minoxWindow[1]) {
        const up = minoxidilFactors(minoxidilEffect(minoxidilActivatedExposure(minoxApplied, minoxAbs * p.microneedling.uptakeEnhancement, subject.sultOd, p), p), p.trialMinoxidil.effectGain, p);
        const open: [number, number] = [s0, s0 + p.microneedling.poreOpenDays * DAY];
        add('activation', open, up.activation / minoxBase.activation);
        add('anagenDuration', open, up.anagenDuration / minoxBase.anagenDuration);
        add('sizeRetention', open, up.sizeRetention / minoxBase.sizeRetention);
      }
    }
  };
  if (t.microneedling) {
    const m = t.microneedling;
    const lo = p.microneedling.rollerInsertionMin;
    const hi = p.microneedling.rollerInsertionMax;
    needling(m.startWeek, m.stopWeek, m.everyDays, () => m.needleMm * 1000 * (lo + (hi - lo) * rng.uniform()));
  }
  if (t.ceriaPatch) {
    const c = t.ceriaPatch;
    const lo = p.microneedling.patchInsertionMin;
    const hi = p.microneedling.patchInsertionMax;
    const fraction = lo + (hi - lo) * rng.uniform();
    const depot = c.needleUm * fraction;
    needling(c.startWeek, c.stopWeek, c.everyDays, () => depot);
    if (c.loaded && span(c.startWeek, c.stopWeek)) {
      exposure.ceriaDepotUm = depot;
      exposure.ceriaPatches = exposure.needleSessions;
      // the 3-D solve runs once per (needle, interval) and is shared by every man; his insertion picks the level
      const levels = ceriaLevelsAt(depthDose(c.needleUm, c.everyDays), fraction);
      const f = ceriaFactors(levels.bulgeRel, levels.bulbRel, p);
      // each depth's time-mean effect outlasts the last patch by that depth's carry-over (from the same solve)
      const atBulge = span(c.startWeek, c.stopWeek, levels.bulgeCarryOverDays);
      const atBulb = span(c.startWeek, c.stopWeek, levels.bulbCarryOverDays);
      if (atBulge) add('activation', atBulge, f.activation);
      // coupled: the ceria at the bulbs lowers ROS in the region tile instead of removing a share of x
      if (atBulb && microenv) ceriaAtBulb = { fromS: atBulb[0], toS: atBulb[1], rel: levels.bulbRel };
      else if (atBulb) add('androgenExposure', atBulb, f.androgenExposure);
    }
  }
  if (microenv) coupleMicroenvironment(iv, microenv.table, microenv.meanExposure, ceriaAtBulb, p.trialProgression.microenvironmentGain);

  const steps: Partial<Record<FollicleBehaviour, StepFunction>> = {};
  for (const [b, list] of Object.entries(iv) as [FollicleBehaviour, ScheduleInterval[]][]) if (list.length > 0) steps[b] = stepFromIntervals(list);
  const schedule: BehaviourSchedule = { regions: Array.from({ length: regions }, (_, r) => (r === targetRegion ? steps : {})) };
  return { schedule, exposure };
}

/**
 * Adds the coupled microenvironment's factors (docs/model.md §9.10) to a man's intervals: on every piece
 * where his drivers are constant (breaks of the androgen-exposure intervals and of the ceria window) the
 * region's exposure is x = min(1, x̄·Π f_A) and the bulb ceria level c is the window's level or 0; the tile's
 * steady signals at (x, c) go through the rules into activation, anagen duration and size retention. The
 * tile relaxes within days (vessels ~5 d), so steady signals per piece are exact on the scale of cycles.
 */
function coupleMicroenvironment(
  iv: Record<FollicleBehaviour, ScheduleInterval[]>,
  table: MicroenvTable,
  meanExposure: number,
  ceria: { fromS: number; toS: number; rel: number } | null,
  gain: number,
): void {
  const cuts = new Set<number>([0]);
  for (const e of iv.androgenExposure) cuts.add(e.fromS).add(e.toS);
  if (ceria) cuts.add(ceria.fromS).add(ceria.toS);
  const times = [...cuts].filter((t) => t >= 0 && t < Infinity).sort((a, b) => a - b);
  const pieces: { fromS: number; toS: number; f: ReturnType<typeof coupledFactors> }[] = [];
  times.forEach((a, k) => {
    const b = k + 1 < times.length ? times[k + 1] : Infinity;
    let xf = 1;
    for (const e of iv.androgenExposure) if (e.fromS <= a && a < e.toS) xf *= e.factor;
    const c = ceria && ceria.fromS <= a && a < ceria.toS ? ceria.rel : 0;
    pieces.push({ fromS: a, toS: b, f: coupledFactors(table, Math.min(1, meanExposure * xf), c, gain) });
  });
  for (const b of ['activation', 'anagenDuration', 'sizeRetention'] as const) {
    for (const piece of pieces) {
      const f = clampToBounds(b, piece.f[b]);
      if (f !== 1) iv[b].push({ fromS: piece.fromS, toS: piece.toS, factor: f });
    }
  }
}
