import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import {
  fisherExact,
  logRankTest,
  mannWhitneyU,
  meanConfidenceInterval,
  oneWayAnova,
  studentTTest,
  welchTTest,
} from '../../src/stats/index.ts';
import { Z } from '../helpers/stats.ts';

/**
 * Properties under the null hypothesis, on simulated data. Tolerances come from the number of simulations N:
 * the Kolmogorov–Smirnov distance of N uniform p-values exceeds ε with probability ≤ 2·exp(−2Nε²)
 * (Dvoretzky–Kiefer–Wolfowitz with Massart's constant); we choose ε for a false-alarm rate α = 1e-5. Rates use
 * a binomial bound with z = Z from test/helpers/stats.ts. The streams are seeded, so runs are reproducible.
 */
const ALPHA = 1e-5;
const ksBound = (n: number): number => Math.sqrt(Math.log(2 / ALPHA) / (2 * n));

/** sup |F_n(p) − p| of a sample of p-values against Uniform(0, 1). */
function ksDistanceFromUniform(ps: number[]): number {
  const s = [...ps].sort((a, b) => a - b);
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, (i + 1) / n - s[i], s[i] - i / n);
  return d;
}

function normals(r: RandomStream, n: number, mu: number, sigma: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mu + sigma * r.normal();
  return out;
}

const inUnit = (p: number): boolean => p >= 0 && p <= 1;

describe('null-hypothesis properties on simulated data', () => {
  it('Welch p-values are uniform under H0 (unequal n and variances)', () => {
    const r = RandomStream.fromSeed(20240601, ['stats']);
    const N = 4000;
    const ps: number[] = [];
    for (let k = 0; k < N; k++) ps.push(welchTTest(normals(r, 6, 10, 1), normals(r, 11, 10, 3)).p);
    const d = ksDistanceFromUniform(ps);
    assert.ok(d < ksBound(N), `KS distance ${d} ≥ ${ksBound(N)}`);
  });

  it('Student p-values are uniform under H0 (equal variances), and match ANOVA', () => {
    const r = RandomStream.fromSeed(7, ['stats']);
    const N = 3000;
    const ps: number[] = [];
    for (let k = 0; k < N; k++) {
      const a = normals(r, 5, 0, 2);
      const b = normals(r, 8, 0, 2);
      const p = studentTTest(a, b).p;
      ps.push(p);
      if (k < 50) assert.ok(Math.abs(oneWayAnova([a, b]).p - p) <= 1e-12 * Math.max(p, 1e-300) + 1e-15);
    }
    const d = ksDistanceFromUniform(ps);
    assert.ok(d < ksBound(N), `KS distance ${d} ≥ ${ksBound(N)}`);
  });

  it('log-rank p-values are close to uniform under H0 (exponential times, administrative censoring)', () => {
    const r = RandomStream.fromSeed(11, ['stats']);
    const N = 1500;
    const draw = (n: number): { time: number[]; event: number[] } => {
      const time: number[] = [];
      const event: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = -100 * Math.log(r.uniformOpen());
        time.push(Math.min(t, 150));
        event.push(t <= 150 ? 1 : 0);
      }
      return { time, event };
    };
    const ps: number[] = [];
    for (let k = 0; k < N; k++) ps.push(logRankTest(draw(40), draw(35)).p);
    const d = ksDistanceFromUniform(ps);
    assert.ok(d < ksBound(N), `KS distance ${d} ≥ ${ksBound(N)}`);
  });

  it('the 95 % t interval of a mean covers the true mean at the nominal rate', () => {
    const r = RandomStream.fromSeed(3, ['stats']);
    const N = 4000;
    let covered = 0;
    for (let k = 0; k < N; k++) {
      const ci = meanConfidenceInterval(normals(r, 4, 1.5, 0.7));
      if (ci.lower <= 1.5 && 1.5 <= ci.upper) covered++;
    }
    const tol = Z * Math.sqrt((0.95 * 0.05) / N);
    assert.ok(Math.abs(covered / N - 0.95) <= tol, `coverage ${covered / N}, tolerance ${tol}`);
  });

  it('the Welch CI of the difference covers 0 exactly when p ≥ 0.05', () => {
    const r = RandomStream.fromSeed(5, ['stats']);
    for (let k = 0; k < 500; k++) {
      const w = welchTTest(normals(r, 7, 0, 1), normals(r, 9, 0.5, 2));
      const covers = w.ciLower <= 0 && 0 <= w.ciUpper;
      if (Math.abs(w.p - 0.05) > 1e-9) assert.equal(covers, w.p >= 0.05, `p = ${w.p}, CI [${w.ciLower}, ${w.ciUpper}]`);
    }
  });

  it('exact Mann–Whitney and Fisher tests do not exceed their nominal level under H0', () => {
    const r = RandomStream.fromSeed(13, ['stats']);
    const N = 3000;
    const tol = Z * Math.sqrt((0.05 * 0.95) / N);
    let mwuRejects = 0;
    let fisherRejects = 0;
    for (let k = 0; k < N; k++) {
      if (mannWhitneyU(normals(r, 6, 0, 1), normals(r, 8, 0, 1)).p <= 0.05) mwuRejects++;
      let a = 0;
      let c = 0;
      for (let i = 0; i < 15; i++) if (r.uniform() < 0.3) a++;
      for (let i = 0; i < 12; i++) if (r.uniform() < 0.3) c++;
      if (fisherExact([[a, 15 - a], [c, 12 - c]]).p <= 0.05) fisherRejects++;
    }
    assert.ok(mwuRejects / N <= 0.05 + tol, `Mann–Whitney rejection rate ${mwuRejects / N}`);
    assert.ok(fisherRejects / N <= 0.05 + tol, `Fisher rejection rate ${fisherRejects / N}`);
  });

  it('every p-value lies in [0, 1], including for tiny, tied and constant samples', () => {
    const r = RandomStream.fromSeed(17, ['stats']);
    for (let k = 0; k < 400; k++) {
      const na = 1 + r.int(12);
      const nb = 1 + r.int(12);
      // rounded draws create ties; sometimes a constant arm
      const a = Array.from(normals(r, na, 0, 1), (x) => (k % 7 === 0 ? 1 : Math.round(x * 2) / 2));
      const b = Array.from(normals(r, nb, 0.3, 1.5), (x) => Math.round(x * 2) / 2);
      const ps = [
        welchTTest(a, b).p,
        studentTTest(a, b).p,
        mannWhitneyU(a, b).p,
        mannWhitneyU(a, b, { method: 'normal', continuity: false }).p,
        oneWayAnova([a, b, [...a, ...b]]).p,
        fisherExact([[r.int(6), r.int(6)], [r.int(6), r.int(6)]]).p,
        logRankTest({ time: a.map(Math.abs), event: a.map((x) => (x > 0 ? 1 : 0)) }, { time: b.map(Math.abs), event: b.map(() => 1) }).p,
      ];
      for (const p of ps) assert.ok(Number.isNaN(p) || inUnit(p), `p = ${p}`);
      // Mann–Whitney and Fisher are always defined for non-empty arms
      assert.ok(inUnit(ps[2]) && inUnit(ps[5]));
    }
  });
});
