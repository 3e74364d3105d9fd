/** Two-group log-rank test for censored survival data (e.g. days to 50 % hair coverage). */
import { ascending } from './descriptive.ts';
import { chiSquaredSf } from './special.ts';

// ---------------------------------------------------------------------------------------------- log-rank

/**
 * Right-censored survival data of one arm: `time[i]` is the time to the event or to censoring (e.g. days to
 * 50 % hair coverage, censored at the end of the study), `event[i]` is 1/true for an observed event and
 * 0/false for censoring. Entries with NaN time or event, or beyond `event.length`, are skipped.
 */
export interface SurvivalSample {
  time: ArrayLike<number>;
  event: ArrayLike<number> | ArrayLike<boolean>;
}

/** Result of the two-group log-rank test. */
export interface LogRankResult {
  /** (O_A − E_A)² / V on 1 df. */
  chiSquared: number;
  df: 1;
  p: number;
  /** Signed (O_A − E_A) / √V: negative when A has fewer events than expected (A survives longer). */
  z: number;
  observedA: number;
  expectedA: number;
  observedB: number;
  expectedB: number;
  /** Hypergeometric variance V of O_A − E_A. */
  variance: number;
  nA: number;
  nB: number;
}

interface SurvivalRecord {
  time: number;
  event: boolean;
  a: boolean;
}

function survivalRecords(s: SurvivalSample, a: boolean, out: SurvivalRecord[]): number {
  let n = 0;
  const len = Math.min(s.time.length, s.event.length);
  for (let i = 0; i < len; i++) {
    const t = s.time[i];
    const e = Number(s.event[i]);
    if (Number.isNaN(t) || Number.isNaN(e)) continue;
    out.push({ time: t, event: e !== 0, a });
    n++;
  }
  return n;
}

/**
 * Log-rank (Mantel–Cox) test of equal survival in two arms, with the hypergeometric variance (handles tied
 * event times). At a tied time, censored subjects count as at risk for the events at that time.
 * Degenerate: chiSquared, z and p are NaN when there are no events or V = 0.
 */
export function logRankTest(a: SurvivalSample, b: SurvivalSample): LogRankResult {
  const recs: SurvivalRecord[] = [];
  const nA = survivalRecords(a, true, recs);
  const nB = survivalRecords(b, false, recs);
  recs.sort((x, y) => ascending(x.time, y.time));
  let atRiskA = nA;
  let atRiskB = nB;
  let observedA = 0;
  let observedB = 0;
  let expectedA = 0;
  let variance = 0;
  for (let s = 0; s < recs.length; ) {
    let e = s;
    let dA = 0;
    let dB = 0;
    let remA = 0;
    let remB = 0;
    while (e < recs.length && recs[e].time === recs[s].time) {
      const r = recs[e];
      if (r.a) {
        remA++;
        if (r.event) dA++;
      } else {
        remB++;
        if (r.event) dB++;
      }
      e++;
    }
    const d = dA + dB;
    const nRisk = atRiskA + atRiskB;
    if (d > 0) {
      observedA += dA;
      observedB += dB;
      expectedA += (d * atRiskA) / nRisk;
      if (nRisk > 1) variance += (d * atRiskA * atRiskB * (nRisk - d)) / (nRisk * nRisk * (nRisk - 1));
    }
    atRiskA -= remA;
    atRiskB -= remB;
    s = e;
  }
  const expectedB = observedA + observedB - expectedA;
  const ok = variance > 0;
  const diff = observedA - expectedA;
  const chiSquared = ok ? (diff * diff) / variance : Number.NaN;
  return {
    chiSquared,
    df: 1,
    p: ok ? chiSquaredSf(chiSquared, 1) : Number.NaN,
    z: ok ? diff / Math.sqrt(variance) : Number.NaN,
    observedA,
    expectedA,
    observedB,
    expectedB,
    variance,
    nA,
    nB,
  };
}
