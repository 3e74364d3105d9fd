import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { healthyReferenceSignals } from '../../src/microenv/follicleCoupling.ts';
import { BEHAVIOURS, compileRules, evaluateRules, evaluateRulesBatch, SIGNALS } from '../../src/microenv/rules.ts';
import { assembleFollicleSignals } from '../../src/parameters/assemble/signals.ts';

const P = assembleFollicleSignals({});
const compiled = compileRules(DEFAULT_RULES, SIGNALS, { reference: healthyReferenceSignals(P), bounds: P.ruleBounds });

describe('evaluateRulesBatch', () => {
  it('gives every follicle bitwise the factors evaluateRules gives it alone (signals in wider rows, non-integer Hill too)', () => {
    // a non-integer Hill coefficient exercises the Math.pow path as well
    const rules = compileRules([...DEFAULT_RULES, { ...DEFAULT_RULES[1], hill: 2.5 }], SIGNALS, { reference: healthyReferenceSignals(P), bounds: P.ruleBounds });
    for (const set of [compiled, rules]) {
      const n = 257;
      const stride = SIGNALS.length + 2;
      const signals = new Float64Array(n * stride);
      let seed = 7;
      const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      for (let i = 0; i < signals.length; i++) signals[i] = rnd() < 0.1 ? 0 : 3 * rnd() - 0.2;
      const nB = BEHAVIOURS.length;
      const batch = new Float64Array(n * nB);
      evaluateRulesBatch(set, signals, stride, n, batch);
      const one = new Float64Array(nB);
      for (let i = 0; i < n; i++) {
        evaluateRules(set, signals, one, i * stride);
        for (let b = 0; b < nB; b++) assert.ok(Object.is(batch[i * nB + b], one[b]), `follicle ${i}, ${BEHAVIOURS[b]}: ${batch[i * nB + b]} vs ${one[b]}`);
      }
    }
  });
});
