import type { MouseStudyScenario } from '../scenario/schema.ts';
import { runAnimal, type AnimalResult } from '../study/animal.ts';
import { mouseStudyDesign } from '../study/design.ts';
import { subjectPath } from '../experiment/cohort.ts';
import { MOUSE_STUDY_ENDPOINTS } from '../experiment/endpoints.ts';
import { armEndpoint } from '../experiment/endpointRegistry.ts';
import '../study/endpoints.ts';
import { givenTreatments } from '../experiment/regimen.ts';
import { compareArms, summariseArm, type ArmSummary, type Comparison } from '../study/aggregate.ts';
import { rmstDifference } from '../stats/index.ts';
import { withTableUnits } from '../results/tables.ts';
import type { Task } from './task.ts';
import { healthyReferenceSignals } from '../microenv/follicleCoupling.ts';
import { ruleSentence } from '../microenv/ruleText.ts';
import { SIGNALS } from '../microenv/rules.ts';
import { assembleFollicleSignals } from '../parameters/assemble/signals.ts';
import type { Table, TaskOptions, TaskOutput } from './types.ts';

/** Photos of the representative (first) mouse of each arm: raw RGBA pixels (output/ encodes them). */
export interface StudyPhoto {
  arm: string;
  day: number;
  width: number;
  height: number;
  /** Row-major RGBA, 4 bytes per pixel. */
  rgba: Uint8ClampedArray;
}

export interface MouseStudyOutput extends TaskOutput {
  arms: ArmSummary[];
  comparisons: Comparison[];
  photos: StudyPhoto[];
  /** Coverage threshold of the days-to endpoint (fraction). */
  coverageThreshold: number;
  /** Effect sizes on days to the coverage threshold (restricted mean differences with 95 % intervals). */
  effects: StudyEffect[];
  /** The scenario's behaviour rules as English sentences (for the report). */
  ruleSentences: string[];
}

/** What the p-values and intervals of a simulated study mean. */
export const STATISTICS_NOTE =
  'n (mice per arm) is a simulation setting: p-values and intervals shrink as it grows and say how well the simulation pins down the model\'s own difference, not that a real study would find it. Effect sizes are differences of restricted mean days to the coverage threshold (area under the Kaplan-Meier curve to the end of the study; mice that never reach it are censored), with normal-theory 95 % intervals treating arms as independent (arms share subjects\' random streams, so the intervals are conservative).';

/** One effect size: arm A minus arm B in restricted mean days to the threshold (negative: A reaches it earlier). */
export interface StudyEffect {
  a: string;
  b: string;
  estimateDays: number;
  low95: number;
  high95: number;
}

/**
 * The study's comparisons as effect sizes: every arm against the reference, and every pair of treated arms
 * (arms with minoxidil or a patch; e.g. Ce-MN vs minoxidil, Ce-MN vs empty patch, minoxidil vs empty patch).
 */
export function studyEffects(scenario: MouseStudyScenario, arms: readonly ArmSummary[]): StudyEffect[] {
  const ref = arms.find((a) => a.id === scenario.endpoints.reference);
  const byId = new Map(arms.map((a) => [a.id, a]));
  const pairs: [string, string][] = [];
  if (ref) for (const a of arms) if (a.id !== ref.id) pairs.push([a.id, ref.id]);
  const treated = scenario.arms.filter((a) => a.minoxidil || a.patch).map((a) => a.id);
  // the last treated arm (the flagship's Ce-MN) against each other treated arm, then the remaining pairs in
  // scenario order: Ce-MN vs minoxidil, Ce-MN vs empty patch, minoxidil vs empty patch
  const last = treated[treated.length - 1];
  for (let j = 0; j < treated.length - 1; j++) pairs.push([last, treated[j]]);
  for (let i = 0; i < treated.length - 1; i++) for (let j = i + 1; j < treated.length - 1; j++) pairs.push([treated[i], treated[j]]);
  return pairs.flatMap(([ai, bi]) => {
    const a = byId.get(ai);
    const b = byId.get(bi);
    if (!a || !b) return [];
    const d = rmstDifference(a.km, b.km, scenario.durationDays);
    return [{ a: ai, b: bi, estimateDays: d.estimate, low95: d.low, high95: d.high }];
  });
}

/** Runs every mouse of every arm (no I/O); `animalsFilter` lets a sweep or a worker run a subset. */
export function runMouseStudyAnimals(
  scenario: MouseStudyScenario,
  options: TaskOptions,
): Map<string, AnimalResult[]> {
  const results = new Map<string, AnimalResult[]>();
  const total = scenario.arms.length * scenario.animals.perArm;
  let done = 0;
  for (const arm of mouseStudyDesign(scenario)) {
    const animals: AnimalResult[] = [];
    for (const subject of arm.subjects) {
      // photos of the representative (first) mouse only: the study shows no others
      animals.push(runAnimal(scenario, arm.config, subject, options.seed, { photos: animals.length === 0 }));
      done++;
      options.onProgress?.({ fraction: done / total, stage: `mice (${arm.id})` });
    }
    results.set(arm.id, animals);
  }
  return results;
}

