import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { saltelliBaseRows, saltelliDesign, sobolIndices } from '../../src/tasks/methods/saltelli.ts';
import { clopperPearson } from '../../src/stats/index.ts';

describe('Clopper–Pearson interval', () => {
  it('matches R binom.test and the closed forms at 0 and n', () => {
    const a = clopperPearson(3, 10);
    assert.ok(Math.abs(a.low - 0.06673951) < 1e-8 && Math.abs(a.high - 0.65245285) < 1e-8, `${a.low} ${a.high}`);
    const z = clopperPearson(0, 6); // high = 1 − (α/2)^(1/n)
    assert.equal(z.low, 0);
    assert.ok(Math.abs(z.high - (1 - 0.025 ** (1 / 6))) < 1e-12);
    const all = clopperPearson(20, 20); // low = (α/2)^(1/n)
    assert.equal(all.high, 1);
    assert.ok(Math.abs(all.low - 0.025 ** (1 / 20)) < 1e-12);
    assert.throws(() => clopperPearson(3, 2), RangeError);
  });
});

describe('grouped Saltelli design', () => {
  it('gives the indices of a group of columns as one factor (additive function: shares of variance)', () => {
    // f = 4 x0 + 2 x1 + x2 on uniforms: variance shares 16 : 4 : 1, so the group {x1, x2} has S1 = ST = 5/21
    const design = saltelliDesign(3, 4096, RandomStream.fromSeed(8, ['groups']), 'sobol', [[0], [1, 2]]);
    assert.equal(design.d, 2);
    assert.equal(design.dims, 3);
    const rows = design.points.length / 3;
    assert.equal(rows, 4096 * 4);
    const y = Float64Array.from({ length: rows }, (_, r) => 4 * design.points[r * 3] + 2 * design.points[r * 3 + 1] + design.points[r * 3 + 2]);
    // the A_B row of the group takes both of its columns from B, the other column from A
    const [a, b] = saltelliBaseRows(design).slice(0, 2);
    assert.deepEqual([...design.points.slice(2 * 3, 3 * 3)], [design.points[a * 3], design.points[b * 3 + 1], design.points[b * 3 + 2]]);
    const ix = sobolIndices(design, y, RandomStream.fromSeed(8, ['boot']), 200);
    assert.ok(Math.abs(ix.S1[0] - 16 / 21) < 4 * ix.S1Se[0] + 1e-3, `${ix.S1[0]}`);
    assert.ok(Math.abs(ix.ST[1] - 5 / 21) < 4 * ix.STSe[1] + 1e-3, `${ix.ST[1]}`);
    assert.throws(() => saltelliDesign(3, 4, RandomStream.fromSeed(1), 'sobol', [[0], [0, 1, 2]]), RangeError);
    assert.throws(() => saltelliDesign(3, 4, RandomStream.fromSeed(1), 'sobol', [[0], [1]]), RangeError);
  });
});
