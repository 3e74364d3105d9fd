import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { assembleTrialMicroenv } from '../../src/parameters/assemble/trialMicroenvironment.ts';
import { bulbRuleFactors, solveBulbSignals } from '../../src/tasks/humanMicroenvironment.ts';
import { BEHAVIOURS, compileRules } from '../../src/microenv/rules.ts';
import { bulbSignalsAt, coupledFactors, microenvTable, type MicroenvTable } from '../../src/trial/microenvironment.ts';
import { planTrial, runTrialUnit } from '../../src/trial/run.ts';
import { validTrial } from '../helpers/scenarios.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';
import { drawSubject } from '../../src/trial/population.ts';
import { subjectSchedule } from '../../src/trial/regimen.ts';
import { depthDoseLookup } from '../../src/trial/ceriaDepthDose.ts';
import { TARGET_REGION } from '../../src/trial/subject.ts';
import { stepValue as at } from '../../src/follicle/schedule.ts';

const mp = assembleTrialMicroenv({});
// a ceria axis up to twice the trial patch's highest bulb level (0.030 of the mouse bulb level, docs/model.md §9.6)
const MOUSE_BULB_KG_M3 = 0.0187;
const table = microenvTable(mp, 0.06, MOUSE_BULB_KG_M3);

describe('coupled microenvironment of the trials (docs/model.md §9.10)', () => {
  it('healthy skin (no androgen, no ceria) gives factors of exactly 1, at any gain', () => {
    for (const g of [0, 0.5, 1]) assert.deepEqual(coupledFactors(table, 0, 0, g), { activation: 1, anagenDuration: 1, sizeRetention: 1 });
    // and androgen lowers all three (ROS up, damage up, perfusion down)
    const f = coupledFactors(table, 0.5, 0);
    for (const b of ['activation', 'anagenDuration', 'sizeRetention'] as const) assert.ok(f[b] < 1, `${b} ${f[b]}`);
  });

  it('the lookup matches a direct tile solve between the nodes (signals within 1 %, factors within 0.5 %)', () => {
    const rules = compileRules(mp.rules);
    const pS6 = mp.tiles.signals.pS6Basal;
    const healthy = bulbRuleFactors(rules, solveBulbSignals(mp.tiles, mp.config, 0), 0, pS6).factors;
    for (const [x, c] of [[0.375, 0], [0.9, 0.0225], [0.18, 0.04]] as const) {
      const direct = solveBulbSignals(mp.tiles, mp.config, x, c * MOUSE_BULB_KG_M3);
      const interp = bulbSignalsAt(table, x, c);
      for (const k of ['rosIndex', 'damage', 'perfusion', 'vegfFold'] as const) {
        assert.ok(Math.abs(interp[k] / direct[k] - 1) < 0.01, `${k} at x ${x}, c ${c}: ${interp[k]} vs ${direct[k]}`);
      }
      const fd = bulbRuleFactors(rules, direct, 0, pS6).factors;
      const fi = coupledFactors(table, x, c);
      for (const [k, rule] of [['activation', 'activationRate'], ['anagenDuration', 'anagenDuration'], ['sizeRetention', 'sizeRetention']] as const) {
        const b = BEHAVIOURS.indexOf(rule);
        assert.ok(Math.abs(fi[k] / (fd[b] / healthy[b]) - 1) < 0.005, `${k} at x ${x}, c ${c}`);
      }
    }
    // exact at a node
    const node = solveBulbSignals(mp.tiles, mp.config, 0.5, 0);
    assert.deepEqual(bulbSignalsAt(table, 0.5, 0), node);
  });

  it('the rules read no androgen: a table of dht rules only gives factors of 1 at any exposure', () => {
    const dhtOnly: MicroenvTable = { ...table, rules: table.rules.filter((r) => r.signal === 'dht') };
    assert.ok(dhtOnly.rules.length >= 5);
    for (const x of [0.25, 1]) assert.deepEqual(coupledFactors(dhtOnly, x, 0), { activation: 1, anagenDuration: 1, sizeRetention: 1 });
  });

  it('ceria lowers ROS only where the depth–dose puts it: signals at c = 0 are the no-ceria solve; c > 0 lowers ROS', () => {
    const none = bulbSignalsAt(table, 0.5, 0);
    assert.deepEqual(none, solveBulbSignals(mp.tiles, mp.config, 0.5));
    assert.ok(bulbSignalsAt(table, 0.5, 0.03).rosIndex < none.rosIndex);
    assert.ok(coupledFactors(table, 0.5, 0.03).sizeRetention > coupledFactors(table, 0.5, 0).sizeRetention);
  });

  it('a man\'s schedule: the ceria window changes the coupled factors only inside it; the empty patch adds no ceria piece', () => {
    const s = scenario({
      durationWeeks: 24,
      visitsWeeks: [0, 24],
      arms: [
        { id: 'ceria', n: 1, treatments: { ceriaPatch: { startWeek: 4, stopWeek: 12 } } },
        { id: 'empty', n: 1, treatments: { ceriaPatch: { startWeek: 4, stopWeek: 12, loaded: false } } },
        { id: 'placebo', n: 1 },
      ],
    });
    const p = assembleTrial(s.parameterValues);
    const levels = { needleUm: 600, everyDays: 7, insertionFractions: [0.5, 0.65, 0.8], bulgeRel: [0.43, 0.94, 1.75], bulbRel: [0.0072, 0.016, 0.03], bulgeCarryOverDays: [0.3, 0.3, 0.3], bulbCarryOverDays: [0.5, 0.5, 0.5], mouseBulbLevelKgM3: MOUSE_BULB_KG_M3 };
    const sub = { ...drawSubject(s, 3, 0, p), dropoutWeek: Infinity };
    const enrolS = 10 * 365.25 * 86400;
    const sched = (a: number) =>
      subjectSchedule(s.arms[a], sub, 3, enrolS, 24, 0, 4, TARGET_REGION, p, depthDoseLookup([levels]), { table, meanExposure: 0.5 }).schedule.regions[TARGET_REGION].sizeRetention!;
    const [ceria, empty, placebo] = [sched(0), sched(1), sched(2)];
    const week = 7 * 86400;
    assert.deepEqual(empty, placebo, 'no ceria, no change of the bulb microenvironment');
    assert.equal(at(ceria, enrolS), at(placebo, enrolS));
    assert.ok(at(ceria, enrolS + 8 * week) > at(placebo, enrolS + 8 * week));
    assert.equal(at(ceria, enrolS + 20 * week), at(placebo, enrolS + 20 * week));
    assert.ok(at(placebo, 0) < 1, 'an untreated man with androgen keeps less size per cycle');
  });

  it('a trial\'s parameters reach the region tile: a larger androgen ROS factor gives a table with more ROS and smaller factors', () => {
    const plan = (parameters: Record<string, number>) => {
      const s = scenario({ parameters });
      return planTrial(s, assembleTrial(s.parameterValues))[0].microenv!;
    };
    const base = plan({});
    const more = plan({ 'ros.androgenRosFactor': 3 });
    const i = base.exposures.indexOf(1);
    assert.ok(more.signals.rosIndex[i] > base.signals.rosIndex[i]);
    assert.equal(more.signals.rosIndex[0], base.signals.rosIndex[0], 'healthy skin does not read the androgen factor');
    assert.ok(coupledFactors(more, 1, 0).sizeRetention < coupledFactors(base, 1, 0).sizeRetention);
  });

  it('gain 0 or coupling off: trial records are bitwise those without the coupling; the default coupling changes them', () => {
    const arms = [{ id: 'placebo', n: 6 }, { id: 'minox5', n: 6, treatments: { minoxidil: { concentrationPct: 5 } } }, { id: 'fin', n: 6, treatments: { finasteride: { doseMg: 1 } } }];
    const run = (extra: Record<string, unknown>) => {
      const s = scenario({ arms, ...extra });
      const p = assembleTrial(s.parameterValues);
      const units = planTrial(s, p);
      return { units, recs: units.flatMap((u) => runTrialUnit(s, u, 5, p)) };
    };
    const off = run({ microenvironment: { coupled: false } });
    assert.ok(off.units.every((u) => u.microenv === undefined));
    const zero = run({ parameters: { 'trialProgression.microenvironmentGain': 0 } });
    assert.ok(zero.units.every((u) => u.microenv !== undefined));
    assert.deepEqual(zero.recs, off.recs);
    const on = run({});
    assert.notDeepEqual(on.recs, off.recs);
  });
});

function scenario(extra: Record<string, unknown> = {}): TrialScenario {
  return validTrial({
    seed: 5,
    durationWeeks: 24,
    visitsWeeks: [0, 24],
    population: { candidates: 40 },
    design: { commonRandomNumbers: true, subjectsPerUnit: 20 },
    arms: [{ id: 'placebo', n: 4 }],
    ...extra,
  });
}
