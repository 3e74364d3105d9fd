import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cohensD,
  fisherExact,
  hedgesG,
  holmAdjust,
  logRankTest,
  mannWhitneyExactDistribution,
  mannWhitneyU,
  oneWayAnova,
  studentTTest,
  welchTTest,
} from '../../src/stats/index.ts';
import { assertClose } from './close.ts';
import { ANOVA, DATA, EFFECT, FISHER, HOLM, LOGRANK, MWU, SURVIVAL, TTEST } from './golden.ts';

// Golden values: SciPy 1.17 (ttest_ind, mannwhitneyu, f_oneway, fisher_exact, logrank), textbook formulas for
// Cohen's d / Hedges' g / Holm in NumPy; see test/stats/make-golden.py. Observed agreement ≤ 1e-14 relative.
const RTOL = 1e-12;

describe('t-tests', () => {
  it('reproduce R: t.test(extra ~ group, data = sleep) (Welch), as printed by R', () => {
    const r = welchTTest(DATA.sleep1, DATA.sleep2);
    assertClose(r.t, -1.8608, 0, 5e-5, 't');
    assertClose(r.df, 17.776, 0, 5e-4, 'df');
    assertClose(r.p, 0.07939, 0, 5e-6, 'p');
    assertClose(r.ciLower, -3.3654832, 0, 5e-8, 'CI lower');
    assertClose(r.ciUpper, 0.2054832, 0, 5e-8, 'CI upper');
    assert.equal(r.meanA, 0.75);
    assertClose(r.meanB, 2.33, 1e-15);
  });

  it('Welch and Student against scipy.stats.ttest_ind', () => {
    for (const c of TTEST) {
      const r = (c.welch ? welchTTest : studentTTest)(DATA[c.a], DATA[c.b], { level: c.level });
      const what = `${c.welch ? 'Welch' : 'Student'} ${c.a} vs ${c.b} @${c.level}`;
      assert.equal(r.test, c.welch ? 'welch' : 'student');
      assertClose(r.t, c.t, RTOL, 0, `${what} t`);
      assertClose(r.df, c.df, RTOL, 0, `${what} df`);
      assertClose(r.p, c.p, RTOL, 0, `${what} p`);
      assertClose(r.ciLower, c.ciLower, RTOL, 1e-15, `${what} CI lower`);
      assertClose(r.ciUpper, c.ciUpper, RTOL, 1e-15, `${what} CI upper`);
      assertClose(r.meanDifference, r.meanA - r.meanB, 1e-15, 0, 'difference');
    }
  });

  it('identical samples: t = 0, p = 1, CI symmetric about 0', () => {
    for (const test of [welchTTest, studentTTest]) {
      const r = test(DATA.normA, DATA.normA);
      assert.equal(r.t, 0);
      assert.equal(r.p, 1);
      assertClose(r.ciLower, -r.ciUpper, 1e-15);
    }
  });

  it('zero variance in both arms: t, df, p and CI are NaN (documented), no throw', () => {
    for (const [a, b] of [[[2, 2, 2], [2, 2, 2, 2]], [[1, 1, 1], [3, 3]]]) {
      for (const test of [welchTTest, studentTTest]) {
        const r = test(a, b);
        assert.ok(Number.isNaN(r.t) && Number.isNaN(r.p) && Number.isNaN(r.df) && Number.isNaN(r.ciLower), `${test.name}`);
        assert.equal(r.meanDifference, a[0] - b[0]);
      }
    }
  });

  it('n = 1 per arm: NaN; Student allows n = 1 in one arm when the other has n ≥ 2, Welch does not', () => {
    for (const test of [welchTTest, studentTTest]) {
      const r = test([1], [2]);
      assert.ok(Number.isNaN(r.t) && Number.isNaN(r.p));
      assert.equal(r.nA, 1);
      assert.equal(r.meanDifference, -1);
    }
    const s = studentTTest([5], [1, 2, 3]);
    // pooled variance = SS_B / (n − 2) = 2 / 2 = 1; se = √(1 + 1/3); t = 3 / se; df = 2
    assertClose(s.t, 3 / Math.sqrt(4 / 3), 1e-15);
    assert.equal(s.df, 2);
    assert.ok(Number.isNaN(welchTTest([5], [1, 2, 3]).p));
    assert.ok(Number.isNaN(welchTTest([], [1, 2, 3]).p));
  });

  it('NaN entries are ignored', () => {
    const a = [Number.NaN, ...DATA.sleep1, Number.NaN];
    const b = [...DATA.sleep2.slice(0, 5), Number.NaN, ...DATA.sleep2.slice(5)];
    assert.deepEqual(welchTTest(a, b), welchTTest(DATA.sleep1, DATA.sleep2));
    assert.deepEqual(studentTTest(Float64Array.from(a), b), studentTTest(DATA.sleep1, DATA.sleep2));
  });
});

