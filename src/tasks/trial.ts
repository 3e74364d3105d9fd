import type { Task } from './task.ts';
import type { Table, TaskOutput } from './types.ts';
import { planMicroenv, planTrial, runTrialUnit, type CandidateRecord, type TrialUnit } from '../trial/run.ts';
import { finalAncova, observedPower, pairedDifferences, randomizedSet, responders, safety, visitSummaries, countAt, gpaAt, type TrialFlow } from '../trial/reduce.ts';
import type { TrialScenario } from '../trial/schema.ts';
import { depthDoseLookup, depthDoseParams, levelsOf, trialCeriaDepthDose, type CeriaDepthDose } from '../trial/ceriaDepthDose.ts';
import { photographFollicles, viewCounts, type VertexState } from '../trial/photoSubjects.ts';
import { assembleTrial, type TrialParams } from '../parameters/assemble/trial.ts';

/** What the report needs beyond the tables: the flow and the sample men for the vertex pictures. */
export interface TrialOutput extends TaskOutput {
  trial: {
    arms: { id: string; label: string }[];
    flow: TrialFlow;
    /** Sample men: counts at the first and last visit and every follicle's state there (the photographs). */
    photos: { arm: number; id: number; follicles: number; baseline: { terminal: number; hairs: number }; end: { terminal: number; hairs: number }; state: VertexState }[];
    areaCm2: number;
    durationWeeks: number;
    control: number;
    /** 3-D depth–dose of each distinct loaded ceria regimen (absent without ceria arms). */
    ceria?: { regimen: string; arms: string[]; depthDose: CeriaDepthDose }[];
    /** The trial's parameter values (defaults and the scenario's overrides). */
    params: TrialParams;
  };
}

/** Columns of mixed build-up → a Table (each column all numbers or all labels). */
function toTable(cols: Record<string, (number | string)[]>): Table {
  const t: Table = {};
  for (const [k, v] of Object.entries(cols)) t[k] = v.every((x) => typeof x === 'number') ? Float64Array.from(v as number[]) : v.map(String);
  return t;
}

const round = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)) : x);

/** Column store of a table being built row by row (keys in column order). */
type Columns = Record<string, (number | string)[]>;

/** Appends one row to a column store: each key of `row` to its column (every column must get a value). */
function addRow(t: Columns, row: Record<string, number | string>): void {
  for (const k of Object.keys(t)) t[k].push(row[k]);
}

/**
 * Builds the trial's tables and summary from the candidates' records (pure). The photographed men are run once
 * more with per-follicle state (photoSubjects.ts), which needs the run's seed.
 */
