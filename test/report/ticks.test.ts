import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTick, linearScale, logScale, logTicks, niceStep, niceTicks, ticksWithin } from '../../src/report/ticks.ts';

/** mulberry32: a tiny seeded generator so the random ranges are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True when `step` is 1, 2 or 5 × 10^k (up to floating-point rounding). */
function isNiceStep(step: number): boolean {
  const e = Math.floor(Math.log10(step) + 1e-12);
  const m = step / 10 ** e;
  return [1, 2, 5, 10].some((c) => Math.abs(m - c) < 1e-9 * c);
}

describe('niceTicks', () => {
  it('covers the range with a 1/2/5×10^k step and a bounded tick count, for many random ranges', () => {
    const rand = rng(12345);
    for (let trial = 0; trial < 5000; trial++) {
      // Magnitudes from 1e-9 to 1e9, offsets that may be far from zero, negative ranges included.
      const scale = 10 ** (rand() * 18 - 9);
      const centre = (rand() - 0.5) * scale * (rand() < 0.3 ? 1000 : 4);
      const a = centre + (rand() - 0.5) * scale;
      const b = centre + (rand() - 0.5) * scale;
      const count = 2 + Math.floor(rand() * 10);
      const ticks = niceTicks(a, b, count);
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const ctx = `range [${a}, ${b}] count ${count} → ${ticks.join(', ')}`;
      assert.ok(ticks.length >= 2, ctx);
      const step = ticks[1] - ticks[0];
      const tol = step * 1e-6;
      // Covers the range.
      assert.ok(ticks[0] <= lo + tol, `first tick above min: ${ctx}`);
      assert.ok(ticks[ticks.length - 1] >= hi - tol, `last tick below max: ${ctx}`);
      // No needless tick outside: the second tick is above min and the penultimate below max.
      assert.ok(ticks[1] > lo - tol, `extra tick below: ${ctx}`);
      assert.ok(ticks[ticks.length - 2] < hi + tol, `extra tick above: ${ctx}`);
      // Nice, constant step.
      assert.ok(isNiceStep(step), `step ${step} is not nice: ${ctx}`);
      for (let k = 1; k < ticks.length; k++) {
        assert.ok(Math.abs(ticks[k] - ticks[k - 1] - step) <= Math.max(tol, Math.abs(ticks[k]) * 1e-12), `uneven step: ${ctx}`);
      }
      // Interval count within [floor(count/2.5) + 1, count + 1] (documented bound).
      const intervals = ticks.length - 1;
      assert.ok(intervals >= Math.floor(count / 2.5) + 1 && intervals <= count + 1, `interval count ${intervals}: ${ctx}`);
    }
  });

  it('gives ticks that print without floating-point noise', () => {
    assert.deepEqual(niceTicks(0, 1, 10), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    assert.deepEqual(niceTicks(0.1, 0.35, 5), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    const rand = rng(7);
    for (let trial = 0; trial < 1000; trial++) {
      const e = Math.floor(rand() * 12) - 6;
      const a = rand() * 10 ** e;
      const ticks = niceTicks(a, a + rand() * 10 ** e + 10 ** (e - 3), 5);
      for (const t of ticks) assert.ok(String(t).length <= 22 && !/0000000|9999999/.test(String(t)), `noisy tick ${t}`);
    }
  });

  it('handles degenerate, reversed and negative ranges', () => {
    const z = niceTicks(0, 0);
    assert.ok(z[0] < 0 && z[z.length - 1] > 0);
    const c = niceTicks(5, 5);
    assert.ok(c[0] <= 5 && c[c.length - 1] >= 5 && c.length >= 2);
    assert.deepEqual(niceTicks(10, 0, 5), niceTicks(0, 10, 5));
    assert.deepEqual(niceTicks(-10, -1, 5), [-10, -8, -6, -4, -2, 0]);
    assert.ok(!niceTicks(-1, 1, 4).some((t) => Object.is(t, -0)), 'no negative zero');
    assert.throws(() => niceTicks(Number.NaN, 1), RangeError);
    assert.throws(() => niceTicks(0, Number.POSITIVE_INFINITY), RangeError);
  });

  it('niceStep returns the smallest nice step ≥ raw', () => {
    assert.equal(niceStep(0.7).step, 1);
    assert.equal(niceStep(1).step, 1);
    assert.equal(niceStep(1.01).step, 2);
    assert.equal(niceStep(2.5).step, 5);
    assert.equal(niceStep(6).step, 10);
    assert.equal(niceStep(0.0003).step, 0.0005);
  });

  it('ticksWithin keeps only ticks inside the range', () => {
    assert.deepEqual(ticksWithin(0.3, 4.7, 5), [1, 2, 3, 4]);
  });
});

describe('logTicks', () => {
  it('covers random positive ranges with powers of ten or 1-2-5 multiples', () => {
    const rand = rng(99);
    for (let trial = 0; trial < 2000; trial++) {
      const a = 10 ** (rand() * 16 - 8);
      const b = a * 10 ** (rand() * 8 + 0.01);
      const ticks = logTicks(a, b, 6);
      const ctx = `[${a}, ${b}] → ${ticks.join(', ')}`;
      assert.ok(ticks[0] <= a * (1 + 1e-9), ctx);
      assert.ok(ticks[ticks.length - 1] >= b * (1 - 1e-9), ctx);
      for (let k = 1; k < ticks.length; k++) assert.ok(ticks[k] > ticks[k - 1], ctx);
      for (const t of ticks) {
        const e = Math.floor(Math.log10(t) + 1e-9);
        const m = t / 10 ** e;
        assert.ok([1, 2, 5].some((c) => Math.abs(m - c) < 1e-6), `tick ${t} is not 1/2/5×10^k: ${ctx}`);
      }
      assert.ok(ticks.length <= 12, `too many ticks: ${ctx}`);
    }
  });

  it('rejects non-positive ranges', () => {
    assert.throws(() => logTicks(0, 10), RangeError);
  });
});

describe('formatTick', () => {
  it('uses the step to choose decimals and a true minus sign', () => {
    assert.equal(formatTick(0.5, 0.5), '0.5');
    assert.equal(formatTick(1, 0.5), '1.0');
    assert.equal(formatTick(-20, 10), '−20');
    assert.equal(formatTick(0, 0.1), '0');
  });
  it('uses powers of ten for very large and small values', () => {
    assert.equal(formatTick(2e6, 1e6), '2×10⁶');
    assert.equal(formatTick(1e-5, 1e-5), '10⁻⁵');
  });
});

describe('scales', () => {
  it('linear and log scales map monotonically and hit the range ends', () => {
    const s = linearScale([0, 10], [100, 0]);
    assert.equal(s(0), 100);
    assert.equal(s(10), 0);
    assert.ok(s(3) > s(4));
    const l = logScale([1, 1000], [0, 300]);
    assert.ok(Math.abs(l(10) - 100) < 1e-9);
    assert.ok(Number.isNaN(l(0)));
    assert.ok(Number.isNaN(l(-1)));
  });
});
