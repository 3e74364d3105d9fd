import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chiSquaredCdf,
  chiSquaredSf,
  fCdf,
  fSf,
  logBeta,
  logGamma,
  regularizedBeta,
  regularizedBetaComplement,
  regularizedGammaP,
  regularizedGammaQ,
  standardNormalCdf,
  standardNormalQuantile,
  standardNormalSf,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
  studentTTwoSidedP,
} from '../../src/stats/index.ts';
import { assertClose } from './close.ts';
import { BETA, CHI2, F_DIST, GAMMA, NORMAL_CDF, NORMAL_QUANTILE, T_CDF, T_QUANTILE } from './golden.ts';

// Golden values: mpmath at 50 digits (test/stats/make-golden.py → golden.ts). Observed errors are ≤ 5e-14
// relative; quantiles near the median are limited by the conditioning of p − ½ (absolute 1e-16 in p).
const RTOL = 1e-13;

describe('special functions against 50-digit mpmath', () => {
  it('regularized incomplete beta I_x(a, b) and its complement', () => {
    for (const c of BETA) {
      assertClose(regularizedBeta(c.x, c.a, c.b), c.lower, RTOL, 0, `I_${c.x}(${c.a}, ${c.b})`);
      assertClose(regularizedBetaComplement(c.x, c.a, c.b), c.upper, RTOL, 0, `1 − I_${c.x}(${c.a}, ${c.b})`);
    }
  });

  it('regularized incomplete gamma P(a, x) and Q(a, x)', () => {
    for (const c of GAMMA) {
      assertClose(regularizedGammaP(c.a, c.x), c.p, RTOL, 0, `P(${c.a}, ${c.x})`);
      assertClose(regularizedGammaQ(c.a, c.x), c.q, RTOL, 0, `Q(${c.a}, ${c.x})`);
    }
  });

  it('Student t CDF, survival function and two-sided p', () => {
    for (const c of T_CDF) {
      assertClose(studentTCdf(c.t, c.df), c.cdf, RTOL, 0, `F_t(${c.t}; ${c.df})`);
      assertClose(studentTSf(-c.t, c.df), c.cdf, RTOL, 0, `S_t(${-c.t}; ${c.df})`);
      assertClose(studentTTwoSidedP(c.t, c.df), c.twoSided, RTOL, 0, `p_t(${c.t}; ${c.df})`);
    }
  });

  it('Student t quantile', () => {
    for (const c of T_QUANTILE) {
      assertClose(studentTQuantile(c.p, c.df), c.t, RTOL, 1e-16, `t_${c.p}(${c.df})`);
    }
  });

  it('standard normal CDF and quantile (AS 241)', () => {
    for (const c of NORMAL_CDF) {
      assertClose(standardNormalCdf(c.x), c.cdf, RTOL, 0, `Φ(${c.x})`);
      assertClose(standardNormalSf(-c.x), c.cdf, RTOL, 0, `1 − Φ(${-c.x})`);
    }
    for (const c of NORMAL_QUANTILE) assertClose(standardNormalQuantile(c.p), c.z, RTOL, 1e-16, `Φ⁻¹(${c.p})`);
  });

  it('F and χ² CDFs and survival functions', () => {
    for (const c of F_DIST) {
      assertClose(fCdf(c.x, c.d1, c.d2), c.cdf, RTOL, 0, `F(${c.x}; ${c.d1}, ${c.d2})`);
      assertClose(fSf(c.x, c.d1, c.d2), c.sf, RTOL, 0, `S_F(${c.x}; ${c.d1}, ${c.d2})`);
    }
    for (const c of CHI2) {
      assertClose(chiSquaredCdf(c.x, c.k), c.cdf, RTOL, 0, `χ²(${c.x}; ${c.k})`);
      assertClose(chiSquaredSf(c.x, c.k), c.sf, RTOL, 0, `S_χ²(${c.x}; ${c.k})`);
    }
  });
});

