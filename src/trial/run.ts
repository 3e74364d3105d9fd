import type { TrialParams } from '../parameters/assemble/trial.ts';
import type { ParameterValues } from '../parameters/catalog.ts';
import { subjectPath } from '../experiment/cohort.ts';
import { RandomStream } from '../core/random/stream.ts';
import { countErrorCv, measureCount, photographicScore } from './measure.ts';
import { ageEligible, drawSubject, eligible, randomizeArm } from './population.ts';
import type { TrialScenario } from './schema.ts';
import { prepareSubject, screenSubject, simulateSubject, trialModelTemplate } from './subject.ts';
import { depthDoseLookup, depthDoseParams, levelsOf, trialCeriaDepthDose, type CeriaLevels } from './ceriaDepthDose.ts';
import { microenvTable, type MicroenvTable } from './microenvironment.ts';
import { assembleTrialMicroenv } from '../parameters/assemble/trialMicroenvironment.ts';

/**
 * One candidate's record: screening outcome and, when simulated, the measured course under each arm he
 * was run in (one arm in a randomized trial; every arm with common random numbers).
 */
export interface CandidateRecord {
  id: number;
  /** 'age' | 'norwood' screen failures, or 'eligible'. */
  screen: 'age' | 'norwood' | 'eligible';
  ageYears: number;
  yearsSinceOnset: number;
  stage: number;
  sultOd: number;
  adherence: number;
  dropoutWeek: number;
  /** Arm he was randomized to (−1 with common random numbers: every arm). */
  arm: number;
  courses: ArmCourse[];
}

/** Measured course of one man under one arm. */
export interface ArmCourse {
  arm: number;
  follicles: number;
  /** True terminal count, measured count and photographic score (NaN at baseline) per visit. */
  trueCount: number[];
  measured: number[];
  gpa: number[];
  coverageRatioEnd: number;
  hairsBaseline: number;
  hairsEnd: number;
  shedPerWeek: number[];
  baselineShedPerWeek: number;
  needleSessions: number;
  needleDepthMm: number;
  ceriaPatches: number;
  ceriaDepotUm: number;
}

/**
 * Candidate ids [from, to) of one unit, with the ceria depth–dose and the coupled microenvironment's lookup
 * solved once at planning (shared by every unit; no microenv: not coupled).
 */
export interface TrialUnit {
  from: number;
  to: number;
  ceria?: CeriaLevels[];
  microenv?: MicroenvTable;
}

