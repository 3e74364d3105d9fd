#!/usr/bin/env python3
"""Generates test/stats/golden.ts, the golden values of the src/stats tests.

Run from the repository root:  python3 test/stats/make-golden.py > test/stats/golden.ts

Sources, independent of the TypeScript code:
- special functions: mpmath at 50 significant digits (betainc, gammainc, ncdf; quantiles by findroot on those);
- tests and descriptives: SciPy / NumPy (ttest_ind, mannwhitneyu, f_oneway, fisher_exact, logrank, t.interval,
  np.quantile 'linear' = R type 7); Cohen's d, Hedges' g and Holm written out below from their textbook formulas;
- published examples, asserted here against SciPy before writing: R's `sleep` Welch t-test, R's `PlantGrowth`
  ANOVA, R's `TeaTasting` and `Convictions` fisher.test examples, and the Freireich 6-MP leukaemia log-rank
  (chi-squared 16.79, Kleinbaum & Klein, Survival Analysis).
"""
import json
import math
import sys

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 50


def f(x):
    """A float (or list) as a JSON/TS literal; non-finite values as TS expressions."""
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(f(v) for v in x) + "]"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, str):
        return json.dumps(x)
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


def obj(d):
    return "{ " + ", ".join(f"{k}: {f(v)}" for k, v in d.items()) + " }"


out = []
emit = out.append

# ------------------------------------------------------------------------------------------ special functions
def betainc_series(x, a, b):
    """I_x(a, b) = x^a (1-x)^b / (a B(a, b)) 2F1(a+b, 1; a+1; x): all terms positive (used for large a, b)."""
    x, a, b = mp.mpf(x), mp.mpf(a), mp.mpf(b)
    return x ** a * (1 - x) ** b / (a * mp.beta(a, b)) * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10**6)


def betainc(x, a, b):
    try:
        return mp.betainc(a, b, 0, x, regularized=True)
    except ValueError:
        return betainc_series(x, a, b)


def betainc_c(x, a, b):
    """1 - I_x(a, b) = I_{1-x}(b, a) (mpmath's betainc(a, b, x, 1) loses digits when the result is tiny)."""
    return betainc(1 - mp.mpf(x), b, a)


beta_cases = [
    (0.3, 2, 3), (0.5, 0.5, 0.5), (0.01, 0.5, 20), (0.9, 50, 5), (0.45, 200, 300), (0.3, 200, 300), (0.4, 500, 700),
    (1e-5, 2.5, 1.5), (0.5, 5000, 5000), (0.49, 5000, 5000), (0.7, 1e-3, 2), (0.2, 1, 1), (0.99, 7, 0.5),
    (0.05, 30, 0.5), (0.6, 12.3, 45.6), (1e-8, 0.2, 0.3),
]
emit("/** I_x(a, b) and 1 − I_x(a, b), mpmath betainc at 50 digits. */")
emit("export const BETA: { x: number; a: number; b: number; lower: number; upper: number }[] = [")
for x, a, b in beta_cases:
    emit("  " + obj(dict(x=x, a=a, b=b, lower=betainc(mp.mpf(x), a, b), upper=betainc_c(mp.mpf(x), a, b))) + ",")
emit("];")

gamma_cases = [(0.5, 0.1), (0.5, 10), (1, 2), (3.5, 1), (10, 25), (100, 90), (100, 130), (0.1, 5), (50, 1), (2.5, 2.5), (1e3, 1.1e3)]
emit("/** P(a, x) and Q(a, x), mpmath gammainc at 50 digits. */")
emit("export const GAMMA: { a: number; x: number; p: number; q: number }[] = [")
for a, x in gamma_cases:
    emit("  " + obj(dict(a=a, x=x, p=mp.gammainc(a, 0, x, regularized=True), q=mp.gammainc(a, x, mp.inf, regularized=True))) + ",")
emit("];")


