import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { planMicroenv, planTrial, runTrialUnit, type CandidateRecord } from '../../src/trial/run.ts';
import { coupledFactors } from '../../src/trial/microenvironment.ts';
import { trialModelTemplate, trialRecoveryPerCycle } from '../../src/trial/subject.ts';
import { validTrial } from '../helpers/scenarios.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';

/** Placebo and finasteride 1 mg on the same men (common random numbers), two years. */
function scenario(): TrialScenario {
  return validTrial({
    seed: 23,
    durationWeeks: 104,
    visitsWeeks: [0, 52, 104],
    population: { candidates: 60 },
    design: { commonRandomNumbers: true, subjectsPerUnit: 30 },
    arms: [
      { id: 'placebo', n: 8 },
      { id: 'fin1', n: 8, treatments: { finasteride: { doseMg: 1 } } },
    ],
  });
}

/** The eligible men's courses with the trial recovery/loss ratio set to r through the parameter assembly. */
function coursesAt(r: number): CandidateRecord[] {
  const p = assembleTrial({ 'trialProgression.recoveryToLossRatio': r });
  const s = scenario();
  return planTrial(s, p).flatMap((u) => runTrialUnit(s, u, s.seed ?? 0, p)).filter((c) => c.screen === 'eligible');
}

it('recovery acts only where androgen is withdrawn: placebo courses are bitwise independent of ρ; finasteride gains with ρ', (t) => {
  const rho = assembleTrial({}).trialProgression.recoveryToLossRatio;
  assert.ok(rho > 0, 'the trial default has recovery');
  const off = coursesAt(0);
  const on = coursesAt(rho);
  assert.ok(on.length >= 8, `only ${on.length} eligible`);
  assert.deepEqual(on.map((c) => c.id), off.map((c) => c.id), 'the same men are eligible (screening is untreated history)');
  let gainOff = 0;
  let gainOn = 0;
  for (let i = 0; i < on.length; i++) {
    const [plOn, finOn] = on[i].courses;
    const [plOff, finOff] = off[i].courses;
    assert.deepEqual(plOn.trueCount, plOff.trueCount);
    assert.deepEqual(plOn.measured, plOff.measured);
    gainOff += finOff.trueCount[2] - plOff.trueCount[2];
    gainOn += finOn.trueCount[2] - plOn.trueCount[2];
  }
  t.diagnostic(`${on.length} men, terminal hairs over placebo at 2 y (sum): ρ 0 ${gainOff}, ρ ${rho} ${gainOn}`);
  assert.ok(gainOn > gainOff, 'recovery adds to the finasteride effect');
});

it('the recovery rate is the ratio r of the whole per-cycle loss at full exposure: δ alone uncoupled, δ + the microenvironment\'s 1 − s(x = 1) coupled', () => {
  const p = assembleTrial({ 'trialProgression.recoveryToLossRatio': 0.4 });
  const { miniaturizationPerCycle: delta, microenvironmentGain: gain } = p.trialProgression;
  assert.ok(Math.abs(trialRecoveryPerCycle(p) - 0.4 * delta) < 1e-15);
  const table = planMicroenv([], {});
  const s1 = coupledFactors(table, 1, 0, gain).sizeRetention;
  assert.ok(s1 < 1, 'the microenvironment shrinks follicles at full exposure');
  assert.ok(Math.abs(trialRecoveryPerCycle(p, table) - 0.4 * (delta + 1 - s1)) < 1e-15);
  // the template the units run carries it
  assert.equal(trialModelTemplate(scenario(), p, table).recoveryPerCycle, trialRecoveryPerCycle(p, table));
  assert.equal(trialRecoveryPerCycle(assembleTrial({ 'trialProgression.recoveryToLossRatio': 0 }), table), 0);
});
