import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { centredL2Discrepancy, gridDesign, latinHypercube, randomDesign } from '../../src/tasks/methods/designs.ts';
import { SOBOL_MAX_DIMENSION, sobolPoints } from '../../src/tasks/methods/sobolSequence.ts';

describe('space-filling designs', () => {
  it('LHS puts exactly one point in each of n strata of every coordinate', () => {
    const n = 37;
    const d = 5;
    const x = latinHypercube(n, d, RandomStream.fromSeed(1, ['lhs']));
    for (let j = 0; j < d; j++) {
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) seen.add(Math.floor(x[i * d + j] * n));
      assert.equal(seen.size, n, `coordinate ${j}`);
    }
  });

  it('the grid is a full factorial, first coordinate slowest', () => {
    const g = gridDesign([2, 3]);
    assert.deepEqual([...g], [0, 0, 0, 0.5, 0, 1, 1, 0, 1, 0.5, 1, 1]);
  });

  it('unscrambled Sobol points match the published sequence (Joe & Kuo 2008; SciPy scramble=False)', () => {
    const x = sobolPoints(8, 3);
    const expected = [
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
    ];
    assert.deepEqual([...x], expected.flat());
  });

  it('every one of the 32 dimensions is a (0,m,1)-net: 2^m points fill the 2^m dyadic intervals once', () => {
    const d = SOBOL_MAX_DIMENSION;
    assert.ok(d >= 21);
    const n = 256;
    const x = sobolPoints(n, d);
    for (let j = 0; j < d; j++) {
      const cells = new Set<number>();
      for (let i = 0; i < n; i++) cells.add(Math.floor(x[i * d + j] * n));
      assert.equal(cells.size, n, `dimension ${j + 1}`);
    }
  });

  it('scrambled Sobol and LHS have lower centred L2 discrepancy than random points', () => {
    const n = 128;
    const d = 6;
    const sobol = centredL2Discrepancy(sobolPoints(n, d, RandomStream.fromSeed(3, ['s'])), d);
    const lhs = centredL2Discrepancy(latinHypercube(n, d, RandomStream.fromSeed(3, ['l'])), d);
    let worse = 0;
    for (let r = 0; r < 10; r++) {
      const mc = centredL2Discrepancy(randomDesign(n, d, RandomStream.fromSeed(3, ['r', r])), d);
      if (mc <= sobol) worse++;
      if (r === 0) assert.ok(lhs < mc * 1.05, `LHS ${lhs} vs random ${mc}`);
    }
    assert.equal(worse, 0, `Sobol CD ${sobol} beaten by random in ${worse}/10`);
  });
});
