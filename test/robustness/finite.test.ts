import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkOutputFinite, checkRecordedRow, checkSeries, firstNonFinite, OutputCheckError, SimulationStateError } from '../../src/core/finite.ts';
import { definedLogRankP, definedWelchP } from '../../src/study/definedTests.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { runScenario } from '../../src/tasks/run.ts';
import { SMALL_HUMAN } from './helpers.ts';

function run(text: string) {
  const r = parseScenario(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return runScenario((r as { ok: true; value: Scenario }).value, { seed: 5 });
}

/** Every region's fractions, from summary.json. */
const fractions = (summary: Record<string, unknown>) =>
  Object.values(summary.regions as Record<string, Record<string, unknown>>).flatMap((reg) => Object.entries(reg).filter(([k]) => /Fraction$/.test(k)).map(([, v]) => v as number));

// Issue #8 items 2 and 8: empty denominators give defined values, and non-finite numbers never reach outputs.
describe('robustness: defined values and finite outputs (items 2, 8)', () => {
  it('item 2: a 100-year run in which every follicle ends dormant writes no NaN, null or fraction above 1', () => {
    const allDormant = SMALL_HUMAN.replace('durationDays: 730', 'durationDays: 36525').replace('everyDays: 73', 'everyDays: 3652.5').replace(/areaCm2: 1 }/g, 'areaCm2: 1, androgenSensitivity: 1 }') +
      '  follicle:\n    criticalCycles: { mean: 1, sd: 0 }\n    vellusFraction: 0\n  aga:\n    androgenLevel: 10\n    miniaturizationPerCycle: 1\n';
    const out = run(allDormant);
    const summary = out.summary as Record<string, Record<string, Record<string, unknown>>>;
    assert.equal(summary.scalp.dormantFraction, 1, 'every follicle is dormant');
    assert.equal(summary.scalp.anagenFraction, 0, 'share of 0 cycling follicles is defined as 0');
    assert.equal(summary.scalp.meanDiameterUm, 0, 'mean diameter of no hairs is defined as 0');
    assert.equal(firstNonFinite(out.summary), undefined);
    assert.doesNotThrow(() => checkOutputFinite(out));
    assert.doesNotMatch(JSON.stringify(out.summary), /null/);
    for (const f of fractions(summary)) assert.ok(f >= 0 && f <= 1, String(f));
  });

  it('item 2: a region of 0.001 cm² (no follicle) reports defined zeros and says why', () => {
    const out = run(SMALL_HUMAN.replace('frontal: { areaCm2: 1 }', 'frontal: { areaCm2: 0.001 }'));
    const frontal = (out.summary as { regions: Record<string, Record<string, unknown>> }).regions.frontal;
    assert.equal(frontal.follicles, 0);
    assert.equal(frontal.dormantFraction, 0);
    assert.equal(frontal.anagenFraction, 0);
    assert.match(String(frontal.emptyRegion), /no follicles/);
    assert.doesNotThrow(() => checkOutputFinite(out));
  });

  it('item 2: with no terminal hair at day 0 the relative change is omitted with a reason', () => {
    const out = run(SMALL_HUMAN + '  follicle:\n    vellusFraction: 1\n');
    const frontal = (out.summary as { regions: Record<string, Record<string, unknown>> }).regions.frontal;
    assert.equal(frontal.terminalDensityChangePct, undefined);
    assert.match(String(frontal.terminalDensityChangePctOmitted), /no terminal hairs at day 0/);
    assert.doesNotThrow(() => checkOutputFinite(out));
  });

  it('item 2: degenerate tests have defined p-values (zero variance, no events)', () => {
    assert.equal(definedWelchP([0, 0, 0], [0, 0, 0]), 1);
    assert.equal(definedWelchP([1, 1], [0, 0]), 0);
    assert.ok(definedWelchP([1, 2, 3], [2, 3, 4]) > 0.05);
    assert.equal(definedLogRankP({ time: [5, 5], event: [false, false] }, { time: [5, 5], event: [false, false] }), 1);
  });

  it('item 2: the final output check names the first non-finite field', () => {
    assert.throws(() => checkOutputFinite({ summary: { a: { b: [1, Number.NaN] } }, tables: {} }), (e: unknown) => e instanceof OutputCheckError && e.field === 'summary.a.b[1]' && /= NaN/.test(e.message));
    assert.throws(() => checkOutputFinite({ summary: {}, tables: { timeseries: { day: [0, 1], x: Float64Array.of(0, Infinity) } } }), /timeseries\.csv column x row 2 = Infinity/);
    assert.doesNotThrow(() => checkOutputFinite({ summary: { day: null, label: 'x' }, tables: { t: { a: ['', 'x'] } } }));
  });

  it('item 8: the state checks name the quantity, the time and the place', () => {
    assert.throws(() => checkRecordedRow(Float64Array.of(0.5, Number.NaN), 0, ['coverage', 'rosIndex'], 3.5, 'arm a, mouse 2'), (e: unknown) => e instanceof SimulationStateError && e.quantity === 'rosIndex' && /day 3\.5: rosIndex = NaN at arm a, mouse 2 \(not finite\)/.test(e.message));
    assert.throws(() => checkSeries('hairs', [1, -3], [0, 30], 'region vertex'), /day 30: hairs = -3 at region vertex \(negative\)/);
    assert.doesNotThrow(() => checkSeries('hairs', [0, -1e-12], [0, 1], 'r'));
  });

  it('item 8: extreme but accepted values give finite outputs', () => {
    const out = run(SMALL_HUMAN + '  follicle:\n    terminalDiameterUm: { mean: 80, sd: 199 }\n    criticalCycles: { mean: 1000, sd: 999 }\n  cycle:\n    anagen: { meanDays: 36525, sdDays: 36525 }\n    telogen: { meanDays: 0.01, sdDays: 36525 }\n');
    assert.doesNotThrow(() => checkOutputFinite(out));
  });
});