describe('effect sizes', () => {
  it("Cohen's d and Hedges' g against the textbook formulas", () => {
    for (const c of EFFECT) {
      assertClose(cohensD(DATA[c.a], DATA[c.b]), c.d, RTOL, 0, `d ${c.a} ${c.b}`);
      assertClose(hedgesG(DATA[c.a], DATA[c.b]), c.g, RTOL, 0, `g ${c.a} ${c.b}`);
    }
  });

  it('antisymmetric; NaN without spread or with too few values', () => {
    assertClose(cohensD(DATA.normB, DATA.normA), -cohensD(DATA.normA, DATA.normB), 1e-15);
    assert.equal(cohensD(DATA.normA, DATA.normA), 0);
    assert.ok(Number.isNaN(cohensD([1, 1], [2, 2])));
    assert.ok(Number.isNaN(cohensD([1], [2])));
    assert.ok(Number.isNaN(hedgesG([1, 2], [3])));
  });
});

/** All C(m+n, m) arrangements of m A's and n B's, counting U_A for each (the definition of the null). */
function bruteForceU(m: number, n: number): number[] {
  const counts = new Array<number>(m * n + 1).fill(0);
  const total = m + n;
  for (let mask = 0; mask < 1 << total; mask++) {
    let bits = 0;
    for (let i = 0; i < total; i++) if (mask & (1 << i)) bits++;
    if (bits !== m) continue;
    let u = 0;
    let bSeen = 0; // position i ascending: an A at i beats every B below it
    for (let i = 0; i < total; i++) {
      if (mask & (1 << i)) u += bSeen;
      else bSeen++;
    }
    counts[u]++;
  }
  return counts;
}

describe('Mann–Whitney U', () => {
  it('exact null distribution equals brute-force enumeration', () => {
    for (const [m, n] of [[1, 1], [2, 2], [3, 4], [5, 2], [6, 6], [1, 9]]) {
      const dist = mannWhitneyExactDistribution(m, n);
      const counts = bruteForceU(m, n);
      const total = counts.reduce((s, c) => s + c, 0);
      assert.equal(dist.length, m * n + 1);
      counts.forEach((c, u) => assertClose(dist[u], c / total, 1e-14, 0, `P(U=${u}; ${m}, ${n})`));
    }
    const big = mannWhitneyExactDistribution(40, 45);
    assertClose(big.reduce((s, p) => s + p, 0), 1, 1e-12);
    for (let u = 0; u < big.length; u++) assertClose(big[u], big[big.length - 1 - u], 1e-12, 1e-300, 'symmetry');
  });

  it('against scipy.stats.mannwhitneyu (exact and asymptotic, with and without continuity)', () => {
    for (const c of MWU) {
      const r = mannWhitneyU(DATA[c.a], DATA[c.b], { method: c.method === 'exact' ? 'exact' : 'normal', continuity: c.continuity });
      const what = `${c.a} vs ${c.b} ${c.method} cc=${c.continuity}`;
      assert.equal(r.method, c.method, what);
      assert.equal(r.u, c.u, `${what} U`);
      assert.equal(r.u + r.uB, r.nA * r.nB);
      assertClose(r.p, c.p, RTOL, 0, `${what} p`);
    }
  });

  it('auto: exact without ties for n < 50, normal with ties or large n', () => {
    assert.equal(mannWhitneyU(DATA.small1, DATA.small2).method, 'exact');
    assert.equal(mannWhitneyU(DATA.mid1, DATA.mid2).method, 'exact');
    assert.equal(mannWhitneyU(DATA.large1, DATA.large2).method, 'normal');
    const tied = mannWhitneyU(DATA.tied1, DATA.tied2, { method: 'exact' });
    assert.equal(tied.method, 'normal');
    assert.ok(tied.ties);
    // an explicit exact request is honoured up to nA·nB = 10⁴, then falls back (cost ∝ (nA·nB)²)
    const seq = (n: number, offset: number): number[] => Array.from({ length: n }, (_, i) => offset + 2 * i);
    const big = mannWhitneyU(seq(100, 0), seq(100, 1), { method: 'exact' });
    assert.equal(big.method, 'exact');
    const normalBig = mannWhitneyU(seq(100, 0), seq(100, 1), { method: 'normal' });
    assertClose(big.p, normalBig.p, 0.01, 0, 'exact ≈ normal at n = 100');
    assert.equal(mannWhitneyU(seq(101, 0), seq(100, 1), { method: 'exact' }).method, 'normal');
  });

  it('identical samples p = 1; all values tied p = 1 and z = 0; n = 1 per arm p = 1; empty arm NaN', () => {
    const same = mannWhitneyU(DATA.small1, DATA.small1);
    assert.equal(same.p, 1);
    assert.equal(same.u, (7 * 7) / 2);
    const allTied = mannWhitneyU([3, 3, 3], [3, 3]);
    assert.equal(allTied.p, 1);
    assert.equal(allTied.z, 0);
    const one = mannWhitneyU([1], [2]);
    assert.equal(one.method, 'exact');
    assert.equal(one.p, 1);
    assert.equal(one.u, 0);
    assert.ok(Number.isNaN(mannWhitneyU([], [1, 2]).p));
  });

  it('complete separation with m = n = 5: exact p = 2 / C(10, 5); NaN entries ignored', () => {
    const r = mannWhitneyU([6, 7, 8, 9, Number.NaN, 10], [1, 2, 3, 4, 5]);
    assert.equal(r.u, 25);
    assertClose(r.p, 2 / 252, 1e-14);
    assert.equal(r.probabilityOfSuperiority, 1);
  });
});