export function reduceTrial(s: TrialScenario, records: CandidateRecord[], seed: number): TrialOutput {
  const { set, flow } = randomizedSet(s, records);
  const control = s.analysis.control ? s.arms.findIndex((a) => a.id === s.analysis.control) : 0;
  const label = (a: number) => s.arms[a].label ?? s.arms[a].id;
  const last = s.visitsWeeks.length - 1;

  const visits: Record<string, (number | string)[]> = { population: [], arm: [], week: [], n: [], meanChangePerCm2: [], sdChangePerCm2: [], ciLowPerCm2: [], ciHighPerCm2: [], meanChangePct: [], ciLowPct: [], ciHighPct: [] };
  for (const pop of ['itt', 'pp'] as const) {
    for (const v of visitSummaries(s, set, pop)) {
      addRow(visits, {
        population: pop, arm: s.arms[v.arm].id, week: v.week, n: v.abs.n,
        meanChangePerCm2: round(v.abs.mean), sdChangePerCm2: round(v.abs.sd), ciLowPerCm2: round(v.abs.lo), ciHighPerCm2: round(v.abs.hi),
        meanChangePct: round(v.pct.mean), ciLowPct: round(v.pct.lo), ciHighPct: round(v.pct.hi),
      });
    }
  }
  const diffs: Record<string, (number | string)[]> = { population: [], arm: [], versus: [], differencePerCm2: [], se: [], ciLow: [], ciHigh: [], p: [], power: [], nFor80: [], nFor90: [] };
  const summaries = { itt: visitSummaries(s, set, 'itt'), pp: visitSummaries(s, set, 'pp') };
  const ancovas = { itt: finalAncova(s, set, 'itt', control), pp: finalAncova(s, set, 'pp', control) };
  for (const pop of ['itt', 'pp'] as const) {
    for (const d of ancovas[pop].differences) {
      const n = (pop === 'itt' ? flow.analysedItt : flow.analysedPp)[d.arm];
      const pw = observedPower(d.estimate, ancovas[pop].residualSd, n, s.analysis.alpha);
      addRow(diffs, {
        population: pop, arm: s.arms[d.arm].id, versus: s.arms[control].id, differencePerCm2: round(d.estimate), se: round(d.se),
        ciLow: round(d.lo), ciHigh: round(d.hi), p: round(d.p, 6), power: round(pw.power), nFor80: pw.nFor80, nFor90: pw.nFor90,
      });
    }
  }
  // common random numbers: the same men under every arm, so each arm's difference from control is also paired
  const paired: Record<string, (number | string)[]> = { population: [], arm: [], versus: [], n: [], differencePerCm2: [], sdPerCm2: [], se: [], ciLow: [], ciHigh: [], p: [] };
  const pairedItt = pairedDifferences(s, set, 'itt', control);
  for (const pop of ['itt', 'pp'] as const) {
    for (const d of pop === 'itt' ? pairedItt : pairedDifferences(s, set, pop, control)) {
      const x = d.diff;
      addRow(paired, {
        population: pop, arm: s.arms[d.arm].id, versus: s.arms[control].id, n: x.n, differencePerCm2: round(x.estimate),
        sdPerCm2: round(x.sd), se: round(x.se), ciLow: round(x.lo), ciHigh: round(x.hi), p: round(x.p, 6),
      });
    }
  }
  const resp: Record<string, (number | string)[]> = { population: [], arm: [], responders: [], n: [], proportion: [], ciLow: [], ciHigh: [], differenceVsControl: [], diffCiLow: [], diffCiHigh: [] };
  for (const pop of ['itt', 'pp'] as const) {
    for (const r of responders(s, set, pop, control)) {
      addRow(resp, {
        population: pop, arm: s.arms[r.arm].id, responders: r.prop.k, n: r.prop.n, proportion: round(r.prop.p), ciLow: round(r.prop.lo),
        ciHigh: round(r.prop.hi), differenceVsControl: round(r.diff.estimate), diffCiLow: round(r.diff.lo), diffCiHigh: round(r.diff.hi),
      });
    }
  }
  const subjects: Record<string, (number | string)[]> = { id: [], arm: [], age: [], yearsSinceOnset: [], norwood: [], sultOd: [], adherence: [], completer: [], perProtocol: [], baseline: [], final: [], changePerCm2: [], changePct: [], trueChangePct: [], gpa: [] };
  for (const r of set) {
    const base = r.course.measured[0];
    const fin = countAt(r, last);
    const t0 = r.course.trueCount[0];
    addRow(subjects, {
      id: r.rec.id, arm: s.arms[r.arm].id, age: round(r.rec.ageYears, 1), yearsSinceOnset: round(r.rec.yearsSinceOnset, 1), norwood: r.rec.stage,
      sultOd: round(r.rec.sultOd), adherence: round(r.rec.adherence), completer: r.completer ? 1 : 0, perProtocol: r.perProtocol ? 1 : 0,
      baseline: base, final: fin, changePerCm2: round((fin - base) / s.targetArea.areaCm2), changePct: round(base > 0 ? 100 * (fin / base - 1) : 0),
      trueChangePct: round(t0 > 0 ? 100 * (r.course.trueCount[last] / t0 - 1) : 0), gpa: gpaAt(r, last),
    });
  }
  const weeks = Math.ceil(s.durationWeeks);
  const shed: Record<string, (number | string)[]> = { arm: [], week: [], shedRelativeToBaseline: [] };
  s.arms.forEach((_, a) => {
    const m = set.filter((r) => r.arm === a);
    const base = m.reduce((x, r) => x + r.course.baselineShedPerWeek, 0);
    for (let w = 0; w < weeks; w++) {
      shed.arm.push(s.arms[a].id);
      shed.week.push(w + 1);
      shed.shedRelativeToBaseline.push(round(base > 0 ? m.reduce((x, r) => x + r.course.shedPerWeek[w], 0) / base : Number.NaN));
    }
  });
  const params = assembleTrial(s.parameterValues);
  const dp = depthDoseParams(params, s.parameterValues);
  const saf = safety(s, set, dp);
  const safetyTable: Record<string, (number | string)[]> = { arm: [], needleSessions: [], needleDepthMm: [], ceriaRetainedUg: [], rosBelowFloorFraction: [], rosBelowFloorBulge: [], rosBelowFloorBulb: [], sheddingEpisodeWeeks: [], menWithSheddingEpisode: [] };
  for (const x of saf) {
    addRow(safetyTable, {
      arm: s.arms[x.arm].id, needleSessions: round(x.needleSessions, 2), needleDepthMm: round(x.needleDepthMm, 2), ceriaRetainedUg: round(x.ceriaRetainedUg, 2),
      rosBelowFloorFraction: round(x.rosBelowFloorFraction), rosBelowFloorBulge: round(x.rosBelowFloorBulge), rosBelowFloorBulb: round(x.rosBelowFloorBulb),
      sheddingEpisodeWeeks: round(x.sheddingEpisodeWeeks, 2), menWithSheddingEpisode: round(x.menWithSheddingEpisode),
    });
  }
  const flowTable: Record<string, (number | string)[]> = { stage: ['screened', 'failed age', 'failed Norwood', 'eligible', 'eligible, not randomized (arm full)'], count: [flow.screened, flow.failedAge, flow.failedNorwood, flow.eligible, flow.eligibleNotRandomized] };
  s.arms.forEach((a, i) => {
    for (const [k, v] of [['randomized', flow.randomized[i]], ['dropped', flow.dropped[i]], ['analysed ITT', flow.analysedItt[i]], ['analysed PP', flow.analysedPp[i]]] as const) {
      flowTable.stage.push(`${a.id}: ${k}`);
      flowTable.count.push(v);
    }
  });

  // memoised: the same solve planTrial ran (same regimen and parameter values)
  const ceria = trialCeriaDepthDose(s, dp);

  // sample men for the pictures: the first photoSubjects completers of each arm, drawn from their follicles
  const photos: TrialOutput['trial']['photos'] = [];
  const levels = ceria.map((c) => levelsOf(c.depthDose));
  const depthDose = depthDoseLookup(levels);
  // the photographed men must run as their units ran: with the same coupled microenvironment (memoised solve)
  const microenv = s.microenvironment.coupled ? planMicroenv(levels, s.parameterValues ?? {}) : undefined;
  s.arms.forEach((_, a) => {
    set.filter((r) => r.arm === a && r.completer).slice(0, s.analysis.photoSubjects).forEach((r) => {
      const state = photographFollicles(s, params, seed, r.rec.id, a, depthDose, microenv);
      const baseline = { terminal: r.course.trueCount[0], hairs: r.course.hairsBaseline };
      const end = { terminal: r.course.trueCount[last], hairs: r.course.hairsEnd };
      // the follicles drawn must be the ones the trial counted: a re-run that drifted from the unit's path is a bug
      for (const [when, v, c] of [['baseline', state.baseline, baseline], ['end', state.end, end]] as const) {
        const seen = viewCounts(v, state.terminalThresholdUm);
        if (seen.terminal !== c.terminal || seen.hairs !== c.hairs) throw new Error(`photograph of man ${r.rec.id} (${s.arms[a].id}, ${when}): ${seen.terminal}/${seen.hairs} terminal/hairs, the trial counted ${c.terminal}/${c.hairs}`);
      }
      photos.push({ arm: a, id: r.rec.id, follicles: r.course.follicles, baseline, end, state });
    });
  });
  const depth: Record<string, (number | string)[]> = { regimen: [], species: [], depthUm: [], levelUgPerMl: [], relativeToMouseBulb: [] };
  ceria.forEach((c, i) => {
    const mouseUgPerMl = c.depthDose.mouseBulbLevelKgM3 * 1e3;
    const rows: [string, string, { depthUm: number[]; levelUgPerMl: number[] }][] = [[c.regimen, 'human scalp', c.depthDose.human]];
    // the mouse reference is the same for every regimen: written once
    if (i === 0) rows.push([`mouse study (every ${c.depthDose.mouseIntervalDays} d)`, 'mouse dorsal', c.depthDose.mouse]);
    for (const [regimen, species, p] of rows) {
      p.depthUm.forEach((z, k) => {
        depth.regimen.push(regimen);
        depth.species.push(species);
        depth.depthUm.push(round(z, 1));
        depth.levelUgPerMl.push(Number(p.levelUgPerMl[k].toPrecision(6)));
        depth.relativeToMouseBulb.push(Number((p.levelUgPerMl[k] / mouseUgPerMl).toPrecision(6)));
      });
    }
  });

  const finalItt = summaries.itt.filter((v) => v.week === s.visitsWeeks[last]);
  const summary = {
    name: s.name,
    design: s.design.commonRandomNumbers ? 'common random numbers (every arm the same men)' : 'randomized',
    targetAreaCm2: s.targetArea.areaCm2,
    durationWeeks: s.durationWeeks,
    flow,
    finalVisitWeek: s.visitsWeeks[last],
    arms: s.arms.map((a, i) => ({
      id: a.id,
      label: label(i),
      n: flow.randomized[i],
      baselinePerCm2: round(set.filter((r) => r.arm === i).reduce((x, r) => x + r.course.measured[0], 0) / Math.max(1, flow.randomized[i]) / s.targetArea.areaCm2, 1),
      ittChangePerCm2: round(finalItt[i].abs.mean, 2),
      ittSdPerCm2: round(finalItt[i].abs.sd, 2),
      ittCi: [round(finalItt[i].abs.lo, 2), round(finalItt[i].abs.hi, 2)],
      ittChangePct: round(finalItt[i].pct.mean, 2),
    })),
    // significant (p < alpha, from the unrounded p) and the residual SD: what a power sweep over seeds reads
    differencesItt: ancovas.itt.differences.map((d) => ({ arm: s.arms[d.arm].id, versus: s.arms[control].id, perCm2: round(d.estimate, 2), ci: [round(d.lo, 2), round(d.hi, 2)], p: round(d.p, 6), significant: d.p < s.analysis.alpha, residualSdPerCm2: round(ancovas.itt.residualSd, 3) })),
    ...(pairedItt.length > 0
      ? { differencesPairedItt: pairedItt.map((d) => ({ arm: s.arms[d.arm].id, versus: s.arms[control].id, n: d.diff.n, perCm2: round(d.diff.estimate, 2), se: round(d.diff.se, 3), ci: [round(d.diff.lo, 2), round(d.diff.hi, 2)], p: round(d.diff.p, 6) })) }
      : {}),
    respondersItt: responders(s, set, 'itt', control).map((r) => ({ arm: s.arms[r.arm].id, proportion: round(r.prop.p), ci: [round(r.prop.lo), round(r.prop.hi)] })),
    safety: saf.map((x) => ({ ...x, arm: s.arms[x.arm].id })),
    ceriaDepthDose: ceria.map((c) => ({
      regimen: c.regimen,
      arms: c.arms,
      insertionFractions: c.depthDose.insertionFractions,
      bulgeRel: c.depthDose.bulgeRel.map((x) => Number(x.toPrecision(4))),
      bulbRel: c.depthDose.bulbRel.map((x) => Number(x.toPrecision(4))),
      humanTipDepthUm: round(c.depthDose.human.tipDepthUm, 1),
      humanDeliveredNgPerNeedle: round(c.depthDose.human.deliveredNgPerNeedle, 3),
      mouseBulbLevelUgPerMl: Number((c.depthDose.mouseBulbLevelKgM3 * 1e3).toPrecision(4)),
      mouseDeliveredNgPerNeedle: round(c.depthDose.mouse.deliveredNgPerNeedle, 3),
    })),
  };
  return {
    task: 'trial',
    summary,
    tables: { visits: toTable(visits), differences: toTable(diffs), ...(pairedItt.length > 0 ? { paired: toTable(paired) } : {}), responders: toTable(resp), subjects: toTable(subjects), shedding: toTable(shed), safety: toTable(safetyTable), flow: toTable(flowTable), ...(ceria.length > 0 ? { 'ceria-depth-dose': toTable(depth) } : {}) },
    tableUnits: { visits: { meanChangePerCm2: '1/cm²', sdChangePerCm2: '1/cm²', ciLowPerCm2: '1/cm²', ciHighPerCm2: '1/cm²', meanChangePct: '%', week: 'wk' }, differences: { differencePerCm2: '1/cm²' }, paired: { differencePerCm2: '1/cm²', sdPerCm2: '1/cm²', se: '1/cm²' }, subjects: { age: 'y', yearsSinceOnset: 'y', changePerCm2: '1/cm²', changePct: '%', sultOd: 'OD405' }, safety: { needleDepthMm: 'mm', ceriaRetainedUg: 'µg/cm²' }, 'ceria-depth-dose': { depthUm: 'µm', levelUgPerMl: 'µg/mL', relativeToMouseBulb: '1' } },
    solver: { method: 'human follicular automaton per man (target area only), behaviour schedules, per-follicle streams' },
    stats: { screened: flow.screened, randomized: flow.randomized.reduce((a, b) => a + b, 0) },
    streams: ['subject/<id>/traits', 'subject/<id>/follicles', 'subject/<id>/treatment', 'subject/<id>/measure', 'randomization/<id>'],
    trial: { arms: s.arms.map((a, i) => ({ id: a.id, label: label(i) })), flow, photos, areaCm2: s.targetArea.areaCm2, durationWeeks: s.durationWeeks, control, params, ...(ceria.length > 0 ? { ceria } : {}) },
  };
}

/** The virtual-trial task: units = blocks of screened candidates; reduce = flow, statistics, safety. */
export const trialTask: Task<TrialScenario, TrialUnit, CandidateRecord[], TrialOutput> = {
  name: 'run:trial',
  description: 'virtual randomized AGA trial: screen, randomize, simulate each man from AGA onset, analyse (ITT/PP, ANCOVA, responders, safety)',
  accepts: (sc) => sc.model === 'trial',
  plan: (s) => planTrial(s, assembleTrial(s.parameterValues), s.parameterValues),
  runUnit: (s, unit, seed, ctx) => runTrialUnit(s, unit, seed, assembleTrial(s.parameterValues), () => ctx.checkpoint()),
  reduce: (s, results, seed) => reduceTrial(s, results.flat(), seed),
  unitWeight: (u) => u.to - u.from,
};
