/**
 * Calibration of the trial model on untreated/placebo data only (docs/validation.md §9):
 *   1. natural history: onset ramp T and miniaturization δ against the finasteride-program placebo decline
 *      (−2.4 % at 1 y, −26.3 % at 5 y; −13.0 % at 192 wk is a check) in screened men (Norwood III-V, 18-49);
 *   2. counting drift D against the Olsen 2002 placebo arm (+3.9 /cm² at 48 wk, visual counts);
 *   3. the minoxidil gain g against the Olsen 2002 5 % arm (+18.6 /cm² at 48 wk).
 * Prints the metric for each candidate; the chosen values are typed into src/species/trial.ts.
 *
 *   node --import tsx scripts/calibrate-trial.ts natural [n] [ramps] [deltas] [spreads] [recovery/loss ratios r] [microenvironment gains γ] | olsen [n] [gains] [drift]
 * FOLLISIM_COUPLED=0 runs without the coupled microenvironment (docs/model.md §9.10).
 */
import { assembleTrial } from '../src/parameters/assemble/trial.ts';
import { reduceTrial } from '../src/tasks/trial.ts';
import { betaParams } from '../src/core/random/samplers.ts';
import { planMicroenv, planTrial, runTrialUnit } from '../src/trial/run.ts';
import { drawSubject, eligible } from '../src/trial/population.ts';
import { trialSchema } from '../src/trial/schema.ts';
import { prepareSubject, simulateSubject, trialModelTemplate } from '../src/trial/subject.ts';
import { depthDoseLookup } from '../src/trial/ceriaDepthDose.ts';

const mode = process.argv[2] ?? 'natural';
const n = Number(process.argv[3] ?? 200);

function naturalHistory(ramp: number, delta: number, spreadYears: number, recoveryRatio: number, gain: number): number[] {
  const p = assembleTrial({
    'trialProgression.microenvironmentGain': gain,
    'trialProgression.onsetRampYears': ramp,
    'trialProgression.miniaturizationPerCycle': delta,
    'trialProgression.follicleOnsetSpreadYears': spreadYears,
    'trialProgression.recoveryToLossRatio': recoveryRatio,
  });
  const s = trialSchema.parse({ model: 'trial', durationWeeks: 261, visitsWeeks: [0, 52, 192, 261], targetArea: { areaCm2: 5.1 }, arms: [{ id: 'placebo', n: 1 }] });
  // the per-region microenvironment is coupled into the follicles unless FOLLISIM_COUPLED=0 (docs/model.md §9.10)
  const microenv = process.env.FOLLISIM_COUPLED === '0' ? undefined : planMicroenv([], {});
  const tpl = trialModelTemplate(s, p, microenv);
  // optional susceptibility shape (FOLLISIM_SUS="mean,sd"): tests heterogeneous-susceptibility hypotheses
  const sus = process.env.FOLLISIM_SUS?.split(',').map(Number);
  if (sus) Object.assign(tpl, betaParams(sus[0], sus[1]).a > 0 ? { susceptibilityA: betaParams(sus[0], sus[1]).a, susceptibilityB: betaParams(sus[0], sus[1]).b } : {});
  const sums = [0, 0, 0];
  let k = 0;
  for (let id = 0; k < n && id < 50 * n; id++) {
    const sub = drawSubject(s, 7, id, p);
    if (!(sub.ageYears >= 18 && sub.ageYears <= 49)) continue;
    const c = simulateSubject(s, prepareSubject(s, tpl, { ...sub, dropoutWeek: Infinity }, s.arms[0], 7, p, depthDoseLookup(), microenv), sub.id, 7, p);
    if (!eligible(s, sub, c.stage)) continue;
    for (let v = 1; v < 4; v++) sums[v - 1] += 100 * (c.terminal[v] / c.terminal[0] - 1);
    k++;
  }
  return sums.map((x) => x / k);
}

if (mode === 'natural') {
  // natural [n] [ramps] [deltas] [follicle onset spreads (y)] [recovery/loss ratios r]
  const list = (i: number, d: string) => (process.argv[i] ?? d).split(',').map(Number);
  const { trialProgression } = assembleTrial({});
  for (const r of list(4, '0'))
    for (const d of list(5, String(trialProgression.miniaturizationPerCycle)))
      for (const sp of list(6, String(trialProgression.follicleOnsetSpreadYears)))
        for (const rr of list(7, String(trialProgression.recoveryToLossRatio)))
        for (const gm of list(8, String(trialProgression.microenvironmentGain))) {
          const t0 = performance.now();
          const [y1, w192, y5] = naturalHistory(r, d, sp, rr, gm);
          console.log(`ramp ${r} y  δ ${d}  spread ${sp} y  r ${rr}  γ ${gm}:  1 y ${y1.toFixed(1)} %  192 wk ${w192.toFixed(1)} %  5 y ${y5.toFixed(1)} %   (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        }
}

/** Olsen 2002 set-up (its visits, ITT with LOCF) with common random numbers: 5 % and placebo on the same men; returns 48-wk changes (/cm²). */
async function olsen(gain: number, drift: number): Promise<{ minox: number; placebo: number; placeboTrue: number }> {
  const p = assembleTrial({ 'trialMinoxidil.effectGain': gain, 'trialMeasurement.visualCountDriftFraction': drift });
  const s = trialSchema.parse({
    model: 'trial', durationWeeks: 48, visitsWeeks: [0, 8, 16, 32, 48], design: { commonRandomNumbers: true },
    microenvironment: { coupled: process.env.FOLLISIM_COUPLED !== '0' },
    // with the coupled microenvironment ~10 % of the candidates are Norwood III-V (docs/validation.md §9.4)
    population: { candidates: 12 * n },
    arms: [{ id: 'minox5', n, treatments: { minoxidil: { concentrationPct: 5 } } }, { id: 'placebo', n }],
  });
  const recs = planTrial(s, p, {}).flatMap((u) => runTrialUnit(s, u, 2002, p));
  const out = reduceTrial({ ...s, parameterValues: { 'trialMinoxidil.effectGain': gain, 'trialMeasurement.visualCountDriftFraction': drift } }, recs, 2002);
  const arms = (out.summary as { arms: { ittChangePerCm2: number }[] }).arms;
  const subj = out.tables.subjects;
  const pl = Array.from(subj.arm as readonly string[]).map((a, i) => (a === 'placebo' ? (subj.trueChangePct as Float64Array)[i] : Number.NaN)).filter((x) => !Number.isNaN(x));
  const base = (out.summary as { arms: { baselinePerCm2: number }[] }).arms[1].baselinePerCm2;
  return { minox: arms[0].ittChangePerCm2, placebo: arms[1].ittChangePerCm2, placeboTrue: (base * pl.reduce((a, b) => a + b, 0)) / pl.length / 100 };
}

if (mode === 'olsen') {
  const gains = (process.argv[4] ?? '1').split(',').map(Number);
  const drift = Number(process.argv[5] ?? assembleTrial().trialMeasurement.visualCountDriftFraction);
  for (const g of gains) {
    const r = await olsen(g, drift);
    console.log(`gain ${g} drift ${drift}: 5 % ${r.minox.toFixed(2)} /cm², placebo ${r.placebo.toFixed(2)} /cm² (true ${r.placeboTrue.toFixed(2)}), difference ${(r.minox - r.placebo).toFixed(2)} (target 14.7)`);
  }
}