describe('one-way ANOVA', () => {
  it('reproduces R: anova(lm(weight ~ group, PlantGrowth)) as printed (F 4.846, p 0.01591)', () => {
    const r = oneWayAnova([DATA.pg_ctrl, DATA.pg_trt1, DATA.pg_trt2]);
    assertClose(r.f, 4.8461, 0, 5e-5, 'F');
    assertClose(r.p, 0.01591, 0, 5e-6, 'p');
    assertClose(r.ssBetween, 3.7663, 0, 5e-5, 'SS group');
    assertClose(r.ssWithin, 10.4921, 0, 5e-5, 'SS residual');
    assert.equal(r.dfBetween, 2);
    assert.equal(r.dfWithin, 27);
  });

  it('against scipy.stats.f_oneway', () => {
    for (const c of ANOVA) {
      const r = oneWayAnova(c.groups.map((g) => DATA[g]));
      assertClose(r.f, c.f, RTOL, 0, `F ${c.groups}`);
      assertClose(r.p, c.p, RTOL, 0, `p ${c.groups}`);
      assert.equal(r.dfBetween, c.dfBetween);
      assert.equal(r.dfWithin, c.dfWithin);
    }
  });

  it('two groups: F = t² and p equal to the Student t-test', () => {
    const a = oneWayAnova([DATA.sleep1, DATA.sleep2]);
    const t = studentTTest(DATA.sleep1, DATA.sleep2);
    assertClose(a.f, t.t * t.t, 1e-13);
    assertClose(a.p, t.p, 1e-13);
  });

  it('degenerate: fewer than 2 groups, zero within-group variance, or no residual df give NaN; empty groups are dropped', () => {
    assert.ok(Number.isNaN(oneWayAnova([DATA.normA]).p));
    assert.ok(Number.isNaN(oneWayAnova([[1, 1], [2, 2], [3, 3]]).f));
    assert.ok(Number.isNaN(oneWayAnova([[1], [2]]).p));
    const withEmpty = oneWayAnova([DATA.pg_ctrl, [], [Number.NaN], DATA.pg_trt1, DATA.pg_trt2]);
    assert.equal(withEmpty.k, 3);
    assertClose(withEmpty.f, oneWayAnova([DATA.pg_ctrl, DATA.pg_trt1, DATA.pg_trt2]).f, 1e-15);
    assert.equal(oneWayAnova([DATA.normA, DATA.normA]).p, 1);
  });
});

describe('Holm–Bonferroni', () => {
  it('against the step-down formula (incl. R p.adjust doc example 0.01…0.05 → 0.05 0.08 0.09 0.09 0.09)', () => {
    for (const c of HOLM) {
      const adj = holmAdjust(c.p);
      c.adjusted.forEach((v, i) => assertClose(adj[i], v, 1e-15, 0, `Holm[${i}]`));
    }
  });

  it('NaN stays NaN and does not count; empty list; adjusted ≥ raw and capped at 1', () => {
    const adj = holmAdjust([0.02, Number.NaN, 0.01]);
    assert.ok(Number.isNaN(adj[1]));
    assertClose(adj[0], 0.02, 1e-15);
    assertClose(adj[2], 0.02, 1e-15);
    assert.deepEqual(holmAdjust([]), []);
    const ps = [0.3, 0.7, 0.001, 0.5, 0.04];
    holmAdjust(ps).forEach((v, i) => assert.ok(v >= ps[i] && v <= 1));
  });
});

