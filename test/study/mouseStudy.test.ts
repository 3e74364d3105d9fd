import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateScenario, type MouseStudyScenario } from '../../src/scenario/index.ts';
import { runAnimal } from '../../src/study/animal.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';

const SCHEDULE = { days: [0, 4, 8, 12, 16, 20, 24, 28, 32], positions: 'rotate' };
const ARMS = [
  { id: 'normal', androgenLevel: 0 },
  { id: 'agaControl', androgenLevel: 1 },
  { id: 'minoxidil', androgenLevel: 1, minoxidil: { timesPerDay: 2 } },
  { id: 'emptyPatch', androgenLevel: 1, patch: { cargo: { substance: 'none' }, schedule: SCHEDULE } },
  { id: 'ceriaPatch', androgenLevel: 1, patch: { schedule: SCHEDULE } },
];

function study(over: Record<string, unknown> = {}): MouseStudyScenario {
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 35,
    record: { everyDays: 1 },
    animals: { perArm: 4 },
    skin: { lattice: { nx: 20, ny: 20 }, depilation: { method: 'cream' } },
    arms: ARMS,
    photos: { days: [0, 14], widthPx: 32, heightPx: 24 },
    ...over,
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r.ok ? 'model' : r.issues));
  return r.value;
}

type ArmOut = { daysTo50PctCoverage: number | null; coverageByDay: { day: number; mean: number; sd: number }[]; microenvironmentMeanOverStudy: Record<string, number> };

describe('mouse study', () => {
  const scn = study();
  const out = runMouseStudyTask(scn, { seed: 11 });
  const arms = (out.summary as { arms: Record<string, ArmOut> }).arms;
  const cov = (id: string, day: number) => arms[id].coverageByDay.find((d) => d.day === day)!.mean;
  const env = (id: string, k: string) => arms[id].microenvironmentMeanOverStudy[k];

  it('summary holds per-arm coverage by day (mean, sd) and days to 50 % coverage', () => {
    for (const a of ARMS) {
      assert.equal(arms[a.id].coverageByDay.length, 36);
      assert.ok(arms[a.id].coverageByDay.every((d) => d.mean >= 0 && d.mean <= 1 && d.sd >= 0));
      assert.ok(arms[a.id].daysTo50PctCoverage === null || arms[a.id].daysTo50PctCoverage! > 0);
    }
    assert.ok(out.photos.length === ARMS.length * 2);
    assert.ok(out.comparisons.some((c) => c.test === 'logrank'));
  });

  it('androgen delays regrowth: AGA control lags normal mice', () => {
    assert.ok(cov('agaControl', 21) < cov('normal', 21) - 0.2, `${cov('agaControl', 21)} vs ${cov('normal', 21)}`);
  });

  it('mechanistic readouts: ceria brings ROS back toward normal; p-S6 is a transient; both patches grow vessels', () => {
    assert.ok(env('ceriaPatch', 'rosIndex') < 0.7 * env('agaControl', 'rosIndex'));
    assert.ok(env('ceriaPatch', 'rosIndex') > 0.5, `ROS not far below healthy: ${env('ceriaPatch', 'rosIndex')}`);
    // p-S6+ follicles over the study: a switch transient, never a lasting state
    for (const a of ARMS) assert.ok(env(a.id, 'pS6') < 0.3, `${a.id} p-S6+ ${env(a.id, 'pS6')}`);
    assert.ok(env('emptyPatch', 'perfusion') > 1.1 * env('agaControl', 'perfusion'));
    assert.ok(env('ceriaPatch', 'perfusion') > 1.1 * env('agaControl', 'perfusion'));
  });

  it('minoxidil and Ce-MN speed regrowth over the AGA control; the empty patch does not slow it', () => {
    assert.ok(cov('minoxidil', 21) > cov('agaControl', 21) + 0.05, `minoxidil: ${cov('minoxidil', 21)} vs ${cov('agaControl', 21)}`);
    // Ce-MN's lead is smaller since VEGF and ROS are produced per follicle (issue 10 item 4; here 0.48 vs 0.45 at
    // day 21 with 4 mice, against a 0.05 margin before; flagship restricted-mean difference −7.9 d, 95 % CI −14.7
    // to −1.1, docs/validation.md §7.3): the test asserts the direction, not a margin the model no longer gives
    assert.ok(cov('ceriaPatch', 21) > cov('agaControl', 21), `ceriaPatch: ${cov('ceriaPatch', 21)} vs ${cov('agaControl', 21)}`);
    assert.ok(cov('emptyPatch', 21) >= cov('agaControl', 21) - 0.02, `empty patch: ${cov('emptyPatch', 21)}`);
  });

  it('same seed, same study; another seed differs', () => {
    const one = study({ animals: { perArm: 1 }, arms: [ARMS[4]] });
    const a = JSON.stringify(runMouseStudyTask(one, { seed: 3 }).summary);
    assert.equal(a, JSON.stringify(runMouseStudyTask(one, { seed: 3 }).summary));
    assert.notEqual(a, JSON.stringify(runMouseStudyTask(one, { seed: 4 }).summary));
  });
});

describe('mouse study: ablations isolate mechanisms (same animals, common random numbers)', () => {
  const one = (arm: Record<string, unknown>, mechanisms: Record<string, boolean> = {}) => {
    const s = study({ animals: { perArm: 1 }, arms: [arm], microenvironment: { mechanisms } });
    return runAnimal(s, s.arms[0], 0, 21);
  };
  const ceriaArm = { id: 'x', androgenLevel: 1, patch: { schedule: SCHEDULE } };
  const emptyArm = { id: 'x', androgenLevel: 1, patch: { cargo: { substance: 'none' }, schedule: SCHEDULE } };
  const controlArm = { id: 'x', androgenLevel: 1 };

  it('ceria without its SOD- and catalase-like activity is exactly an empty patch', () => {
    const inert = one(ceriaArm, { ceriaSod: false, ceriaCat: false });
    const empty = one(emptyArm);
    assert.deepEqual(inert.series.hairCoverage, empty.series.hairCoverage);
    assert.deepEqual(inert.series.rosIndex, empty.series.rosIndex);
    const active = one(ceriaArm);
    assert.notDeepEqual(active.series.rosIndex, empty.series.rosIndex);
  });

  it('an empty patch without injury signalling is exactly the AGA control', () => {
    const silent = one(emptyArm, { injuryAngiogenesis: false, injuryActivation: false });
    const control = one(controlArm);
    assert.deepEqual(silent.series.hairCoverage, control.series.hairCoverage);
    assert.deepEqual(silent.series.perfusion, control.series.perfusion);
  });

  it('without injury angiogenesis the empty patch grows no extra vessels', () => {
    const noAng = one(emptyArm, { injuryAngiogenesis: false });
    const withAng = one(emptyArm);
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    assert.ok(mean(withAng.series.perfusion) > 1.1 * mean(noAng.series.perfusion));
  });
});
