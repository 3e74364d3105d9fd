import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  count,
  dropNaN,
  mean,
  meanConfidenceInterval,
  median,
  quantile,
  quantiles,
  sd,
  sem,
  summarize,
  variance,
} from '../../src/stats/index.ts';
import { assertClose } from './close.ts';
import { DATA, DESCRIPTIVE, QUANTILE_PS } from './golden.ts';

// Golden values: NumPy mean / std(ddof=1) / quantile(method='linear', = R type 7), scipy.stats.sem and
// scipy.stats.t.interval (test/stats/make-golden.py → golden.ts). Observed agreement ≤ 1e-14 relative.
const RTOL = 1e-12;

/** The data with NaN (missing values) interleaved; results must not change. */
function withMissing(xs: number[]): number[] {
  const out: number[] = [Number.NaN];
  for (const x of xs) out.push(x, Number.NaN);
  return out;
}

describe('descriptive statistics against NumPy/SciPy', () => {
  for (const c of DESCRIPTIVE) {
    for (const [label, xs] of [['plain', DATA[c.data]], ['with NaN', withMissing(DATA[c.data])], ['Float64Array', Float64Array.from(DATA[c.data])]] as const) {
      it(`${c.data} (${label})`, () => {
        assertClose(mean(xs), c.mean, RTOL, 1e-15, 'mean');
        assertClose(sd(xs), c.sd, RTOL, 0, 'sd');
        assertClose(variance(xs), c.sd * c.sd, RTOL, 0, 'variance');
        assertClose(sem(xs), c.sem, RTOL, 0, 'sem');
        assertClose(median(xs), c.median, RTOL, 0, 'median');
        const qs = quantiles(xs, QUANTILE_PS);
        QUANTILE_PS.forEach((p, i) => {
          assertClose(qs[i], c.q[i], RTOL, 1e-15, `q${p}`);
          assertClose(quantile(xs, p), c.q[i], RTOL, 1e-15, `quantile ${p}`);
        });
        const ci = meanConfidenceInterval(xs);
        assertClose(ci.lower, c.ciLower, RTOL, 1e-15, 'CI lower');
        assertClose(ci.upper, c.ciUpper, RTOL, 1e-15, 'CI upper');
        assert.equal(ci.n, DATA[c.data].length);
        assert.equal(ci.df, DATA[c.data].length - 1);
        const ci90 = meanConfidenceInterval(xs, 0.9);
        assertClose(ci90.lower, c.ci90Lower, RTOL, 1e-15, '90 % CI lower');
        assertClose(ci90.upper, c.ci90Upper, RTOL, 1e-15, '90 % CI upper');
        const s = summarize(xs);
        assert.equal(s.n, DATA[c.data].length);
        assertClose(s.mean, c.mean, RTOL, 1e-15, 'summary mean');
        assertClose(s.sd, c.sd, RTOL, 0, 'summary sd');
        assertClose(s.sem, c.sem, RTOL, 0, 'summary sem');
        assertClose(s.q1, c.q[2], RTOL, 1e-15, 'summary q1');
        assertClose(s.median, c.median, RTOL, 0, 'summary median');
        assert.equal(s.min, c.q[0]);
        assert.equal(s.max, c.q[c.q.length - 1]);
      });
    }
  }
});

describe('descriptive statistics: edge cases', () => {
  it('empty and all-NaN samples give NaN', () => {
    for (const xs of [[], [Number.NaN, Number.NaN]]) {
      assert.equal(count(xs), 0);
      assert.ok(Number.isNaN(mean(xs)));
      assert.ok(Number.isNaN(sd(xs)));
      assert.ok(Number.isNaN(median(xs)));
      const s = summarize(xs);
      assert.ok(Number.isNaN(s.mean) && Number.isNaN(s.min) && Number.isNaN(s.max) && s.n === 0);
    }
  });

  it('n = 1: mean and median defined, SD, SEM and CI are NaN', () => {
    const xs = [Number.NaN, 3.5];
    assert.equal(mean(xs), 3.5);
    assert.equal(median(xs), 3.5);
    assert.equal(quantile(xs, 0.9), 3.5);
    assert.ok(Number.isNaN(sd(xs)));
    assert.ok(Number.isNaN(sem(xs)));
    const ci = meanConfidenceInterval(xs);
    assert.equal(ci.mean, 3.5);
    assert.ok(Number.isNaN(ci.lower) && Number.isNaN(ci.upper));
  });

  it('constant sample: SD 0, CI collapses to the mean', () => {
    const xs = [2.25, 2.25, 2.25, 2.25];
    assert.equal(sd(xs), 0);
    const ci = meanConfidenceInterval(xs);
    assert.equal(ci.lower, 2.25);
    assert.equal(ci.upper, 2.25);
  });

  it('quantile: type 7 by hand, p outside [0, 1] is NaN, infinities are kept', () => {
    // x = 1, 2, 4, 8: h = 3p; p = 0.5 → 2 + 0.5·2 = 3; p = 0.9 → h = 2.7 → 4 + 0.7·4 = 6.8
    assert.equal(quantile([8, 1, 4, 2], 0.5), 3);
    assertClose(quantile([8, 1, 4, 2], 0.9), 6.8, 1e-15);
    assert.ok(Number.isNaN(quantile([1, 2], 1.5)));
    assert.ok(Number.isNaN(quantile([1, 2], -0.1)));
    assert.ok(Number.isNaN(quantile([1, 2], Number.NaN)));
    assert.equal(quantile([1, 2, Number.POSITIVE_INFINITY], 1), Number.POSITIVE_INFINITY);
    assert.equal(median([Number.NEGATIVE_INFINITY, 1, 2]), 1);
    assert.equal(mean([1, Number.POSITIVE_INFINITY]), Number.POSITIVE_INFINITY);
  });

  it('dropNaN keeps order; the mean and variance are stable for large offsets', () => {
    assert.deepEqual([...dropNaN([3, Number.NaN, 1, 2])], [3, 1, 2]);
    // 1e9 + {1, 2, 3, 4}: exact mean 1e9 + 2.5, variance 5/3 (a naive Σx² − n·m² formula loses all digits)
    const xs = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4];
    assert.equal(mean(xs), 1e9 + 2.5);
    assertClose(variance(xs), 5 / 3, 1e-15);
    // 0.1 ten times: mean exactly representable result 0.1 after correction
    assert.equal(mean(new Array<number>(10).fill(0.1)), 0.1);
  });
});
