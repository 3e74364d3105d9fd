import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BEHAVIOURS } from '../../src/microenv/rules.ts';
import { MOUSE_HOOK_NAMES } from '../../src/follicle/mouse/lattice.ts';
import { BEHAVIOUR_SPECS, FOLLICLE_BEHAVIOURS, MOUSE_HOOK_BEHAVIOURS, MOUSE_RULE_BEHAVIOURS } from '../../src/follicle/behaviour.ts';
import { multiplySchedules, multiplySteps, shiftStep, stepFromIntervals, stepValue } from '../../src/follicle/schedule.ts';

describe('behaviour vocabulary and step functions', () => {
  it('every behaviour is neutral at 1 within its bounds; the mouse names map onto the vocabulary', () => {
    for (const b of FOLLICLE_BEHAVIOURS) {
      const s = BEHAVIOUR_SPECS[b];
      assert.ok(s.min <= 1 && 1 <= s.max && s.neutral === 1, b);
    }
    assert.deepEqual(Object.keys(MOUSE_RULE_BEHAVIOURS).sort(), [...BEHAVIOURS].sort());
    assert.deepEqual(Object.keys(MOUSE_HOOK_BEHAVIOURS).sort(), [...MOUSE_HOOK_NAMES].sort());
    const mapped = new Set(Object.values(MOUSE_RULE_BEHAVIOURS).filter((x) => x !== null));
    assert.deepEqual([...mapped].sort(), ['activation', 'anagenDuration', 'sizeRetention']);
  });

  it('intervals: overlaps multiply, a break belongs to the piece it starts, redundant breaks are dropped', () => {
    const f = stepFromIntervals([
      { fromS: 10, toS: 30, factor: 2 },
      { fromS: 20, toS: Infinity, factor: 3 },
      { fromS: 30, toS: 40, factor: 1 },
    ]);
    assert.deepEqual([...f.breaksS], [10, 20, 30]);
    assert.deepEqual([...f.values], [1, 2, 6, 3]);
    assert.deepEqual([0, 9.999, 10, 19.999, 20, 29.999, 30, 1e9].map((t) => stepValue(f, t)), [1, 1, 2, 2, 6, 6, 3, 3]);
    assert.throws(() => stepFromIntervals([{ fromS: 5, toS: 5, factor: 2 }]), /empty/);
    const g = multiplySteps(f, stepFromIntervals([{ fromS: 25, toS: 35, factor: 0.5 }]));
    assert.deepEqual([0, 10, 20, 25, 30, 35].map((t) => stepValue(g, t)), [1, 2, 6, 3, 1.5, 3]);
    assert.deepEqual([...shiftStep(f, 100).breaksS], [110, 120, 130]);
  });

  it('schedules multiply per region and per follicle', () => {
    const a = { regions: [{ activation: stepFromIntervals([{ fromS: 0, toS: 10, factor: 2 }]) }, {}], perFollicle: { sizeRetention: Float64Array.of(1, 0.5) } };
    const b = { regions: [{ activation: stepFromIntervals([{ fromS: 5, toS: 15, factor: 3 }]) }, { anagenDuration: stepFromIntervals([{ fromS: 0, toS: 1, factor: 2 }]) }], perFollicle: { sizeRetention: Float64Array.of(2, 2) } };
    const m = multiplySchedules(a, b);
    const act = m.regions[0].activation;
    assert.ok(act);
    assert.deepEqual([0, 5, 10, 15].map((t) => stepValue(act, t)), [2, 6, 3, 1]);
    assert.ok(m.regions[1].anagenDuration);
    assert.deepEqual([...(m.perFollicle?.sizeRetention ?? [])], [2, 1]);
  });
});
