import type { RandomStream } from '../../core/random/stream.ts';
import { permutation } from './designs.ts';

/**
 * Morris elementary-effects screening (Morris 1991) with the μ* measure of Campolongo, Cariboni & Saltelli
 * (2007). A trajectory starts at a random point of a p-level grid on the unit cube and moves one factor at a
 * time by ±Δ, Δ = p / (2(p − 1)), in a random order; r trajectories cost r(k + 1) model runs.
 */

/** A Morris design: r trajectories of k + 1 points each, row-major r(k+1) × k. */
export interface MorrisDesign {
  k: number;
  trajectories: number;
  levels: number;
  delta: number;
  points: Float64Array;
}

/**
 * Builds r trajectories for k factors on a p-level grid (p even, ≥ 2). With `candidates` > r, r of that
 * many random trajectories are kept, chosen to spread over the cube (Campolongo et al. 2007's distance,
 * maximised greedily as in Ruano et al. 2012 instead of by enumerating all subsets).
 */
export function morrisDesign(k: number, trajectories: number, levels: number, rng: RandomStream, candidates = trajectories): MorrisDesign {
  if (candidates > trajectories) return selectSpread(morrisDesign(k, candidates, levels, rng), trajectories);
  if (!(k >= 1 && trajectories >= 2 && levels >= 2 && levels % 2 === 0)) {
    throw new RangeError(`Morris design needs k >= 1, r >= 2 and an even number of levels >= 2 (got k=${k}, r=${trajectories}, p=${levels})`);
  }
  const delta = levels / (2 * (levels - 1));
  const stride = (k + 1) * k;
  const points = new Float64Array(trajectories * stride);
  const x = new Float64Array(k);
  for (let t = 0; t < trajectories; t++) {
    for (let i = 0; i < k; i++) x[i] = rng.int(levels) / (levels - 1);
    const o = t * stride;
    points.set(x, o);
    const order = permutation(k, rng);
    for (let s = 0; s < k; s++) {
      const i = order[s];
      // step up where the grid allows it, otherwise down: both keep the point on the grid in [0, 1]
      x[i] = x[i] + delta <= 1 + 1e-12 ? x[i] + delta : x[i] - delta;
      points.set(x, o + (s + 1) * k);
    }
  }
  return { k, trajectories, levels, delta, points };
}

/** Campolongo's distance between trajectories a and b: the sum of Euclidean distances over all point pairs. */
function trajectoryDistance(points: Float64Array, k: number, a: number, b: number): number {
  const n = k + 1;
  let d = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let z = 0; z < k; z++) s += (points[(a * n + i) * k + z] - points[(b * n + j) * k + z]) ** 2;
      d += Math.sqrt(s);
    }
  }
  return d;
}

/** Keeps r of the design's trajectories: the farthest pair first, then each time the one adding most Σd². */
function selectSpread(all: MorrisDesign, r: number): MorrisDesign {
  const { k, trajectories: m, points } = all;
  const d2 = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) d2[a * m + b] = d2[b * m + a] = trajectoryDistance(points, k, a, b) ** 2;
  let first = [0, 1];
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) if (d2[a * m + b] > d2[first[0] * m + first[1]]) first = [a, b];
  const chosen = [...first];
  while (chosen.length < r) {
    let best = -1;
    let bestGain = -1;
    for (let c = 0; c < m; c++) {
      if (chosen.includes(c)) continue;
      let gain = 0;
      for (const s of chosen) gain += d2[c * m + s];
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    chosen.push(best);
  }
  chosen.sort((a, b) => a - b);
  const stride = (k + 1) * k;
  const out = new Float64Array(r * stride);
  chosen.forEach((t, i) => out.set(points.subarray(t * stride, (t + 1) * stride), i * stride));
  return { ...all, trajectories: r, points: out };
}

/** Elementary effects and their summaries per factor (in output units per unit of the normalised factor). */
export interface MorrisIndices {
  /** Mean elementary effect (signed: effects of opposite sign cancel). */
  mu: Float64Array;
  /** Mean absolute elementary effect (Campolongo 2007): the ranking measure. */
  muStar: Float64Array;
  /** Sample SD of the elementary effects: non-linearity or interactions. */
  sigma: Float64Array;
  /** Elementary effects, row-major trajectories × k. */
  effects: Float64Array;
}

/** μ, μ*, σ from model outputs `y` in design order (NaN outputs leave that effect out). */
export function morrisIndices(design: MorrisDesign, y: ArrayLike<number>): MorrisIndices {
  const { k, trajectories: r, points } = design;
  const effects = new Float64Array(r * k).fill(Number.NaN);
  for (let t = 0; t < r; t++) {
    const base = t * (k + 1);
    for (let s = 0; s < k; s++) {
      const a = (base + s) * k;
      const b = (base + s + 1) * k;
      let i = 0;
      while (i < k && points[a + i] === points[b + i]) i++;
      effects[t * k + i] = (y[base + s + 1] - y[base + s]) / (points[b + i] - points[a + i]);
    }
  }
  const mu = new Float64Array(k);
  const muStar = new Float64Array(k);
  const sigma = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let n = 0;
    let s = 0;
    let sa = 0;
    for (let t = 0; t < r; t++) {
      const e = effects[t * k + i];
      if (Number.isNaN(e)) continue;
      n++;
      s += e;
      sa += Math.abs(e);
    }
    mu[i] = s / n;
    muStar[i] = sa / n;
    let ss = 0;
    for (let t = 0; t < r; t++) {
      const e = effects[t * k + i];
      if (!Number.isNaN(e)) ss += (e - mu[i]) ** 2;
    }
    sigma[i] = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN;
  }
  return { mu, muStar, sigma, effects };
}