describe("Fisher's exact test", () => {
  it('reproduces R: fisher.test(TeaTasting) p = 0.4857 (two-sided), 0.2429 (greater)', () => {
    const r = fisherExact([[3, 1], [1, 3]]);
    assertClose(r.p, 0.4857, 0, 5e-5);
    assertClose(r.pGreater, 0.2429, 0, 5e-5);
    assert.equal(r.oddsRatio, 9);
  });

  it('against scipy.stats.fisher_exact (two-sided, less, greater)', () => {
    for (const c of FISHER) {
      const r = fisherExact(c.table);
      assertClose(r.p, c.p, RTOL, 0, `p ${JSON.stringify(c.table)}`);
      assertClose(r.pLess, c.pLess, RTOL, 0, `less ${JSON.stringify(c.table)}`);
      assertClose(r.pGreater, c.pGreater, RTOL, 0, `greater ${JSON.stringify(c.table)}`);
      assertClose(r.oddsRatio, c.oddsRatio, 1e-15, 0, 'odds ratio');
    }
  });

  it('invalid cells give NaN; a zero margin gives p = 1', () => {
    assert.ok(Number.isNaN(fisherExact([[1.5, 2], [3, 4]]).p));
    assert.ok(Number.isNaN(fisherExact([[-1, 2], [3, 4]]).p));
    assert.equal(fisherExact([[0, 0], [0, 0]]).p, 1);
    assert.equal(fisherExact([[4, 0], [6, 0]]).p, 1);
  });
});

describe('log-rank test', () => {
  it('reproduces the Freireich 6-MP leukaemia result (χ² = 16.79; Kleinbaum & Klein)', () => {
    const r = logRankTest(SURVIVAL.placebo, SURVIVAL.mp6);
    assertClose(r.chiSquared, 16.79, 0, 5e-3);
    assert.equal(r.observedA, 21);
    assert.equal(r.observedB, 9);
    assertClose(r.expectedA, 10.75, 0, 5e-3);
    assertClose(r.expectedB, 19.25, 0, 5e-3);
  });

  it('against scipy.stats.logrank (signed z and p)', () => {
    for (const c of LOGRANK) {
      const r = logRankTest(SURVIVAL[c.a], SURVIVAL[c.b]);
      assertClose(r.z, c.z, RTOL, 0, `z ${c.a} vs ${c.b}`);
      assertClose(r.p, c.p, RTOL, 0, `p ${c.a} vs ${c.b}`);
      assertClose(r.chiSquared, c.z * c.z, 1e-12, 0, 'χ² = z²');
    }
  });

  it('hand-computed example: A events at 1, 2; B events at 3, 4 → χ² = 49/17', () => {
    // t=1: nA=2, nB=2, d=1 → E_A = 1/2, V = 1/4; t=2: nA=1, nB=2, d=1 → E_A = 1/3, V = 2/9; t=3,4: nA = 0.
    const r = logRankTest({ time: [1, 2], event: [true, true] }, { time: [3, 4], event: [1, 1] });
    assertClose(r.expectedA, 5 / 6, 1e-15);
    assertClose(r.variance, 17 / 36, 1e-15);
    assertClose(r.chiSquared, 49 / 17, 1e-14);
  });

  it('censoring at a tied time counts as still at risk; NaN entries skipped; no events gives NaN', () => {
    // A: event at 5 and censored at 5; B: event at 5. At t=5: nA=2, nB=1, d=2 → E_A = 4/3.
    const r = logRankTest({ time: [5, 5, Number.NaN], event: [1, 0, 1] }, { time: [5], event: [1] });
    assert.equal(r.nA, 2);
    assertClose(r.expectedA, 4 / 3, 1e-15);
    const none = logRankTest({ time: [10, 10], event: [0, 0] }, { time: [10], event: [0] });
    assert.ok(Number.isNaN(none.p) && Number.isNaN(none.chiSquared));
    const same = logRankTest(SURVIVAL.armA, SURVIVAL.armA);
    assert.equal(same.p, 1);
  });
});
