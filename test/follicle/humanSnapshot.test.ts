import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CH, CHANNELS, createFollicleSnapshot, PHASE, runHumanAutomaton } from '../../src/follicle/human/automaton.ts';
import { RandomStream } from '../../src/core/random/stream.ts';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';
import { TARGET_REGION, trialModelTemplate } from '../../src/trial/subject.ts';

const YEAR = 365.25 * 86400;

it('the per-follicle snapshot sums to the recorded counts at its samples, and asking for it changes no count', () => {
  const r = validateScenario({ model: 'trial', durationWeeks: 24, visitsWeeks: [0, 24], arms: [{ id: 'placebo', n: 1 }] });
  assert.ok(r.ok);
  // the automaton alone at the uncoupled δ (0.243): fast enough miniaturization that some follicles go dormant in
  // 20 years (the trial default 0.03 leaves most of it to the coupled microenvironment, which this test omits)
  const template = trialModelTemplate(r.value as TrialScenario, assembleTrial({ 'trialProgression.miniaturizationPerCycle': 0.243 }));
  const n = 300;
  const model = { ...template, regionFollicles: Float64Array.of(0, 0, n, 0) };
  const times = Float64Array.from({ length: 21 }, (_, k) => k * YEAR);
  const samples = [0, 7, 20];
  const snap = createFollicleSnapshot(samples, n);
  const run = (s?: typeof snap) => runHumanAutomaton(model, 20 * YEAR + 1, times, RandomStream.fromSeed(3, ['snap']), undefined, undefined, 0, s).recorder;
  const plain = run();
  const withSnap = run(snap);
  const base = TARGET_REGION * CHANNELS;
  for (let c = 0; c < CHANNELS; c++) assert.deepEqual(withSnap.levels(base + c), plain.levels(base + c));
  const thresholdUm = template.terminalThresholdM * 1e6;
  samples.forEach((k, s) => {
    const phase = snap.phase.subarray(s * n, (s + 1) * n);
    const shaft = snap.shaftUm.subarray(s * n, (s + 1) * n);
    const count = (p: number) => phase.filter((x) => x === p).length;
    for (const [p, ch] of [[PHASE.anagen, CH.anagen], [PHASE.catagen, CH.catagen], [PHASE.telogen, CH.telogen], [PHASE.latency, CH.latency], [PHASE.dormant, CH.dormant]] as const) {
      assert.equal(count(p), plain.levels(base + ch)[k], `phase ${p} at sample ${k}`);
    }
    const present = Array.from(phase, (p, j) => (p !== PHASE.latency && p !== PHASE.dormant ? shaft[j] : 0));
    assert.equal(present.filter((d) => d > 0).length, plain.levels(base + CH.hairs)[k]);
    assert.equal(present.filter((d) => d >= thresholdUm).length, plain.levels(base + CH.terminalHairs)[k]);
    const sum = present.reduce((a, d) => a + d, 0);
    assert.ok(Math.abs(sum - plain.levels(base + CH.diameterSumUm)[k]) < 1e-6 * Math.max(1, sum));
    // no shaft is recorded where no hair is
    phase.forEach((p, j) => {
      if (p === PHASE.latency || p === PHASE.dormant) assert.equal(shaft[j], 0);
    });
  });
  // AGA over 20 years: some follicles are dormant by the end, none at onset
  assert.equal(snap.phase.subarray(0, n).filter((p) => p === PHASE.dormant).length, 0);
  assert.ok(snap.phase.subarray(2 * n, 3 * n).filter((p) => p === PHASE.dormant).length > 0);
});