/** Turns per-animal results into the study outputs: summary, tables, comparisons, photos. */
export function summariseMouseStudy(scenario: MouseStudyScenario, results: ReadonlyMap<string, readonly AnimalResult[]>): MouseStudyOutput {
  // skin darkening is a standard endpoint: always reported, whether or not the scenario asks for it
  const ep = { ...scenario.endpoints, additional: [...new Set(['daysToSkinDarkening', ...scenario.endpoints.additional])] };
  const arms = scenario.arms.map((a) => summariseArm(a, results.get(a.id) ?? [], ep.coverageThreshold));
  // validation refuses written days past the end; the default days are cut to the run here
  const compareDays = ep.compareDays.filter((d) => d <= scenario.durationDays + 1e-9);
  const comparisons = compareArms(results, ep.reference, compareDays, ep.coverageThreshold, scenario.durationDays);
  const thresholdKey = `daysTo${Math.round(ep.coverageThreshold * 100)}PctCoverage`;
  const summaryArms: Record<string, unknown> = {};
  const last = (xs: { mean: number; sd: number }[]) => xs[xs.length - 1];
  for (const a of arms) {
    summaryArms[a.id] = {
      label: a.label,
      n: a.n,
      coverageByDay: a.byDay.hairCoverage.map((d) => ({ day: d.day, mean: d.mean, sd: d.sd })),
      skinDarknessByDay: a.byDay.skinDarkness.map((d) => ({ day: d.day, mean: d.mean, sd: d.sd })),
      [thresholdKey]: a.daysToThreshold,
      [`${thresholdKey}Km`]: { median: a.daysToThresholdKm.median, low95: a.daysToThresholdKm.low, high95: a.daysToThresholdKm.high },
      [`${thresholdKey}ByMouse`]: a.daysToThresholdByAnimal,
      reachedFraction: a.reachedFraction,
      final: {
        coverage: last(a.byDay.hairCoverage),
        anagenFraction: last(a.byDay.anagenFraction),
        visibleHairsPerMm2: last(a.byDay.visibleHairsPerMm2),
        meanHairDiameterUm: last(a.byDay.meanHairDiameterUm),
        nonMiniaturizedFraction: last(a.byDay.nonMiniaturizedFraction),
      },
      ...Object.fromEntries(
        ep.additional.map((id) => [id, armEndpoint<AnimalResult>('mouseStudy', id)?.compute(results.get(a.id) ?? [], { durationDays: scenario.durationDays, coverageThreshold: ep.coverageThreshold }) ?? null]),
      ),
      microenvironmentMeanOverStudy: Object.fromEntries(
        (['rosIndex', 'perfusion', 'pS6', 'vegfFold', 'damage'] as const).map((k) => [k, a.byDay[k].reduce((s, d) => s + d.mean, 0) / a.byDay[k].length]),
      ),
    };
  }

  const effects = studyEffects(scenario, arms);

  const long: Record<string, (number | string)[]> = { arm: [], day: [] };
  const names = Object.keys(arms[0]?.byDay ?? {}) as (keyof ArmSummary['byDay'])[];
  for (const n of names) {
    long[`${n}_mean`] = [];
    long[`${n}_sd`] = [];
  }
  for (const a of arms) {
    a.byDay.hairCoverage.forEach((d, k) => {
      long.arm.push(a.id);
      long.day.push(d.day);
      for (const n of names) {
        long[`${n}_mean`].push(a.byDay[n][k].mean);
        long[`${n}_sd`].push(a.byDay[n][k].sd);
      }
    });
  }
  const design = mouseStudyDesign(scenario);
  const subjectsOf = new Map(design.map((a) => [a.id, a.subjects]));
  const perMouse: Record<string, (number | string)[]> = { arm: [], mouse: [], subject: [], day: [], hairCoverage: [], skinDarkness: [], anagenFraction: [], rosIndex: [], perfusion: [], pS6: [] };
  for (const [arm, animals] of results) {
    animals.forEach((an, m) => {
      an.timesDays.forEach((day, k) => {
        perMouse.arm.push(arm);
        perMouse.mouse.push(m);
        perMouse.subject.push(subjectsOf.get(arm)?.[m] ?? Number.NaN);
        perMouse.day.push(day);
        for (const key of ['hairCoverage', 'skinDarkness', 'anagenFraction', 'rosIndex', 'perfusion', 'pS6'] as const) perMouse[key].push(an.series[key][k]);
      });
    });
  }
  const compTable: Record<string, (number | string)[]> = { arm: [], reference: [], endpoint: [], day: [], meanDifference: [], test: [], p: [], holmP: [], mannWhitneyP: [] };
  for (const c of comparisons) {
    compTable.arm.push(c.arm);
    compTable.reference.push(c.reference);
    compTable.endpoint.push(c.endpoint);
    // a label column: the log-rank endpoint has no day, written as an empty cell (not a NaN number)
    compTable.day.push(c.day === null ? '' : String(Number(c.day.toPrecision(8))));
    compTable.meanDifference.push(c.meanDifference);
    compTable.test.push(c.test);
    compTable.p.push(c.p);
    compTable.holmP.push(c.holmP);
    compTable.mannWhitneyP.push(c.mannWhitneyP);
  }
  const photos: StudyPhoto[] = [];
  for (const a of scenario.arms) {
    const first = results.get(a.id)?.[0];
    for (const p of first?.photos ?? []) photos.push({ arm: a.id, day: p.day, width: p.width, height: p.height, rgba: p.rgba });
  }
  const asTable = (t: Record<string, (number | string)[]>): Table =>
    Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v[0] === 'string' ? (v as string[]) : Float64Array.from(v as number[])]));
  return {
    task: 'run:mouseStudy',
    summary: {
      model: 'mouseStudy',
      durationDays: scenario.durationDays,
      micePerArm: scenario.animals.perArm,
      coverageThreshold: ep.coverageThreshold,
      design: {
        allocation: scenario.design.allocation,
        arms: design.map((a) => ({ id: a.id, cohort: a.cohort.id, treatments: givenTreatments(a.regimen), subjects: a.subjects })),
      },
      endpoints: [...MOUSE_STUDY_ENDPOINTS, ...ep.additional.flatMap((id) => { const e = armEndpoint('mouseStudy', id); return e ? [{ id: e.id, label: e.label, unit: e.unit, definition: e.definition }] : []; })],
      arms: summaryArms,
      effects,
      comparisons,
      statisticsNote: STATISTICS_NOTE,
    },
    ...withTableUnits({ 'arms-by-day': asTable(long), 'mice-by-day': asTable(perMouse), comparisons: asTable(compTable) }),
    solver: {
      lattice: 'stochastic cellular automaton (Plikus 2011 / Murray 2012), dt from skin.lattice.dtDays',
      microenvironment: `periodic unit cell, ${scenario.microenvironment.transportScheme === 'modal' ? 'exact modal' : 'LOD'} transport + batched ${scenario.microenvironment.chemistryScheme} chemistry, Lie splitting every ${scenario.microenvironment.couplingStepH} h`,
    },
    stats: { animals: scenario.arms.length * scenario.animals.perArm, arms: scenario.arms.length },
    streams: [...new Set(design.flatMap((a) => a.subjects))].sort((x, y) => x - y).map((id) => subjectPath(id).join('/')),
    arms,
    comparisons,
    effects,
    coverageThreshold: ep.coverageThreshold,
    photos,
    ruleSentences: (() => {
      const ref = healthyReferenceSignals(assembleFollicleSignals(scenario.parameters));
      return scenario.microenvironment.rules.map((r) => ruleSentence(r, ref[SIGNALS.indexOf(r.signal)]));
    })(),
  };
}

