import { subjectPath } from '../experiment/cohort.ts';
import { humanScalpSchema } from '../follicle/human/schema.ts';
import { assembleHumanScalp, type HumanScalpModel } from '../follicle/human/model.ts';
import { CH, CHANNELS, runHumanAutomaton } from '../follicle/human/automaton.ts';
import { RandomStream } from '../core/random/stream.ts';
import { trialProgression } from '../species/trial.ts';
import { norwoodStage, type Subject } from './population.ts';
import { subjectSchedule, type RegimenExposure } from './regimen.ts';
import { depthDoseLookup, type DepthDoseLookup } from './ceriaDepthDose.ts';
import type { TrialArm, TrialScenario } from './schema.ts';

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

/** The single-region model template of a trial (target area as the vertex region; other regions empty). */
export function trialModelTemplate(s: TrialScenario): HumanScalpModel {
  const cfg = humanScalpSchema.parse({
    randomStreams: 'perFollicle',
    regions: { frontal: { areaCm2: 1e-9 }, midScalp: { areaCm2: 1e-9 }, vertex: { areaCm2: s.targetArea.areaCm2 }, occipital: { areaCm2: 1e-9 } },
    aga: {
      miniaturizationPerCycle: trialProgression.miniaturizationPerCycle.value,
      recoveryPerCycle: trialProgression.recoveryPerCycle.value,
      follicleOnsetSpreadYears: trialProgression.follicleOnsetSpreadYears.value,
    },
  });
  return assembleHumanScalp(cfg);
}

/**
 * Norwood stage at enrolment as the screening visit sees it: the history of the first ⌈f·N⌉ follicles of the
 * target area only (f = design.screeningAreaFraction). With per-follicle streams these follicles have exactly
 * the histories they have in the full run, so the screen is a cheaper, coarser look at the same scalp (as a
 * clinical Norwood rating is); men who fail it are never simulated in full.
 */
export function screeningStage(s: TrialScenario, template: HumanScalpModel, subject: Subject, seed: number): number {
  const n = Math.max(0, Math.round(s.targetArea.areaCm2 * subject.follicleDensityPerCm2));
  const ns = Math.min(n, Math.max(1, Math.ceil(s.design.screeningAreaFraction * n)));
  const model: HumanScalpModel = { ...template, androgenLevel: subject.androgenSensitivity, regionFollicles: Float64Array.of(0, 0, ns, 0) };
  const enrolS = subject.yearsSinceOnset * YEAR;
  const times = enrolS > 0 ? Float64Array.of(0, enrolS) : Float64Array.of(0);
  const rng = RandomStream.fromSeed(seed, [...subjectPath(subject.id), 'follicles']);
  const onsetYears = trialProgression.onsetRampYears.value;
  const schedule = onsetYears > 0 ? subjectSchedule({ id: 'screen', n: 1, treatments: {} }, subject, seed, enrolS, 0.001, onsetYears, 4, TARGET_REGION).schedule : undefined;
  const { recorder } = runHumanAutomaton(model, enrolS + 1, times, rng, undefined, schedule);
  const term = recorder.levels(TARGET_REGION * CHANNELS + CH.terminalHairs);
  const last = term[term.length - 1];
  return norwoodStage(term[0] > 0 ? 1 - last / term[0] : 0);
}

/** Index of the target region (vertex) in the model. */
export const TARGET_REGION = 2;

/**
 * Simulates one man from AGA onset to the end of the trial under `arm` (history and trial in one pass: with
 * per-follicle streams the history before enrolment is bitwise the same in every arm). Follicles draw from
 * `subject/<id>/follicles`, independent of the arm.
 */
export function simulateSubject(s: TrialScenario, template: HumanScalpModel, subject: Subject, arm: TrialArm, seed: number, depthDose: DepthDoseLookup = depthDoseLookup()): SubjectCourse {
  const n = Math.max(0, Math.round(s.targetArea.areaCm2 * subject.follicleDensityPerCm2));
  const model: HumanScalpModel = { ...template, androgenLevel: subject.androgenSensitivity, regionFollicles: Float64Array.of(0, 0, n, 0) };
  const enrolS = subject.yearsSinceOnset * YEAR;
  const endS = enrolS + s.durationWeeks * WEEK;
  // sample times: onset, weekly from 8 weeks before baseline, and every visit (ascending, unique)
  const set = new Set<number>([0]);
  const weeks = Math.ceil(s.durationWeeks);
  for (let w = -PRE_WEEKS; w <= weeks; w++) {
    const t = enrolS + Math.min(w, s.durationWeeks) * WEEK;
    if (t > 0) set.add(t);
  }
  for (const v of s.visitsWeeks) set.add(enrolS + v * WEEK);
  const times = Float64Array.from([...set].sort((a, b) => a - b));
  const idx = (t: number) => times.indexOf(t);
  const { schedule, exposure } = subjectSchedule(arm, subject, seed, enrolS, s.durationWeeks, trialProgression.onsetRampYears.value, 4, TARGET_REGION, depthDose);
  const rng = RandomStream.fromSeed(seed, [...subjectPath(subject.id), 'follicles']);
  const { recorder } = runHumanAutomaton(model, endS + 1, times, rng, undefined, schedule);
  const base = TARGET_REGION * CHANNELS;
  const term = recorder.levels(base + CH.terminalHairs);
  const diam = recorder.levels(base + CH.diameterSumUm);
  const hairs = recorder.levels(base + CH.hairs);
  const shed = recorder.eventCounts(TARGET_REGION);
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
    stage: norwoodStage(onsetTerminal > 0 ? 1 - baseline / onsetTerminal : 0),
    terminal: Float64Array.from(visitIdx, (i) => term[i]),
    coverageUm: Float64Array.from(visitIdx, (i) => diam[i]),
    shedPerWeek,
    baselineShedPerWeek: preWeeks > 0 ? pre / preWeeks : 0,
    exposure,
    hairs: Float64Array.from(visitIdx, (i) => hairs[i]),
    follicles: n,
  };
}
