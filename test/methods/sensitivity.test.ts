import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { morrisDesign, morrisIndices } from '../../src/tasks/methods/morris.ts';
import { saltelliDesign, sobolIndices } from '../../src/tasks/methods/saltelli.ts';
import { gFunction, gFunctionIndices, ishigami, ishigamiIndices } from './testFunctions.ts';

/** z for a two-sided 99.9 % band: with ~20 indices checked, a false failure has probability ≈ 2 %. */
const Z = 3.29;

function evaluate(points: Float64Array, d: number, f: (u: Float64Array) => number): Float64Array {
  const n = points.length / d;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = f(points.subarray(i * d, (i + 1) * d));
  return y;
}

describe('Morris elementary effects', () => {
  // f = 10 x1 + 4 x2² + x3 + 0·x4 + 3 x1 x3: ranking x1 > x2 > x3 > x4 by μ*
  const f = (x: Float64Array) => 10 * x[0] + 4 * x[1] ** 2 + x[2] + 3 * x[0] * x[2];
  const design = morrisDesign(4, 20, 4, RandomStream.fromSeed(11, ['morris']));

  it('builds one-at-a-time trajectories with steps of ±Δ on the grid', () => {
    const { k, points, delta } = design;
    assert.equal(points.length, 20 * 5 * 4);
    for (let t = 0; t < 20; t++) {
      for (let s = 0; s < k; s++) {
        let changed = 0;
        for (let i = 0; i < k; i++) {
          const dx = points[(t * 5 + s + 1) * k + i] - points[(t * 5 + s) * k + i];
          if (dx !== 0) {
            changed++;
            assert.ok(Math.abs(Math.abs(dx) - delta) < 1e-12);
          }
        }
        assert.equal(changed, 1);
      }
    }
    for (const x of points) assert.ok(x >= 0 && x <= 1 + 1e-12);
  });

  it('ranks factors of a function with known effects and measures linear ones exactly', () => {
    const m = morrisIndices(design, evaluate(design.points, 4, f));
    const order = [...m.muStar].map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).map((p) => p[1]);
    assert.deepEqual(order, [0, 1, 2, 3]);
    assert.equal(m.muStar[3], 0);
    assert.equal(m.sigma[3], 0);
    // x2 enters as 4x²: its effects at Δ = 2/3 are 4(2x + Δ) over the grid, so σ > 0; x1's μ* is 10 + 3·E[x3]
    assert.ok(m.sigma[1] > 0);
    assert.ok(m.muStar[0] > 10 && m.muStar[0] < 13);
  });
});

describe('Morris trajectory selection (Campolongo 2007)', () => {
  it('keeps r of M candidates, spread wider than r random ones', () => {
    // Campolongo's criterion: sqrt of Σ over trajectory pairs of d², d = Σ of point-to-point distances
    const spread = (d: { points: Float64Array; k: number; trajectories: number }) => {
      const n = d.k + 1;
      const pt = (t: number, i: number, z: number) => d.points[(t * n + i) * d.k + z];
      let total = 0;
      for (let a = 0; a < d.trajectories; a++) for (let b = a + 1; b < d.trajectories; b++) {
        let dist = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
          let q = 0;
          for (let z = 0; z < d.k; z++) q += (pt(a, i, z) - pt(b, j, z)) ** 2;
          dist += Math.sqrt(q);
        }
        total += dist * dist;
      }
      return Math.sqrt(total);
    };
    let wider = 0;
    for (let seed = 0; seed < 5; seed++) {
      const chosen = morrisDesign(5, 6, 4, RandomStream.fromSeed(seed, ['sel']), 40);
      const plain = morrisDesign(5, 6, 4, RandomStream.fromSeed(seed, ['plain']));
      assert.equal(chosen.trajectories, 6);
      assert.equal(chosen.points.length, plain.points.length);
      if (spread(chosen) > spread(plain)) wider++;
    }
    assert.equal(wider, 5, `selected designs wider in ${wider}/5`);
  });
});

describe('Sobol indices (Saltelli design, Jansen estimators, bootstrap CI)', () => {
  it('recovers the Ishigami indices (a = 7, b = 0.1) within z · bootstrap SE', () => {
    const truth = ishigamiIndices();
    assert.ok(Math.abs(truth.S1[0] - 0.3139) < 1e-3 && Math.abs(truth.ST[2] - 0.2437) < 1e-3);
    const design = saltelliDesign(3, 4096, RandomStream.fromSeed(5, ['ishigami']));
    const ix = sobolIndices(design, evaluate(design.points, 3, (u) => ishigami(u)), RandomStream.fromSeed(5, ['boot']), 400);
    for (let i = 0; i < 3; i++) {
      assert.ok(Math.abs(ix.S1[i] - truth.S1[i]) <= Z * ix.S1Se[i], `S1[${i}] ${ix.S1[i]} vs ${truth.S1[i]} (SE ${ix.S1Se[i]})`);
      assert.ok(Math.abs(ix.ST[i] - truth.ST[i]) <= Z * ix.STSe[i], `ST[${i}] ${ix.ST[i]} vs ${truth.ST[i]} (SE ${ix.STSe[i]})`);
      assert.ok(ix.S1Low[i] <= ix.S1[i] + 1e-9 && ix.S1[i] <= ix.S1High[i] + 1e-9);
    }
  });

  it('recovers the g-function indices (a = 0, 1, 4.5, 9, 99, 99, 99, 99) within z · bootstrap SE', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const truth = gFunctionIndices(a);
    const design = saltelliDesign(a.length, 2048, RandomStream.fromSeed(6, ['g']));
    const ix = sobolIndices(design, evaluate(design.points, a.length, (u) => gFunction(u, a)), RandomStream.fromSeed(6, ['boot']), 400);
    for (let i = 0; i < a.length; i++) {
      // a floor of 1e-4 on the SE: for a_i = 99 the bootstrap SE itself is ~1e-5 and QMC error of that order
      assert.ok(Math.abs(ix.S1[i] - truth.S1[i]) <= Z * Math.max(ix.S1Se[i], 1e-4), `S1[${i}] ${ix.S1[i]} vs ${truth.S1[i]} (SE ${ix.S1Se[i]})`);
      assert.ok(Math.abs(ix.ST[i] - truth.ST[i]) <= Z * Math.max(ix.STSe[i], 1e-4), `ST[${i}] ${ix.ST[i]} vs ${truth.ST[i]} (SE ${ix.STSe[i]})`);
    }
  });
});