/** Screens and simulates candidates [from, to) (pure: same scenario + seed + unit → same records). */
export function runTrialUnit(s: TrialScenario, unit: TrialUnit, seed: number, p: TrialParams, checkpoint: () => void = () => {}): CandidateRecord[] {
  const template = trialModelTemplate(s, p, unit.microenv);
  // the unit carries every loaded ceria regimen's levels (planTrial); none is solved here
  const depthDose = depthDoseLookup(unit.ceria ?? []);
  const out: CandidateRecord[] = [];
  for (let id = unit.from; id < unit.to; id++) {
    checkpoint();
    const subject = drawSubject(s, seed, id, p);
    const rec: CandidateRecord = {
      id,
      screen: 'age',
      ageYears: subject.ageYears,
      yearsSinceOnset: subject.yearsSinceOnset,
      stage: 0,
      sultOd: subject.sultOd,
      adherence: subject.adherence,
      dropoutWeek: subject.dropoutWeek,
      arm: s.design.commonRandomNumbers ? -1 : randomizeArm(s, seed, id),
      courses: [],
    };
    if (!ageEligible(s, subject)) {
      out.push(rec);
      continue;
    }
    // screen under the arm he was randomized to (the first arm with common random numbers)
    const screenArm = rec.arm < 0 ? 0 : rec.arm;
    const screenRun = prepareSubject(s, template, subject, s.arms[screenArm], seed, p, depthDose, unit.microenv);
    const screen = screenSubject(screenRun, id, seed, p);
    rec.stage = screen.stage;
    if (!eligible(s, subject, rec.stage)) {
      rec.screen = 'norwood';
      out.push(rec);
      continue;
    }
    const arms = rec.arm < 0 ? s.arms.map((_, a) => a) : [rec.arm];
    for (const a of arms) {
      const c = a === screenArm ? simulateSubject(s, screenRun, id, seed, p, screen.part) : simulateSubject(s, prepareSubject(s, template, subject, s.arms[a], seed, p, depthDose, unit.microenv), id, seed, p);
      // measurement noise from the man's own stream: the same draws under every arm
      const mrng = RandomStream.fromSeed(seed, [...subjectPath(id), 'measure']);
      const measured: number[] = [];
      const gpa: number[] = [];
      s.visitsWeeks.forEach((w, v) => {
        measured.push(measureCount(c.terminal[v], w, s.counting.method, countErrorCv(s, p), mrng, p));
        gpa.push(v === 0 ? Number.NaN : photographicScore(c.coverageUm[0] > 0 ? c.coverageUm[v] / c.coverageUm[0] : 1, mrng, p));
      });
      const last = s.visitsWeeks.length - 1;
      rec.courses.push({
        arm: a,
        follicles: c.follicles,
        trueCount: Array.from(c.terminal),
        measured,
        gpa,
        coverageRatioEnd: c.coverageUm[0] > 0 ? c.coverageUm[last] / c.coverageUm[0] : 1,
        hairsBaseline: c.hairs[0],
        hairsEnd: c.hairs[last],
        shedPerWeek: Array.from(c.shedPerWeek),
        baselineShedPerWeek: c.baselineShedPerWeek,
        needleSessions: c.exposure.needleSessions,
        needleDepthMm: c.exposure.needleDepthMm,
        ceriaPatches: c.exposure.ceriaPatches,
        ceriaDepotUm: c.exposure.ceriaDepotUm,
      });
    }
    rec.screen = rec.courses.length > 0 ? 'eligible' : 'norwood';
    out.push(rec);
  }
  return out;
}

/**
 * The plan: candidate blocks of `subjectsPerUnit` up to the candidate count (default 4 × the randomized total: about
 * 43 % of all candidates are 18-49 and Norwood III-V at the joint natural-history fit, docs/validation.md §9.4, so
 * 4 × leaves a margin of ~1.7 for the randomization's scatter; a shortfall is the `arms[i].n` error of reduce.ts).
 * `values` are the scenario's resolved parameter values, which the depth–dose solve also reads (delivery, skin, patch).
 */
export function planTrial(s: TrialScenario, p: TrialParams, values: ParameterValues = s.parameterValues ?? {}): TrialUnit[] {
  const total = s.design.commonRandomNumbers ? Math.max(...s.arms.map((a) => a.n)) : s.arms.reduce((x, a) => x + a.n, 0);
  const candidates = s.population.candidates ?? 4 * total;
  // the 3-D depth–dose runs here, once, instead of in every worker thread
  const ceria = trialCeriaDepthDose(s, depthDoseParams(p, values)).map((c) => levelsOf(c.depthDose));
  const microenv = s.microenvironment.coupled ? planMicroenv(ceria, values) : undefined;
  const units: TrialUnit[] = [];
  for (let from = 0; from < candidates; from += s.design.subjectsPerUnit) {
    units.push({ from, to: Math.min(candidates, from + s.design.subjectsPerUnit), ...(ceria.length > 0 ? { ceria } : {}), ...(microenv ? { microenv } : {}) });
  }
  return units;
}

/** The coupled microenvironment's lookup of a trial: ceria nodes up to the highest bulb level of its ceria regimens. */
export function planMicroenv(ceria: readonly CeriaLevels[], values: ParameterValues): MicroenvTable {
  const maxRel = Math.max(0, ...ceria.flatMap((c) => c.bulbRel));
  return microenvTable(assembleTrialMicroenv(values), maxRel, ceria.length > 0 ? ceria[0].mouseBulbLevelKgM3 : 0);
}
