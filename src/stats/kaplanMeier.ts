/**
 * Kaplan–Meier estimation for right-censored times (e.g. days to 50 % hair coverage, censored at the end of
 * a study): the survival curve with Greenwood variance, the median with a Brookmeyer–Crowley 95 % interval
 * (log-log transformed pointwise bands), and the restricted mean time to τ (RMST) with its variance, whose
 * difference between arms is the censoring-aware effect size of a time-to-event endpoint.
 */
import { standardNormalQuantile as normalQuantile } from './special.ts';
import { pow } from '../core/pow.ts';

/** One step of the curve: at `time`, `events` events and `censored` censorings among `atRisk`. */
export interface KmStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  /** S(t) just after `time`. */
  survival: number;
  /** Greenwood variance of S(t). */
  variance: number;
}

/** Kaplan–Meier curve of times (any unit) with event flags (false = censored). NaN times are skipped. */
export function kaplanMeier(time: readonly number[], event: readonly boolean[]): KmStep[] {
  const recs = time.map((t, i) => ({ t, e: event[i] })).filter((r) => !Number.isNaN(r.t)).sort((a, b) => a.t - b.t);
  let atRisk = recs.length;
  let s = 1;
  let greenwood = 0;
  const out: KmStep[] = [];
  for (let i = 0; i < recs.length; ) {
    const t = recs[i].t;
    let d = 0;
    let c = 0;
    while (i < recs.length && recs[i].t === t) {
      if (recs[i].e) d++;
      else c++;
      i++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
    }
    out.push({ time: t, atRisk, events: d, censored: c, survival: s, variance: s * s * greenwood });
    atRisk -= d + c;
  }
  return out;
}

/** Median with its confidence interval (null where the curve or the band never falls to 0.5). */
export interface KmMedian {
  median: number | null;
  low: number | null;
  high: number | null;
  level: number;
}

/**
 * Median time (first time S ≤ 0.5) and its Brookmeyer–Crowley interval: the times where the log-log
 * pointwise band of S crosses 0.5 (lower band → lower limit, upper band → upper limit; null: not reached).
 */
export function kmMedian(steps: readonly KmStep[], level = 0.95): KmMedian {
  const z = normalQuantile(0.5 + level / 2);
  let median: number | null = null;
  let low: number | null = null;
  let high: number | null = null;
  let greenwood = 0;
  for (const st of steps) {
    if (st.events === 0) continue;
    greenwood = st.survival > 0 ? st.variance / (st.survival * st.survival) : Infinity;
    const s = st.survival;
    let lo = 0;
    let hi = 1;
    if (s > 0 && s < 1 && Number.isFinite(greenwood)) {
      // log(−log S) band (Kalbfleisch–Prentice), always within (0, 1)
      const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
      lo = pow(s, Math.exp(z * se));
      hi = pow(s, Math.exp(-z * se));
    } else if (s >= 1) lo = hi = 1;
    if (median === null && s <= 0.5) median = st.time;
    // the lower band crosses 0.5 first (lower limit), the upper band last (upper limit)
    if (low === null && lo <= 0.5) low = st.time;
    if (high === null && hi <= 0.5) high = st.time;
  }
  return { median, low, high, level };
}

/** Restricted mean time to τ (area under S from 0 to τ) and its variance (Klein & Moeschberger). */
export function restrictedMean(steps: readonly KmStep[], tau: number): { rmst: number; variance: number } {
  const ev = steps.filter((s) => s.events > 0 && s.time <= tau);
  let area = 0;
  let prevT = 0;
  let prevS = 1;
  const areaAfter: number[] = [];
  for (const s of ev) {
    area += prevS * (s.time - prevT);
    prevT = s.time;
    prevS = s.survival;
  }
  area += prevS * (tau - prevT);
  // A_j = area under S from t_j to τ
  for (let j = 0; j < ev.length; j++) {
    let a = 0;
    for (let k = j; k < ev.length; k++) a += ev[k].survival * ((k + 1 < ev.length ? ev[k + 1].time : tau) - ev[k].time);
    areaAfter.push(a);
  }
  let variance = 0;
  ev.forEach((s, j) => {
    if (s.atRisk > s.events) variance += (areaAfter[j] * areaAfter[j] * s.events) / (s.atRisk * (s.atRisk - s.events));
  });
  return { rmst: area, variance };
}

/** Difference of restricted means (A − B) with a normal-theory interval (arms treated as independent). */
export function rmstDifference(a: readonly KmStep[], b: readonly KmStep[], tau: number, level = 0.95): { estimate: number; low: number; high: number } {
  const ra = restrictedMean(a, tau);
  const rb = restrictedMean(b, tau);
  const z = normalQuantile(0.5 + level / 2);
  const se = Math.sqrt(ra.variance + rb.variance);
  const d = ra.rmst - rb.rmst;
  return { estimate: d, low: d - z * se, high: d + z * se };
}