def t_cdf(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    x = df / (df + t * t)
    tail = betainc(x, df / 2, mp.mpf(1) / 2) / 2
    return tail if t < 0 else 1 - tail


def t_two(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    return betainc(df / (df + t * t), df / 2, mp.mpf(1) / 2)


t_cases = [(-3, 2.5), (1.5, 7), (0.1, 30), (-40, 3), (5, 100), (2, 17.776), (-8, 1000), (-1e6, 4), (0.7, 1), (-2.2, 2), (3, 0.5), (-12, 60), (1e-9, 9),
           # large df near and beyond |t| = √3, where the textbook continued fraction loses ~1e-11 (regression cases)
           (-2.2064907598317602, 1e6), (2.5, 1e7), (-1.8, 3e5), (10, 1e6), (-35.7, 14305.5), (0.5, 1e7)]
emit("/** Student t CDF and two-sided p, mpmath via I_{ν/(ν+t²)}(ν/2, ½) at 50 digits. */")
emit("export const T_CDF: { t: number; df: number; cdf: number; twoSided: number }[] = [")
for t, df in t_cases:
    emit("  " + obj(dict(t=t, df=df, cdf=t_cdf(t, df), twoSided=t_two(t, df))) + ",")
emit("];")


def t_quantile(p, df):
    p = mp.mpf(p)
    guess = stats.t.ppf(float(p), df)
    if p < 0.5:
        # solve on log tail for a robust, scale-free equation
        return mp.findroot(lambda t: mp.log(t_cdf(t, df)) - mp.log(p), mp.mpf(guess))
    return mp.findroot(lambda t: mp.log(1 - t_cdf(t, df)) - mp.log(1 - p), mp.mpf(guess))


tq_ps = [1e-12, 1e-6, 0.001, 0.025, 0.3, 0.5001, 0.975, 0.999999]
tq_dfs = [1, 2, 3, 4.5, 10, 17.776, 100, 1e4]
emit("/** Student t quantiles, mpmath findroot on the 50-digit CDF (started from SciPy t.ppf). */")
emit("export const T_QUANTILE: { p: number; df: number; t: number }[] = [")
for df in tq_dfs:
    for p in tq_ps:
        emit("  " + obj(dict(p=p, df=df, t=t_quantile(p, df))) + ",")
emit("];")

norm_x = [-38, -20, -8, -3, -1, -1e-8, 0, 0.5, 2, 5, 8.5]
emit("/** Standard normal CDF, mpmath ncdf at 50 digits. */")
emit("export const NORMAL_CDF: { x: number; cdf: number }[] = [")
for x in norm_x:
    emit("  " + obj(dict(x=x, cdf=mp.ncdf(x))) + ",")
emit("];")

norm_p = [1e-300, 1e-50, 1e-10, 0.001, 0.02425, 0.3, 0.5, 0.7, 0.975, 1 - 1e-10, 0.999]
emit("/** Standard normal quantiles, mpmath findroot on ncdf at 50 digits. */")
emit("export const NORMAL_QUANTILE: { p: number; z: number }[] = [")
for p in norm_p:
    if p == 0.5:
        z = mp.mpf(0)
    elif p < 0.5:
        z = mp.findroot(lambda z: mp.log(mp.ncdf(z)) - mp.log(mp.mpf(p)), mp.mpf(stats.norm.ppf(p)))
    else:
        z = mp.findroot(lambda z: mp.log(mp.ncdf(-z)) - mp.log(1 - mp.mpf(p)), mp.mpf(stats.norm.ppf(p)))
    emit("  " + obj(dict(p=p, z=z)) + ",")
emit("];")

f_cases = [(4, 2, 10), (0.5, 3, 27), (4.846, 2, 27), (100, 5, 200), (1.2, 1, 1), (0.01, 10, 3), (30, 3, 3)]
emit("/** F CDF and survival function, mpmath betainc at 50 digits. */")
emit("export const F_DIST: { x: number; d1: number; d2: number; cdf: number; sf: number }[] = [")
for x, d1, d2 in f_cases:
    z = mp.mpf(d1) * x / (mp.mpf(d1) * x + d2)
    emit("  " + obj(dict(x=x, d1=d1, d2=d2, cdf=betainc(z, mp.mpf(d1) / 2, mp.mpf(d2) / 2), sf=betainc_c(z, mp.mpf(d1) / 2, mp.mpf(d2) / 2))) + ",")
emit("];")

chi_cases = [(3.84, 1), (16.79, 1), (0.001, 1), (10, 4), (150, 100), (60, 100), (400, 3), (2.5, 2.5)]
emit("/** χ² CDF and survival function, mpmath gammainc at 50 digits. */")
emit("export const CHI2: { x: number; k: number; cdf: number; sf: number }[] = [")
for x, k in chi_cases:
    emit("  " + obj(dict(x=x, k=k, cdf=mp.gammainc(mp.mpf(k) / 2, 0, mp.mpf(x) / 2, regularized=True), sf=mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True))) + ",")
emit("];")

# ------------------------------------------------------------------------------------------ data sets
rng = np.random.default_rng(20240601)
data = {
    # R datasets::sleep, extra by group
    "sleep1": [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
    "sleep2": [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4],
    "normA": list(np.round(rng.normal(10, 2, 12), 3)),
    "normB": list(np.round(rng.normal(12, 3.5, 15), 3)),
    "small1": list(np.round(rng.normal(0, 1, 7), 3)),
    "small2": list(np.round(rng.normal(0.8, 1, 9), 3)),
    "mid1": list(np.round(rng.normal(0, 1, 20), 4)),
    "mid2": list(np.round(rng.normal(0.5, 1.5, 25), 4)),
    "large1": list(np.round(rng.normal(0, 1, 60), 4)),
    "large2": list(np.round(rng.normal(0.3, 1, 55), 4)),
    "tied1": [int(v) for v in rng.integers(0, 6, 18)],
    "tied2": [int(v) for v in rng.integers(1, 8, 14)],
    "const5": [5.0, 5.0, 5.0, 5.0],
    "skewed": list(np.round(rng.lognormal(0, 1, 30), 4)),
    "pg_ctrl": [4.17, 5.58, 5.18, 6.11, 4.50, 4.61, 5.17, 4.53, 5.33, 5.14],
    "pg_trt1": [4.81, 4.17, 4.41, 3.59, 5.87, 3.83, 6.03, 4.89, 4.32, 4.69],
    "pg_trt2": [6.31, 5.12, 5.54, 5.50, 5.37, 5.29, 4.92, 6.15, 5.80, 5.26],
}
for k in ["small1", "small2", "mid1", "mid2", "large1", "large2"]:
    assert len(set(data[k])) == len(data[k])
assert len(set(data["small1"]) | set(data["small2"])) == 16
assert len(set(data["mid1"]) | set(data["mid2"])) == 45
assert len(set(data["large1"]) | set(data["large2"])) == 115
emit("/** Data sets: R's sleep and PlantGrowth, and NumPy default_rng(20240601) draws rounded as stored here. */")
emit("export const DATA: Record<string, number[]> = {")
for k, v in data.items():
    emit(f"  {k}: {f([float(x) for x in v])},")
emit("};")

# ------------------------------------------------------------------------------------------ descriptives
emit("/** Descriptives: NumPy mean, std(ddof=1), scipy.stats.sem, np.quantile(method='linear'), t.interval. */")
emit("export const DESCRIPTIVE: { data: string; mean: number; sd: number; sem: number; median: number; q: number[]; ciLower: number; ciUpper: number; ci90Lower: number; ci90Upper: number }[] = [")
QPS = [0, 0.1, 0.25, 0.33, 0.5, 0.9, 1]
for k in ["sleep1", "normA", "skewed", "tied1", "pg_trt2"]:
    x = np.array(data[k], dtype=float)
    m = x.mean()
    se = stats.sem(x)
    lo, hi = stats.t.interval(0.95, len(x) - 1, loc=m, scale=se)
    lo9, hi9 = stats.t.interval(0.90, len(x) - 1, loc=m, scale=se)
    emit("  " + obj(dict(data=k, mean=m, sd=x.std(ddof=1), sem=se, median=np.median(x), q=[np.quantile(x, p, method="linear") for p in QPS], ciLower=lo, ciUpper=hi, ci90Lower=lo9, ci90Upper=hi9)) + ",")
emit("];")
emit(f"export const QUANTILE_PS = {f(QPS)};")

# ------------------------------------------------------------------------------------------ t-tests
ex = stats.ttest_ind(data["sleep1"], data["sleep2"], equal_var=False)
assert abs(ex.statistic - -1.8608) < 1e-4 and abs(ex.df - 17.776) < 1e-3 and abs(ex.pvalue - 0.07939) < 1e-5
ci = ex.confidence_interval(0.95)
assert abs(ci.low - -3.3654832) < 1e-7 and abs(ci.high - 0.2054832) < 1e-7
emit("/** Two-sample t-tests: scipy.stats.ttest_ind(equal_var=False / True) and its confidence_interval(). */")
emit("export const TTEST: { a: string; b: string; welch: boolean; level: number; t: number; df: number; p: number; ciLower: number; ciUpper: number }[] = [")
for a, b in [("sleep1", "sleep2"), ("normA", "normB"), ("small1", "small2"), ("mid2", "mid1"), ("const5", "normA"), ("tied1", "tied2")]:
    for welch in [True, False]:
        for level in [0.95, 0.99]:
            r = stats.ttest_ind(data[a], data[b], equal_var=not welch)
            c = r.confidence_interval(level)
            emit("  " + obj(dict(a=a, b=b, welch=welch, level=level, t=r.statistic, df=r.df, p=r.pvalue, ciLower=c.low, ciUpper=c.high)) + ",")
emit("];")

# ------------------------------------------------------------------------------------------ effect sizes
def cohen(a, b):
    a = np.array(a, float)
    b = np.array(b, float)
    na, nb = len(a), len(b)
    sp = math.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
    d = (a.mean() - b.mean()) / sp
    nu = na + nb - 2
    j = math.exp(math.lgamma(nu / 2) - 0.5 * math.log(nu / 2) - math.lgamma((nu - 1) / 2))
    return d, j * d, 1 - 3 / (4 * nu - 1)


emit("/** Cohen's d (pooled SD) and Hedges' g (exact Γ correction), NumPy from the textbook formulas. */")
emit("export const EFFECT: { a: string; b: string; d: number; g: number }[] = [")
for a, b in [("sleep1", "sleep2"), ("normA", "normB"), ("small1", "small2"), ("const5", "normA")]:
    d, g, japprox = cohen(data[a], data[b])
    assert abs(g / d - japprox) < 2e-3  # exact J agrees with the usual 1 − 3/(4ν − 1) approximation
    emit("  " + obj(dict(a=a, b=b, d=d, g=g)) + ",")
emit("];")

# ------------------------------------------------------------------------------------------ Mann–Whitney
emit("/** Mann–Whitney U: scipy.stats.mannwhitneyu(method='exact' / 'asymptotic', use_continuity) U1 and p. */")
emit("export const MWU: { a: string; b: string; method: string; continuity: boolean; u: number; p: number }[] = [")
for a, b, method in [("small1", "small2", "exact"), ("small2", "small1", "exact"), ("mid1", "mid2", "exact"), ("mid2", "mid1", "exact"),
                     ("small1", "small2", "asymptotic"), ("large1", "large2", "asymptotic"), ("tied1", "tied2", "asymptotic"),
                     ("sleep1", "sleep2", "asymptotic"), ("skewed", "large2", "asymptotic")]:
    for cc in ([True, False] if method == "asymptotic" else [True]):
        r = stats.mannwhitneyu(data[a], data[b], method=method, use_continuity=cc, alternative="two-sided")
        emit("  " + obj(dict(a=a, b=b, method="exact" if method == "exact" else "normal", continuity=cc, u=r.statistic, p=r.pvalue)) + ",")
emit("];")

# ------------------------------------------------------------------------------------------ ANOVA
pg = stats.f_oneway(data["pg_ctrl"], data["pg_trt1"], data["pg_trt2"])
assert abs(pg.statistic - 4.846) < 1e-3 and abs(pg.pvalue - 0.01591) < 1e-5
emit("/** One-way ANOVA: scipy.stats.f_oneway. */")
emit("export const ANOVA: { groups: string[]; f: number; dfBetween: number; dfWithin: number; p: number }[] = [")
for groups in [["pg_ctrl", "pg_trt1", "pg_trt2"], ["normA", "normB"], ["small1", "small2", "mid1", "mid2"], ["tied1", "tied2", "skewed"]]:
    r = stats.f_oneway(*[data[g] for g in groups])
    n = sum(len(data[g]) for g in groups)
    emit("  " + obj(dict(groups=groups, f=r.statistic, dfBetween=len(groups) - 1, dfWithin=n - len(groups), p=r.pvalue)) + ",")
emit("];")
# The same F and p from the two-group case must equal the Student t-test: F = t².
tt = stats.ttest_ind(data["normA"], data["normB"])
assert abs(stats.f_oneway(data["normA"], data["normB"]).statistic - tt.statistic ** 2) < 1e-9


# ------------------------------------------------------------------------------------------ Holm
def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    out = [0.0] * m
    run = 0.0
    for r, i in enumerate(order):
        run = max(run, min(1.0, (m - r) * ps[i]))
        out[i] = run
    return out


holm_cases = [[0.01, 0.02, 0.03, 0.04, 0.05], [0.04, 0.001, 0.3, 0.012, 0.0049, 0.9], list(np.round(rng.uniform(0, 0.2, 8), 5))]
assert holm(holm_cases[0]) == [0.05, 0.08, 0.09, 0.09, 0.09] or np.allclose(holm(holm_cases[0]), [0.05, 0.08, 0.09, 0.09, 0.09])
emit("/** Holm adjustment: the step-down formula written out in Python (and R's p.adjust doc example 1). */")
emit("export const HOLM: { p: number[]; adjusted: number[] }[] = [")
for ps in holm_cases:
    emit("  " + obj(dict(p=[float(v) for v in ps], adjusted=holm([float(v) for v in ps]))) + ",")
emit("];")

# ------------------------------------------------------------------------------------------ Fisher
tea = stats.fisher_exact([[3, 1], [1, 3]], alternative="greater")
assert abs(tea.pvalue - 0.2429) < 1e-4
conv = stats.fisher_exact([[2, 15], [10, 3]], alternative="less")  # R fills matrix(c(2, 10, 15, 3), 2) by column
assert abs(conv.pvalue - 0.0004652) < 1e-7
tables = [[[3, 1], [1, 3]], [[2, 15], [10, 3]], [[120, 80], [95, 105]], [[0, 0], [5, 3]], [[0, 5], [5, 0]], [[7, 2], [3, 8]], [[1, 9], [11, 3]], [[10, 10], [10, 10]], [[0, 12], [9, 4]], [[45, 5], [30, 20]]]
emit("/** Fisher's exact test: scipy.stats.fisher_exact, two-sided, less and greater. */")
emit("export const FISHER: { table: [[number, number], [number, number]]; p: number; pLess: number; pGreater: number; oddsRatio: number }[] = [")
for t in tables:
    r2 = stats.fisher_exact(t)
    rl = stats.fisher_exact(t, alternative="less")
    rg = stats.fisher_exact(t, alternative="greater")
    (a, b), (c, d) = t
    orr = (a * d) / (b * c) if b * c else (math.inf if a * d else math.nan)
    emit("  " + obj(dict(table=t, p=r2.pvalue, pLess=rl.pvalue, pGreater=rg.pvalue, oddsRatio=orr)) + ",")
emit("];")

# ------------------------------------------------------------------------------------------ log-rank
surv = {}
# Freireich et al. (1963) 6-MP vs placebo remission times in weeks; 0 = censored.
surv["mp6"] = ([6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35],
               [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0])
surv["placebo"] = ([1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23], [1] * 21)


def study(n, scale, end):
    """Days to 50 % coverage (integer days, so ties), censored at the end of the study."""
    t = np.ceil(rng.exponential(scale, n))
    ev = (t <= end).astype(int)
    return [float(min(v, end)) for v in t], [int(e) for e in ev]


surv["armA"] = study(40, 120, 180)
surv["armB"] = study(35, 80, 180)
surv["armC"] = study(12, 100, 90)


def cd(name):
    t, e = surv[name]
    t = np.array(t, float)
    e = np.array(e, bool)
    return stats.CensoredData(uncensored=t[e], right=t[~e])


lr = stats.logrank(cd("placebo"), cd("mp6"))
assert abs(lr.statistic ** 2 - 16.79) < 0.01
emit("/** Survival data: Freireich 6-MP leukaemia (weeks) and exponential days censored at study end (NumPy rng). */")
emit("export const SURVIVAL: Record<string, { time: number[]; event: number[] }> = {")
for k, (t, e) in surv.items():
    emit(f"  {k}: {{ time: {f([float(v) for v in t])}, event: {f([float(v) for v in e])} }},")
emit("};")
emit("/** Log-rank: scipy.stats.logrank (signed z of the first group; chi-squared = z²). */")
emit("export const LOGRANK: { a: string; b: string; z: number; p: number }[] = [")
for a, b in [("placebo", "mp6"), ("mp6", "placebo"), ("armA", "armB"), ("armB", "armC")]:
    r = stats.logrank(cd(a), cd(b))
    emit("  " + obj(dict(a=a, b=b, z=r.statistic, p=r.pvalue)) + ",")
emit("];")

header = [
    "// GENERATED by test/stats/make-golden.py — do not edit; regenerate with:",
    "//   python3 test/stats/make-golden.py > test/stats/golden.ts",
    f"// Python {sys.version.split()[0]}, NumPy {np.__version__}, SciPy {scipy.__version__}, mpmath {mp.__version__}.",
    "// Special functions: mpmath at 50 digits. Tests: SciPy, after asserting SciPy reproduces the published",
    "// examples (R sleep / PlantGrowth / TeaTasting / Convictions outputs, Freireich 6-MP log-rank chi² 16.79).",
    "/* eslint-disable */",
]
print("\n".join(header + out))
