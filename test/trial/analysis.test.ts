import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ancova, nForPower, normalPower, pairedDifference, proportionDifference, summarizeChange, wilson } from '../../src/trial/analysis.ts';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

it('mean ± SD and t interval against hand values', () => {
  const s = summarizeChange([1, 2, 3, 4, 5]);
  close(s.mean, 3, 1e-12, 'mean');
  close(s.sd, Math.sqrt(2.5), 1e-12, 'sd');
  // t(0.975, 4) = 2.776445105
  close(s.hi - s.mean, 2.776445105 * Math.sqrt(2.5) / Math.sqrt(5), 1e-8, 'half width');
});

it('Wilson interval: 8 of 10 → (0.4902, 0.9433); Newcombe difference contains the point estimate', () => {
  const w = wilson(8, 10);
  close(w.lo, 0.490162, 1e-5, 'lo');
  close(w.hi, 0.943318, 1e-5, 'hi');
  const d = proportionDifference(wilson(30, 50), wilson(15, 50));
  close(d.estimate, 0.3, 1e-12, 'difference');
  // Newcombe (1998) method 10 for 30/50 vs 15/50: 0.1060 to 0.4657 (computed from the Wilson limits)
  assert.ok(d.lo > 0.1 && d.lo < 0.12 && d.hi > 0.45 && d.hi < 0.48, `${d.lo} ${d.hi}`);
});

it('ANCOVA equals the closed form for two groups: Δ = (ȳ₁ − ȳ₀) − γ(x̄₁ − x̄₀), γ the pooled within-group slope', () => {
  const x0 = [10, 12, 14, 16, 18, 20];
  const y0 = [1.2, 0.7, 2.9, 2.1, 3.8, 4.4];
  const x1 = [11, 13, 15, 17, 19, 21, 23];
  const y1 = [5.0, 5.9, 6.1, 7.9, 7.2, 9.4, 9.9];
  const m = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const sxy = (x: number[], y: number[]) => x.reduce((s, xi, i) => s + (xi - m(x)) * (y[i] - m(y)), 0);
  const sxx = (x: number[]) => x.reduce((s, xi) => s + (xi - m(x)) ** 2, 0);
  const gamma = (sxy(x0, y0) + sxy(x1, y1)) / (sxx(x0) + sxx(x1));
  const delta = m(y1) - m(y0) - gamma * (m(x1) - m(x0));
  const r = ancova([...y0, ...y1], [...x0.map(() => 0), ...x1.map(() => 1)], [...x0, ...x1], 2, 0);
  close(r.baselineSlope, gamma, 1e-10, 'slope');
  close(r.differences[0].estimate, delta, 1e-10, 'difference');
  // residual variance and SE of Δ: s² = RSS/(n − 3), SE² = s²(1/n₀ + 1/n₁ + (x̄₁ − x̄₀)²/Sxx,within)
  let rss = 0;
  x0.forEach((x, i) => (rss += (y0[i] - m(y0) - gamma * (x - m(x0))) ** 2));
  x1.forEach((x, i) => (rss += (y1[i] - m(y1) - gamma * (x - m(x1))) ** 2));
  const s2 = rss / (13 - 3);
  const se = Math.sqrt(s2 * (1 / 6 + 1 / 7 + (m(x1) - m(x0)) ** 2 / (sxx(x0) + sxx(x1))));
  close(r.differences[0].se, se, 1e-10, 'SE');
  assert.equal(r.df, 10);
});

it('power by normal approximation: Δ = σ gives n = 16 per arm for 80 %, 22 for 90 %', () => {
  assert.equal(nForPower(1, 1, 0.8), 16);
  assert.equal(nForPower(1, 1, 0.9), 22);
  close(normalPower(1, 1, 16), 0.8, 0.01, 'power at n = 16');
  close(normalPower(0, 1, 100), 0.025, 1e-9, 'no effect → α/2 tail');
});

it('paired difference: the one-sample t on a − b (hand values), far tighter than two independent samples when subjects differ a lot', () => {
  // subjects differ by hundreds; the treatment adds 2 ± 1 to each
  const b = [100, 250, 400, 175, 320, 90];
  const a = b.map((x, i) => x + [1, 3, 2, 2, 1, 3][i]);
  const d = pairedDifference(a, b);
  close(d.estimate, 2, 1e-12, 'mean difference');
  close(d.sd, Math.sqrt(0.8), 1e-12, 'sd of the differences');
  // t(0.975, 5) = 2.570581836
  close(d.hi - d.estimate, (2.570581836 * Math.sqrt(0.8)) / Math.sqrt(6), 1e-8, 'half width');
  // t = 2/(√0.8/√6) = 5.4772; two-sided p with 5 df from the closed form for odd df,
  // 1 − (2/π)(θ + sinθ cosθ (1 + ⅔cos²θ)), θ = atan(t/√5): 0.00276496030130
  close(d.p, 0.0027649603013, 1e-10, 'p');
  const unpaired = ancova([...a, ...b], [...a.map(() => 1), ...b.map(() => 0)], [...b, ...b], 2, 0);
  assert.ok(d.se < unpaired.differences[0].se || Number.isNaN(unpaired.differences[0].se), 'pairing removes the between-subject spread');
  // degenerate inputs
  assert.equal(pairedDifference([1, 2], [1, 2]).p, 1);
  assert.ok(Number.isNaN(pairedDifference([1], [0]).sd));
  assert.throws(() => pairedDifference([1, 2], [1]), /differ in length/);
});
