import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { RandomStream } from '../../src/core/random/stream.ts';
import { countDrift, countErrorCv, measureCount } from '../../src/trial/measure.ts';

const P = assembleTrial();

it('the count CV follows the counting method unless the scenario sets one', () => {
  const visual = { counting: { method: 'visual' as const } };
  const photo = { counting: { method: 'photographic' as const } };
  const fixed = { counting: { method: 'visual' as const, errorCv: 0.03 } };
  assert.equal(countErrorCv(visual, P), P.trialMeasurement.visualCountErrorCv);
  assert.equal(countErrorCv(photo, P), P.trialMeasurement.countErrorCv);
  assert.equal(countErrorCv(fixed, P), 0.03);
  assert.ok(P.trialMeasurement.visualCountErrorCv > P.trialMeasurement.countErrorCv, 'unmatched visual counts are noisier than corrected phototrichograms');
  // a parameters: override reaches the method's default
  assert.equal(countErrorCv(visual, assembleTrial({ 'trialMeasurement.visualCountErrorCv': 0.05 })), 0.05);
});

it('measured counts: relative SD = cv and mean = true·(1 + drift) within the tolerances of N draws', () => {
  const N = 20000;
  const trueCount = 1000;
  for (const [method, week] of [['visual', 48], ['photographic', 48]] as const) {
    const cv = 0.1;
    const rng = RandomStream.fromSeed(5, ['measure-test', method]);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < N; i++) {
      const c = measureCount(trueCount, week, method, cv, rng, P);
      sum += c;
      sum2 += c * c;
    }
    const mean = sum / N;
    const sd = Math.sqrt(sum2 / N - mean * mean);
    const expected = trueCount * (1 + countDrift(method, week, P));
    // 4 standard errors of the mean and of the SD (SE(sd) ≈ sd/√(2N)); rounding adds 1/√12 counts of SD
    assert.ok(Math.abs(mean - expected) < (4 * cv * expected) / Math.sqrt(N), `${method}: mean ${mean} vs ${expected}`);
    assert.ok(Math.abs(sd - cv * expected) < (4 * cv * expected) / Math.sqrt(2 * N) + 0.3, `${method}: sd ${sd} vs ${cv * expected}`);
  }
  assert.equal(countDrift('photographic', 48, P), 0);
  assert.equal(countDrift('visual', 0, P), 0);
});
