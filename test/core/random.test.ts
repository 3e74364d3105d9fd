import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  betaParams,
  deriveKey,
  logFactorial,
  lognormalParams,
  logGamma,
  RandomStream,
  sampleBeta,
  sampleBinomial,
  sampleExponential,
  sampleGamma,
  sampleLognormal,
  sampleNormal,
  samplePoisson,
} from '../../src/core/random/index.ts';
import { chiSquareStatistic, chiSquareUpper, meanTol, meanVar, varianceTol } from '../helpers/stats.ts';

const N = 200_000;

function draw(f: (r: RandomStream) => number, seed: number, n = N): Float64Array {
  const r = RandomStream.fromSeed(seed, ['test']);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(r);
  return out;
}

function checkMoments(name: string, xs: Float64Array, mean: number, variance: number, excessKurtosis: number): void {
  const s = meanVar(xs);
  const mt = meanTol(Math.sqrt(variance), xs.length);
  const vt = varianceTol(variance, excessKurtosis, xs.length);
  assert.ok(Math.abs(s.mean - mean) <= mt, `${name}: mean ${s.mean} vs ${mean} (tol ${mt})`);
  assert.ok(Math.abs(s.variance - variance) <= vt, `${name}: variance ${s.variance} vs ${variance} (tol ${vt})`);
}

describe('random streams', () => {
  it('same seed and path give the same sequence; other seeds or paths differ', () => {
    const a = draw((r) => r.uniform(), 42, 100);
    const b = draw((r) => r.uniform(), 42, 100);
    const c = draw((r) => r.uniform(), 43, 100);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    const p1 = RandomStream.fromSeed(7, ['arm', 'placebo', 'subject', 1]).uniform();
    const p2 = RandomStream.fromSeed(7, ['arm', 'placebo', 'subject', 2]).uniform();
    const p3 = RandomStream.fromSeed(7, ['arm', 'active', 'subject', 1]).uniform();
    assert.notEqual(p1, p2);
    assert.notEqual(p1, p3);
    // A child key depends only on its own path: adding subjects cannot shift another subject's stream.
    assert.equal(deriveKey(7, ['subject', 1]), deriveKey(7, ['subject', 1]));
  });

  it('state round-trips through JSON, including the cached normal spare', () => {
    const r = RandomStream.fromSeed(9);
    r.normal(); // leaves a spare deviate cached
    const saved = JSON.parse(JSON.stringify(r.getState()));
    const expected = [r.normal(), r.uniform(), r.normal()];
    const restored = RandomStream.fromState(saved);
    assert.deepEqual([restored.normal(), restored.uniform(), restored.normal()], expected);
  });

  it('jumped streams do not overlap the parent sequence', () => {
    const r = RandomStream.fromSeed(5);
    const j = r.jumped();
    const a = new Set(Array.from({ length: 1000 }, () => r.uniform()));
    let shared = 0;
    for (let i = 0; i < 1000; i++) if (a.has(j.uniform())) shared++;
    assert.equal(shared, 0);
  });

  it('uniform is U[0,1): moments and range', () => {
    const xs = draw((r) => r.uniform(), 1);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    checkMoments('uniform', xs, 0.5, 1 / 12, -1.2);
  });

  it('rejects invalid root seeds', () => {
    assert.throws(() => RandomStream.fromSeed(-1), /non-negative/);
    assert.throws(() => RandomStream.fromSeed(1.5), /non-negative/);
  });
});

describe('samplers match their moments (tolerances from N and the fourth moment)', () => {
  it('normal', () => checkMoments('normal', draw((r) => sampleNormal(r, 3, 2), 11), 3, 4, 0));

  it('lognormal by mean and SD', () => {
    const { mu, sigma } = lognormalParams(90, 25);
    const s2 = sigma * sigma;
    const kurt = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
    checkMoments('lognormal', draw((r) => sampleLognormal(r, mu, sigma), 12), 90, 625, kurt);
  });

  it('exponential', () => checkMoments('exponential', draw((r) => sampleExponential(r, 2.5), 13), 2.5, 6.25, 6));

  for (const [k, theta] of [[0.4, 2], [1, 1], [3.5, 0.5], [40, 0.1]] as const) {
    it(`gamma(${k}, ${theta})`, () => checkMoments('gamma', draw((r) => sampleGamma(r, k, theta), 14), k * theta, k * theta * theta, 6 / k));
  }

  for (const [a, b] of [[0.5, 0.5], [1.5, 1.5], [2, 8]] as const) {
    it(`beta(${a}, ${b})`, () => {
      const mean = a / (a + b);
      const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
      const kurt = (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
      checkMoments('beta', draw((r) => sampleBeta(r, a, b), 15), mean, variance, kurt);
    });
  }

  it('betaParams inverts mean and SD, and refuses impossible SDs', () => {
    const { a, b } = betaParams(0.3, 0.1);
    assert.ok(Math.abs(a / (a + b) - 0.3) < 1e-12);
    assert.ok(Math.abs(Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))) - 0.1) < 1e-12);
    assert.throws(() => betaParams(0.5, 0.6), /too large/);
  });

  for (const lambda of [0.7, 4, 25, 300]) {
    it(`poisson(${lambda}): moments and χ² against the pmf`, () => {
      const xs = draw((r) => samplePoisson(r, lambda), 16);
      checkMoments('poisson', xs, lambda, lambda, 1 / lambda);
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      const pmf = (k: number) => Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
      const { stat, df } = chiSquareStatistic(counts, pmf, xs.length, Math.ceil(lambda + 8 * Math.sqrt(lambda) + 10));
      assert.ok(stat <= chiSquareUpper(df), `χ² ${stat} > ${chiSquareUpper(df)} (df ${df})`);
    });
  }

  for (const [n, p] of [[20, 0.3], [50, 0.9], [1000, 0.4], [5000, 0.02]] as const) {
    it(`binomial(${n}, ${p}): moments and χ² against the pmf`, () => {
      const xs = draw((r) => sampleBinomial(r, n, p), 17);
      const q = 1 - p;
      checkMoments('binomial', xs, n * p, n * p * q, (1 - 6 * p * q) / (n * p * q));
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      const pmf = (k: number) =>
        k > n ? 0 : Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(q));
      const { stat, df } = chiSquareStatistic(counts, pmf, xs.length, n);
      assert.ok(stat <= chiSquareUpper(df), `χ² ${stat} > ${chiSquareUpper(df)} (df ${df})`);
    });
  }

  it('logGamma matches known values', () => {
    assert.ok(Math.abs(logGamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-13);
    assert.ok(Math.abs(logGamma(10) - Math.log(362880)) < 1e-12);
    // reference: Python math.lgamma(171.5)
    assert.ok(Math.abs(logGamma(171.5) - 709.1431630309282) < 1e-9);
  });
});
