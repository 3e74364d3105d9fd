import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { Substreams } from '../../src/core/random/substreams.ts';

/** Counter-based per-follicle substreams: reproducible by index, uniform, and uncorrelated between neighbours. */
describe('Substreams', () => {
  it('substream i is the same sequence whatever was selected before it', () => {
    const a = new Substreams(12345, -7);
    const b = new Substreams(12345, -7);
    const first = Array.from({ length: 5 }, () => a.select(41).uniform());
    b.select(40).normal();
    b.select(3);
    b.uniform();
    const again = [b.select(41).uniform()];
    assert.equal(again[0], first[0]);
    // the cached normal spare never leaks into the next substream
    a.select(7);
    const n1 = a.normal();
    a.select(7);
    assert.equal(a.normal(), n1);
    a.select(9);
    a.normal();
    a.select(7);
    assert.equal(a.normal(), n1);
  });

  it('different keys and indices give different streams', () => {
    const a = new Substreams(1, 2).select(0).uniform();
    assert.notEqual(new Substreams(1, 3).select(0).uniform(), a);
    assert.notEqual(new Substreams(1, 2).select(1).uniform(), a);
    assert.notEqual(new Substreams(1, 2).select(2 ** 32).uniform(), a);
  });

  it('uniforms have mean 1/2 and variance 1/12; normals mean 0 and variance 1 (tolerances 5 SE)', () => {
    const rng = RandomStream.fromSeed(3, ['substreams']);
    const f = new Substreams(rng.uint32(), rng.uint32());
    const n = 200000;
    let s = 0;
    let s2 = 0;
    let z = 0;
    let z2 = 0;
    for (let i = 0; i < n; i++) {
      // a fresh substream every 4 draws: the regime of the follicle automaton
      if (i % 4 === 0) f.select(i >>> 2);
      const u = f.uniform();
      s += u;
      s2 += u * u;
      const x = f.normal();
      z += x;
      z2 += x * x;
    }
    const mean = s / n;
    const v = s2 / n - mean * mean;
    assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / n), `mean ${mean}`);
    assert.ok(Math.abs(v - 1 / 12) < 5 * Math.sqrt(1 / 180 / n), `variance ${v}`);
    assert.ok(Math.abs(z / n) < 5 / Math.sqrt(n), `normal mean ${z / n}`);
    assert.ok(Math.abs(z2 / n - 1) < 5 * Math.sqrt(2 / n), `normal variance ${z2 / n}`);
  });

  it('the first draws of neighbouring substreams are uncorrelated (|r| < 4/√n)', () => {
    const f = new Substreams(0, 0);
    const n = 50000;
    const first = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) first[i] = f.select(i).uniform();
    let sxy = 0;
    let sx = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (first[i] - 0.5) * (first[i + 1] - 0.5);
      sx += first[i];
      sxx += (first[i] - 0.5) ** 2;
    }
    const r = sxy / sxx;
    assert.ok(Math.abs(r) < 4 / Math.sqrt(n), `lag-1 correlation ${r}`);
    assert.ok(Math.abs(sx / n - 0.5) < 5 * Math.sqrt(1 / 12 / n));
  });
});
