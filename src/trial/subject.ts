import type { TrialParams } from '../parameters/assemble/trial.ts';
import { subjectPath } from '../experiment/cohort.ts';
import { humanScalpSchema } from '../follicle/human/schema.ts';
import { assembleHumanScalp, type HumanScalpModel } from '../follicle/human/model.ts';
import { CH, CHANNELS, runHumanAutomaton, type FollicleSnapshot } from '../follicle/human/automaton.ts';
import { RandomStream } from '../core/random/stream.ts';
import { norwoodStage, type Subject } from './population.ts';
import { subjectSchedule, type RegimenExposure } from './regimen.ts';
import type { DepthDoseLookup } from './ceriaDepthDose.ts';
import { coupledFactors, type MicroenvTable } from './microenvironment.ts';
import type { TrialArm, TrialScenario } from './schema.ts';
import type { BehaviourSchedule } from '../follicle/schedule.ts';

const WEEK = 7 * 86400;
const YEAR = 365.25 * 86400;
const PRE_WEEKS = 8;

/** A man's target area over the trial as the follicles produce it (true values, before measurement). */
export interface SubjectCourse {
  /** Terminal hairs in the target area at AGA onset (healthy reference for the Norwood stage). */
  onsetTerminal: number;
  /** Norwood stage at enrolment. */
  stage: number;
  /** True terminal (non-vellus) count and coverage (Σ shaft diameters, µm) at each visit. */
  terminal: Float64Array;
  coverageUm: Float64Array;
  /** Hairs shed per week, weeks 1…⌈duration⌉, and the mean weekly shedding of the 8 weeks before baseline. */
  shedPerWeek: Float64Array;
  baselineShedPerWeek: number;
  exposure: RegimenExposure;
  /** Hairs present (terminal + vellus) at each visit. */
  hairs: Float64Array;
  /** Follicles in the target area. */
  follicles: number;
}

/**
 * Recovery per cycle under full androgen withdrawal (1): the share `recoveryToLossRatio` of the per-cycle
 * loss at full exposure, the direct δ plus, when the microenvironment is coupled, its size-retention loss at
 * x = 1 (docs/model.md §9.10).
 */
export function trialRecoveryPerCycle(p: TrialParams, microenv?: MicroenvTable): number {
  const tp = p.trialProgression;
  const microLoss = microenv ? 1 - coupledFactors(microenv, 1, 0, tp.microenvironmentGain).sizeRetention : 0;
  return tp.recoveryToLossRatio * (tp.miniaturizationPerCycle + microLoss);
}

/** The single-region model template of a trial (target area as the vertex region; other regions empty); `microenv` as in `prepareSubject`. */
export function trialModelTemplate(s: TrialScenario, p: TrialParams, microenv?: MicroenvTable): HumanScalpModel {
  const cfg = humanScalpSchema.parse({
    randomStreams: 'perFollicle',
    regions: { frontal: { areaCm2: 1e-9 }, midScalp: { areaCm2: 1e-9 }, vertex: { areaCm2: s.targetArea.areaCm2 }, occipital: { areaCm2: 1e-9 } },
    aga: {
      miniaturizationPerCycle: p.trialProgression.miniaturizationPerCycle,
      recoveryPerCycle: trialRecoveryPerCycle(p, microenv),
      follicleOnsetSpreadYears: p.trialProgression.follicleOnsetSpreadYears,
    },
  });
  return assembleHumanScalp(cfg);
}

/** Mean per-follicle androgen susceptibility E[u] of a model (Beta mean, or the fixed value when the SD is 0). */
export function meanSusceptibility(m: HumanScalpModel): number {
  return Number.isNaN(m.susceptibilityA) ? m.susceptibilityB : m.susceptibilityA / (m.susceptibilityA + m.susceptibilityB);
}

/** Index of the target region (vertex) in the model. */
export const TARGET_REGION = 2;

/**
 * One man under one arm, ready to run: his model, clock (s since AGA onset), sample times (onset, weekly from
 * 8 weeks before baseline, every visit) and behaviour schedule. Follicles draw from `subject/<id>/follicles`
 * (per-follicle substreams), independent of the arm.
 */
export interface SubjectRun {
  model: HumanScalpModel;
  /** Follicles in the target area, and how many of them the Norwood screen looks at. */
  follicles: number;
  screened: number;
  enrolS: number;
  endS: number;
  times: Float64Array;
  schedule: BehaviourSchedule;
  exposure: RegimenExposure;
}

/** What a range of follicles produced: the target region's series at the run's sample times. */
export interface FolliclePart {
  terminal: Float64Array;
  diameterUm: Float64Array;
  hairs: Float64Array;
  shed: Float64Array;
}

/**
 * Sets up man `subject` under `arm` (no simulation yet); `depthDose` serves the ceria regimens' levels,
 * `microenv` the coupled microenvironment (absent: not coupled).
 */
