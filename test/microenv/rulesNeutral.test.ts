import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { healthyReferenceSignals } from '../../src/microenv/follicleCoupling.ts';
import { ruleSentence } from '../../src/microenv/ruleText.ts';
import { BEHAVIOURS, compileRules, evaluateRules, SIGNALS } from '../../src/microenv/rules.ts';
import { assembleFollicleSignals } from '../../src/parameters/assemble/signals.ts';

const P = assembleFollicleSignals({});
const ref = healthyReferenceSignals(P);
const compiled = compileRules(DEFAULT_RULES, SIGNALS, { reference: ref, bounds: P.ruleBounds });
const evalAt = (patch: Partial<Record<(typeof SIGNALS)[number], number>>) => {
  const s = Float64Array.from(ref);
  for (const [k, v] of Object.entries(patch)) s[SIGNALS.indexOf(k as (typeof SIGNALS)[number])] = v;
  const out = new Float64Array(BEHAVIOURS.length);
  evaluateRules(compiled, s, out);
  return Object.fromEntries(BEHAVIOURS.map((b, i) => [b, out[i]]));
};

describe('default rules table', () => {
  it('every behaviour factor is exactly 1 at the healthy reference signals', () => {
    for (const [b, f] of Object.entries(evalAt({}))) assert.ok(Math.abs(f - 1) < 1e-12, `${b}: ${f}`);
  });

  it('every single rule is neutral at its signal’s healthy level', () => {
    for (const r of DEFAULT_RULES) {
      const one = compileRules([r], SIGNALS, { reference: ref });
      const out = new Float64Array(BEHAVIOURS.length);
      evaluateRules(one, ref, out);
      assert.ok(Math.abs(out[BEHAVIOURS.indexOf(r.behaviour)] - 1) < 1e-12, `${r.signal} → ${r.behaviour}`);
    }
  });

  it('combined factors stay within the declared bounds at extreme signals', () => {
    const extremes = [evalAt({ dht: 1, damage: 1, perfusion: 0.1 }), evalAt({ pS6: 1, minoxidil: 1e4, perfusion: 10, wound: 10 })];
    for (const f of extremes) {
      BEHAVIOURS.forEach((b, i) => {
        assert.ok(f[b] >= P.ruleBounds.min[i] - 1e-12 && f[b] <= P.ruleBounds.max[i] + 1e-12, `${b}: ${f[b]}`);
      });
    }
    assert.ok(evalAt({ dht: 1 }).activationRate < 1, 'androgen still delays telogen exit');
  });

  it('prints each rule as an English sentence', () => {
    const s = ruleSentence(DEFAULT_RULES.find((r) => r.signal === 'dht' && r.behaviour === 'activationRate')!, 0);
    assert.match(s, /^Androgen \(DHT\) exposure \(0-1\) decreases the rate of telogen exit: half the effect at 0\.3, Hill 1, at most ×0\.3; neutral \(×1\) at the healthy level 0\.$/);
  });
});
