import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { drive, getOptimiser, multiStart, optimiserNames } from '../../src/tasks/methods/optimisers/registry.ts';

// Test functions on the unit cube mapped to their usual boxes
const box = (u: Float64Array, lo: number, hi: number) => Array.from(u, (v) => lo + (hi - lo) * v);
const sphere = (u: Float64Array) => box(u, -5, 5).reduce((s, x) => s + (x - 1) ** 2, 0);
const rosenbrock = (u: Float64Array) => {
  const x = box(u, -2, 2);
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return s;
};
const himmelblau = (u: Float64Array) => {
  const [x, y] = box(u, -5, 5);
  return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
};

describe('optimisers (method registry, multi-start, budget)', () => {
  it('registers Nelder–Mead and CMA-ES by name', () => {
    assert.deepEqual(optimiserNames(), ['cmaes', 'nelder-mead']);
    assert.throws(() => getOptimiser('simplex'), /unknown optimiser 'simplex' \(known: cmaes, nelder-mead\)/);
  });

  for (const name of optimiserNames()) {
    it(`${name}: sphere (4-D), Rosenbrock (2-D) and Himmelblau minima within the budget`, () => {
      const m = getOptimiser(name);
      const rng = RandomStream.fromSeed(42, [name]);
      const start = (d: number) => new Float64Array(d).fill(0.2);
      const s = drive(multiStart(m, start(4), 2000, 2, rng), sphere);
      assert.ok(s.f < 1e-6 && s.evaluations <= 2000, `sphere f=${s.f}`);
      const r = drive(multiStart(m, start(2), 3000, 3, rng), rosenbrock);
      assert.ok(r.f < 1e-5 && r.evaluations <= 3000, `rosenbrock f=${r.f} after ${r.evaluations}`);
      const h = drive(multiStart(m, start(2), 1000, 2, rng), himmelblau);
      assert.ok(h.f < 1e-6, `himmelblau f=${h.f}`);
      assert.equal(h.trace.length, h.evaluations);
      assert.ok(h.trace.every((t, i) => i === 0 || t.best <= h.trace[i - 1].best));
    });
  }

  it('never asks for more evaluations than the budget', () => {
    for (const name of optimiserNames()) {
      let calls = 0;
      const r = drive(multiStart(getOptimiser(name), new Float64Array(3).fill(0.9), 37, 3, RandomStream.fromSeed(1, [])), (u) => {
        calls++;
        return rosenbrock(u);
      });
      assert.ok(calls <= 37 && r.evaluations === calls, `${name}: ${calls}`);
    }
  });

  it('stays in the unit cube when the optimum is outside it (bounded by projection)', () => {
    for (const name of optimiserNames()) {
      const seen: number[] = [];
      const r = drive(multiStart(getOptimiser(name), new Float64Array(2).fill(0.5), 400, 0, RandomStream.fromSeed(2, [])), (u) => {
        seen.push(...u);
        return (u[0] - 1.5) ** 2 + (u[1] + 0.3) ** 2;
      });
      assert.ok(seen.every((v) => v >= 0 && v <= 1));
      assert.ok(Math.abs(r.x[0] - 1) < 1e-3 && Math.abs(r.x[1]) < 1e-3, `${name}: ${[...r.x]}`);
    }
  });
});