export function prepareSubject(
  s: TrialScenario,
  template: HumanScalpModel,
  subject: Subject,
  arm: TrialArm,
  seed: number,
  p: TrialParams,
  depthDose: DepthDoseLookup,
  microenv?: MicroenvTable,
): SubjectRun {
  const n = Math.max(0, Math.round(s.targetArea.areaCm2 * subject.follicleDensityPerCm2));
  const screened = Math.min(n, Math.max(1, Math.ceil(s.design.screeningAreaFraction * n)));
  const enrolS = subject.yearsSinceOnset * YEAR;
  const endS = enrolS + s.durationWeeks * WEEK;
  const set = new Set<number>([0]);
  const weeks = Math.ceil(s.durationWeeks);
  for (let w = -PRE_WEEKS; w <= weeks; w++) {
    const t = enrolS + Math.min(w, s.durationWeeks) * WEEK;
    if (t > 0) set.add(t);
  }
  for (const v of s.visitsWeeks) set.add(enrolS + v * WEEK);
  const times = Float64Array.from([...set].sort((a, b) => a - b));
  const coupling = microenv ? { table: microenv, meanExposure: subject.androgenSensitivity * template.regionSensitivity[TARGET_REGION] * meanSusceptibility(template) } : undefined;
  const { schedule, exposure } = subjectSchedule(arm, subject, seed, enrolS, s.durationWeeks, p.trialProgression.onsetRampYears, 4, TARGET_REGION, p, depthDose, coupling);
  const model: HumanScalpModel = { ...template, androgenLevel: subject.androgenSensitivity, regionFollicles: Float64Array.of(0, 0, 0, 0) };
  return { model, follicles: n, screened, enrolS, endS, times, schedule, exposure };
}

/** Runs the man's target-area follicles [from, to) over his whole course (onset to the end of the trial), optionally with their per-follicle state at a few samples. */
export function runFollicles(run: SubjectRun, subjectId: number, seed: number, from: number, to: number, snapshot?: FollicleSnapshot): FolliclePart {
  const model: HumanScalpModel = { ...run.model, regionFollicles: Float64Array.of(0, 0, Math.max(0, to - from), 0) };
  const rng = RandomStream.fromSeed(seed, [...subjectPath(subjectId), 'follicles']);
  const { recorder } = runHumanAutomaton(model, run.endS + 1, run.times, rng, undefined, run.schedule, from, snapshot);
  const base = TARGET_REGION * CHANNELS;
  return {
    terminal: recorder.levels(base + CH.terminalHairs),
    diameterUm: recorder.levels(base + CH.diameterSumUm),
    hairs: recorder.levels(base + CH.hairs),
    shed: recorder.eventCounts(TARGET_REGION),
  };
}

/**
 * Norwood stage at enrolment as the screening visit sees it: the history of the first `run.screened`
 * follicles of the target area only (f = design.screeningAreaFraction), a cheaper, coarser look at the same
 * scalp (as a clinical Norwood rating is). The screened follicles are run over the whole course under the
 * man's arm (a schedule acts only after enrolment, so the stage is the same in every arm), and the part is
 * returned so that an eligible man's full run adds only the other follicles: every follicle is simulated
 * once, and men who fail the screen cost a fraction f of a full run.
 */
export function screenSubject(run: SubjectRun, subjectId: number, seed: number, p: TrialParams): { stage: number; part: FolliclePart } {
  const part = runFollicles(run, subjectId, seed, 0, run.screened);
  const term = part.terminal;
  const last = term[run.times.indexOf(run.enrolS)];
  return { stage: norwoodStage(term[0] > 0 ? 1 - last / term[0] : 0, p), part };
}

/**
 * Simulates one man from AGA onset to the end of the trial (history and trial in one pass: with per-follicle
 * streams the history before enrolment is bitwise the same in every arm). `screened`, the part his screen
 * already ran under this same arm, is reused; without it every follicle is run.
 */
export function simulateSubject(s: TrialScenario, run: SubjectRun, subjectId: number, seed: number, p: TrialParams, screened?: FolliclePart): SubjectCourse {
  const { times, enrolS } = run;
  let part: FolliclePart;
  if (screened) {
    part = runFollicles(run, subjectId, seed, run.screened, run.follicles);
    for (let k = 0; k < times.length; k++) {
      part.terminal[k] += screened.terminal[k];
      part.diameterUm[k] += screened.diameterUm[k];
      part.hairs[k] += screened.hairs[k];
      part.shed[k] += screened.shed[k];
    }
  } else {
    part = runFollicles(run, subjectId, seed, 0, run.follicles);
  }
  const idx = (t: number) => times.indexOf(t);
  const { terminal: term, diameterUm: diam, hairs, shed } = part;
  const weeks = Math.ceil(s.durationWeeks);
  const visitIdx = s.visitsWeeks.map((v) => idx(enrolS + v * WEEK));
  const onsetTerminal = term[0];
  const baseline = term[visitIdx[0]];
  const shedPerWeek = new Float64Array(weeks);
  for (let w = 1; w <= weeks; w++) {
    const i = idx(enrolS + Math.min(w, s.durationWeeks) * WEEK);
    const j = idx(enrolS + Math.min(w - 1, s.durationWeeks) * WEEK);
    // events binned into (times[k-1], times[k]]: sum the bins between the two week marks
    let sum = 0;
    for (let k = j + 1; k <= i; k++) sum += shed[k];
    shedPerWeek[w - 1] = sum;
  }
  let pre = 0;
  let preWeeks = 0;
  for (let w = -PRE_WEEKS + 1; w <= 0; w++) {
    const i = idx(enrolS + w * WEEK);
    const j = idx(enrolS + (w - 1) * WEEK);
    if (i > 0 && j >= 0) {
      for (let k = j + 1; k <= i; k++) pre += shed[k];
      preWeeks++;
    }
  }
  return {
    onsetTerminal,
    stage: norwoodStage(onsetTerminal > 0 ? 1 - baseline / onsetTerminal : 0, p),
    terminal: Float64Array.from(visitIdx, (i) => term[i]),
    coverageUm: Float64Array.from(visitIdx, (i) => diam[i]),
    shedPerWeek,
    baselineShedPerWeek: preWeeks > 0 ? pre / preWeeks : 0,
    exposure: run.exposure,
    hairs: Float64Array.from(visitIdx, (i) => hairs[i]),
    follicles: run.follicles,
  };
}