describe('special functions: closed forms and identities', () => {
  const xs = [1e-12, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.77, 0.9, 0.999];

  it('I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const x of xs) {
      assertClose(regularizedBeta(x, 1, 1), x, 1e-14, 0, `I_${x}(1,1)`);
      for (const a of [0.3, 2, 7.5, 40]) assertClose(regularizedBeta(x, a, 1), x ** a, 1e-13, 0, `I_${x}(${a},1)`);
      for (const b of [0.3, 2, 7.5, 40]) {
        assertClose(regularizedBetaComplement(x, 1, b), (1 - x) ** b, 1e-13, 0, `1 − I_${x}(1,${b})`);
      }
    }
  });

  it('symmetry I_x(a, b) = 1 − I_{1−x}(b, a) and I_½(a, a) = ½', () => {
    // dyadic x, so that 1 − x is exact and the identity is tested, not the rounding of 1 − x
    for (const x of [2 ** -40, 2 ** -10, 0.0625, 0.25, 0.5, 0.75, 0.9375, 1 - 2 ** -20]) {
      for (const [a, b] of [[0.5, 3], [4, 9], [30, 2.5], [120, 80]]) {
        assertClose(regularizedBeta(x, a, b), regularizedBetaComplement(1 - x, b, a), 1e-12, 1e-300, `sym ${x} ${a} ${b}`);
        assertClose(regularizedBeta(x, a, b) + regularizedBetaComplement(x, a, b), 1, 1e-15, 0, `sum ${x} ${a} ${b}`);
      }
    }
    for (const a of [0.1, 1, 3.3, 50, 2000]) assertClose(regularizedBeta(0.5, a, a), 0.5, 1e-13, 0, `I_½(${a},${a})`);
  });

  it('P(1, x) = 1 − e^{−x}; P(½, x) = erf(√x) via Φ; P + Q = 1; χ²₂ is exponential', () => {
    for (const x of [1e-8, 0.3, 1, 4, 20, 80]) {
      assertClose(regularizedGammaQ(1, x), Math.exp(-x), 1e-14, 0, `Q(1,${x})`);
      assertClose(regularizedGammaP(1, x), -Math.expm1(-x), 1e-14, 0, `P(1,${x})`);
      assertClose(chiSquaredSf(2 * x, 2), Math.exp(-x), 1e-14, 0, `χ²₂ sf`);
      assertClose(regularizedGammaQ(0.5, x), 2 * standardNormalSf(Math.sqrt(2 * x)), 1e-13, 0, `Q(½,${x})`);
      for (const a of [0.2, 3, 45]) assertClose(regularizedGammaP(a, x) + regularizedGammaQ(a, x), 1, 1e-15, 0, 'P+Q');
    }
  });

  it('t with df = 1 is Cauchy and df = 2 has a closed form; F(1, ν) is t²', () => {
    for (const t of [-1e8, -30, -2, -0.5, 0, 1e-6, 0.3, 1, 4, 1e5]) {
      assertClose(studentTCdf(t, 1), t < 0 ? Math.atan(-1 / t) / Math.PI : 0.5 + Math.atan(t) / Math.PI, 1e-14, 0, `Cauchy ${t}`);
      // F(t) = ½ + t / (2√(2 + t²)), rewritten without cancellation for t < 0
      const r = Math.sqrt(2 + t * t);
      assertClose(studentTCdf(t, 2), t < 0 ? 1 / (r * (r - t)) : 0.5 + t / (2 * r), 1e-14, 0, `t2 ${t}`);
      assertClose(studentTPdf(t, 1), 1 / (Math.PI * (1 + t * t)), 1e-14, 0, `Cauchy pdf ${t}`);
      for (const nu of [1, 3.5, 12, 300]) assertClose(fSf(t * t, 1, nu), studentTTwoSidedP(t, nu), 1e-13, 0, `F(1,${nu})`);
    }
    // far tail of the Cauchy quantile: −cot(πp) = −1/(πp) + πp/3 + (πp)³/45 + O(p⁵)
    for (const p of [1e-9, 1e-6]) assertClose(studentTQuantile(p, 1), -1 / (Math.PI * p) + (Math.PI * p) / 3, 1e-14, 0, `Cauchy q ${p}`);
    for (const p of [0.01, 0.2, 0.5, 0.6, 0.975]) {
      assertClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-13, 1e-16, `Cauchy q ${p}`);
      assertClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-13, 1e-16, `t2 q ${p}`);
    }
  });

  it('quantiles invert their CDFs, across df including non-integer and huge', () => {
    for (const df of [0.3, 1, 1.5, 2, 3, 7.25, 29, 1e3, 1e6, Number.POSITIVE_INFINITY]) {
      for (const p of [1e-15, 1e-6, 0.01, 0.3, 0.7, 0.99, 1 - 1e-9]) {
        const t = studentTQuantile(p, df);
        const back = p < 0.5 ? studentTCdf(t, df) : studentTSf(t, df);
        assertClose(back, p < 0.5 ? p : 1 - p, 1e-12, 0, `round trip df=${df} p=${p}`);
      }
    }
    for (const p of [1e-300, 1e-20, 0.001, 0.4, 0.5, 0.8, 1 - 2 ** -40]) {
      const z = standardNormalQuantile(p);
      // relative condition number of Φ at z is about z², so allow a few ulps times z² on top of 1e-14
      assertClose(p < 0.5 ? standardNormalCdf(z) : standardNormalSf(z), p < 0.5 ? p : 1 - p, 1e-14 + 5e-16 * z * z, 0, `Φ round trip ${p}`);
    }
  });

  it('logBeta matches logGamma for small arguments and is finite for large ones', () => {
    for (const [a, b] of [[0.5, 0.5], [2, 3], [9.9, 0.1], [12, 15], [30, 40]]) {
      assertClose(logBeta(a, b), logGamma(a) + logGamma(b) - logGamma(a + b), 1e-13, 1e-14, `lnB(${a},${b})`);
    }
    // B(3, b) = 2 / (b (b+1) (b+2)) and B(a, a) at a = 1e9 by Stirling: ln √(2π) + (2a − 1) ln ½ − ½ ln a … checked
    // through B(1, b) = 1/b and B(2, b) = 1/(b (b+1)) for large b, where ln Γ differences would cancel.
    for (const b of [1e3, 1e6, 1e9, 123456.5]) {
      assertClose(logBeta(3, b), Math.log(2) - Math.log(b) - Math.log(b + 1) - Math.log(b + 2), 1e-14, 0, `lnB(3,${b})`);
      assertClose(logBeta(1, b), -Math.log(b), 1e-14, 0, `lnB(1,${b})`);
      assertClose(logBeta(b, 2), -Math.log(b) - Math.log(b + 1), 1e-14, 0, `lnB(${b},2)`);
    }
    assert.ok(Number.isFinite(logBeta(1e9, 1e9)));
  });

  it('edge arguments give limits or NaN, never throw', () => {
    assert.equal(regularizedBeta(0, 2, 3), 0);
    assert.equal(regularizedBeta(1, 2, 3), 1);
    assert.ok(Number.isNaN(regularizedBeta(1.2, 2, 3)));
    assert.ok(Number.isNaN(regularizedBeta(0.5, -1, 3)));
    assert.ok(Number.isNaN(regularizedGammaP(0, 1)));
    assert.equal(regularizedGammaP(2, 0), 0);
    assert.equal(studentTCdf(Number.POSITIVE_INFINITY, 3), 1);
    assert.equal(studentTCdf(Number.NEGATIVE_INFINITY, 3), 0);
    assert.equal(studentTTwoSidedP(0, 3), 1);
    assert.ok(Number.isNaN(studentTCdf(Number.NaN, 3)));
    assert.ok(Number.isNaN(studentTCdf(1, 0)));
    assert.equal(studentTCdf(1.3, Number.POSITIVE_INFINITY), standardNormalCdf(1.3));
    assert.equal(studentTQuantile(0, 4), Number.NEGATIVE_INFINITY);
    assert.equal(studentTQuantile(1, 4), Number.POSITIVE_INFINITY);
    assert.equal(studentTQuantile(0.5, 4), 0);
    assert.ok(Number.isNaN(studentTQuantile(1.5, 4)));
    assert.equal(standardNormalQuantile(0), Number.NEGATIVE_INFINITY);
    assert.ok(Number.isNaN(standardNormalQuantile(Number.NaN)));
    assert.equal(fSf(0, 2, 3), 1);
    assert.equal(chiSquaredSf(-1, 2), 1);
    assert.ok(Number.isNaN(chiSquaredSf(1, 0)));
  });
});