/** The `run` task of a mouse study, in this thread. */
export function runMouseStudyTask(scenario: MouseStudyScenario, options: TaskOptions): MouseStudyOutput {
  return summariseMouseStudy(scenario, runMouseStudyAnimals(scenario, options));
}

/** One unit of a mouse study: one mouse (subject id) of one arm (index into the scenario). */
export interface MouseUnit {
  arm: number;
  subject: number;
}

/** The mouse study as a task: a unit per mouse, reduced to the study summary. */
export const mouseStudyTask: Task<MouseStudyScenario, MouseUnit, AnimalResult, MouseStudyOutput> = {
  name: 'run:mouseStudy',
  description: 'AGA mouse study: arms of mice, follicle lattice + microenvironment per mouse',
  accepts: (s) => s.model === 'mouseStudy',
  plan: (scenario) => mouseStudyDesign(scenario).flatMap((a, arm) => a.subjects.map((subject) => ({ arm, subject }))),
  runUnit: (scenario, unit, seed) =>
    runAnimal(scenario, scenario.arms[unit.arm], unit.subject, seed, { photos: mouseStudyDesign(scenario)[unit.arm].subjects[0] === unit.subject }),
  reduce: (scenario, results) => {
    const byArm = new Map<string, AnimalResult[]>(scenario.arms.map((a) => [a.id, []]));
    let k = 0;
    for (const arm of scenario.arms) for (let m = 0; m < scenario.animals.perArm; m++) byArm.get(arm.id)?.push(results[k++]);
    return summariseMouseStudy(scenario, byArm);
  },
};
