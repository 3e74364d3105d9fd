import { RandomStream } from '../core/random/stream.ts';
import { parameterCatalog } from '../parameters/catalog.ts';
import { validateScenario } from '../scenario/index.ts';
import type { MouseStudyScenario } from '../scenario/schema.ts';
import type { ArmSummary } from './aggregate.ts';

/**
 * Do the arm orderings survive parameter uncertainty? A Latin-hypercube Monte Carlo over the
 * assumption-labelled parameters of the mouse study, each within its catalog range, set through the
 * scenario's `parameters:` section: the probability that the test arm reaches the coverage threshold
 * before each comparator, and the parameters that drive each ordering (Spearman rank correlation with the
 * difference in days). Callable from a script (scripts/ordering-uncertainty.ts) and from a report; the
 * sweeps branch's sensitivity task may replace it.
 */

/** Assumption-labelled parameters the mouse study reads, excluding those bound to scenario fields (set there). */
export function assumptionParameterPaths(): string[] {
  return [...parameterCatalog().values()]
    .filter((p) => p.provenance.kind === 'assumption' && p.group.models.includes('mouseStudy') && Object.keys(p.bindings).length === 0 && p.max > p.min)
    .map((p) => p.path)
    .sort();
}

/** n points in [0,1)^d, one per stratum in every dimension (Latin hypercube). */
export function latinHypercube(n: number, d: number, rng: RandomStream): number[][] {
  const pts = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      [perm[i], perm[k]] = [perm[k], perm[i]];
    }
    for (let i = 0; i < n; i++) pts[i][j] = (perm[i] + rng.uniform()) / n;
  }
  return pts;
}

/** Value at quantile u of a parameter's range: log-uniform when the range spans a decade or more. */
export function rangeValue(min: number, max: number, u: number): number {
  return min > 0 && max / min >= 10 ? min * Math.pow(max / min, u) : min + (max - min) * u;
}

/** Spearman rank correlation (average ranks for ties; NaN when either side is constant). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const idx = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
      for (let k = i; k <= j; k++) r[idx[k]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(x);
  const ry = rank(y);
  const n = x.length;
  const mx = rx.reduce((s, a) => s + a, 0) / n;
  const my = ry.reduce((s, a) => s + a, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

export interface OrderingOptions {
  samples: number;
  seed: number;
  /** Arm whose lead is in question and the arms it is compared with (ids in the scenario). */
  test: string;
  comparators: readonly string[];
  /** Parameter paths to vary (default: every assumption-labelled one). */
  paths?: readonly string[];
  /** Runs one study and returns its arms (e.g. runMouseStudyTask(...).arms). */
  runStudy: (s: MouseStudyScenario, seed: number) => readonly ArmSummary[];
  onSample?: (done: number, total: number) => void;
}

export interface OrderingResult {
  samples: number;
  parameters: string[];
  /** Per comparator: P(test reaches the threshold before it), and the share of samples where neither did. */
  probabilities: Record<string, { pBefore: number; neitherReached: number }>;
  /** Per comparator: the five parameters with the largest |Spearman ρ| against (days test − days comparator). */
  drivers: Record<string, { path: string; rho: number }[]>;
  note: string;
}

/** Runs the Monte Carlo on a raw scenario (the YAML object; its own `parameters:` are kept unless varied). */
export function orderingUncertainty(raw: Readonly<Record<string, unknown>>, opts: OrderingOptions): OrderingResult {
  const cat = parameterCatalog();
  const paths = [...(opts.paths ?? assumptionParameterPaths())];
  const pts = latinHypercube(opts.samples, paths.length, RandomStream.fromSeed(opts.seed, ['ordering', 'lhs']));
  const values: number[][] = [];
  const diffs: Record<string, number[]> = Object.fromEntries(opts.comparators.map((c) => [c, []]));
  const before: Record<string, number> = Object.fromEntries(opts.comparators.map((c) => [c, 0]));
  const neither: Record<string, number> = Object.fromEntries(opts.comparators.map((c) => [c, 0]));
  const base = (raw.parameters ?? {}) as Record<string, number>;
  pts.forEach((u, s) => {
    const set = Object.fromEntries(paths.map((p, j) => [p, rangeValue(cat.get(p)!.min, cat.get(p)!.max, u[j])]));
    const r = validateScenario({ ...raw, parameters: { ...base, ...set } });
    if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(`sample ${s}: ${JSON.stringify(r.ok ? r.value.model : r.issues.slice(0, 3))}`);
    const arms = opts.runStudy(r.value, opts.seed);
    values.push(paths.map((p) => set[p]));
    const end = r.value.durationDays;
    const days = (id: string) => arms.find((a) => a.id === id)?.daysToThreshold ?? null;
    const t = days(opts.test);
    for (const c of opts.comparators) {
      const d = days(c);
      if (t !== null && (d === null || t < d)) before[c]++;
      if (t === null && d === null) neither[c]++;
      // censored medians count as the end of the study plus one day for the ranking
      diffs[c].push((t ?? end + 1) - (d ?? end + 1));
    }
    opts.onSample?.(s + 1, opts.samples);
  });
  const n = opts.samples;
  return {
    samples: n,
    parameters: paths,
    probabilities: Object.fromEntries(opts.comparators.map((c) => [c, { pBefore: before[c] / n, neitherReached: neither[c] / n }])),
    drivers: Object.fromEntries(
      opts.comparators.map((c) => [
        c,
        paths
          .map((p, j) => ({ path: p, rho: spearman(values.map((v) => v[j]), diffs[c]) }))
          .filter((x) => Number.isFinite(x.rho))
          .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho))
          .slice(0, 5),
      ]),
    ),
    note: `Latin hypercube of ${n} samples over ${paths.length} assumption-labelled parameters (uniform, log-uniform over ranges of a decade or more); "before" compares Kaplan-Meier medians of days to the threshold (a censored median never comes first). With fewer samples than parameters the rank correlations are screening hints, not estimates.`,
  };
}
