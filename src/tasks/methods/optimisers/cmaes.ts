import { symmetricEigen } from '../../../core/symmetricEigen.ts';
import { project, type OptimiserMethod, type OptimiserOptions, type OptimiserRun } from './types.ts';
import { pow } from '../../../core/pow.ts';

/**
 * CMA-ES (μ/μ_w, λ) with rank-one and rank-μ covariance updates and cumulative step-size adaptation, after
 * Hansen's tutorial (arXiv:1604.00772, 2016, Table 1 defaults). One generation of λ points is one batch, so
 * the points of a generation can run in parallel. Bounds: a sample outside the unit cube is redrawn (up to
 * 10 times) and then projected; the update uses the point actually evaluated.
 */
function* cmaes(x0: Float64Array, o: OptimiserOptions): OptimiserRun {
  const n = x0.length;
  const lambda = 4 + Math.floor(3 * Math.log(n));
  const mu = Math.floor(lambda / 2);
  const wRaw = Array.from({ length: mu }, (_, i) => Math.log((lambda + 1) / 2) - Math.log(i + 1));
  const wSum = wRaw.reduce((a, b) => a + b, 0);
  const w = wRaw.map((x) => x / wSum);
  const mueff = 1 / w.reduce((a, b) => a + b * b, 0);
  const cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
  const cs = (mueff + 2) / (n + mueff + 5);
  const c1 = 2 / ((n + 1.3) ** 2 + mueff);
  const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
  const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  const ftol = o.fTolerance ?? 1e-10;
  const xtol = o.xTolerance ?? 1e-7;

  const m = project(Float64Array.from(x0));
  let sigma = o.step ?? 0.3;
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) C[i * n + i] = 1;
  const pc = new Float64Array(n);
  const ps = new Float64Array(n);
  let B: Float64Array = new Float64Array(C);
  let D: Float64Array = new Float64Array(n).fill(1);
  let used = 0;
  let best = { x: Float64Array.from(m), f: Number.POSITIVE_INFINITY };
  let reason: 'converged' | 'budget' = 'budget';
  let gen = 0;
  while (used + lambda <= o.budget) {
    if (gen % Math.max(1, Math.floor(1 / (10 * n * (c1 + cmu)))) === 0) {
      // C = B·diag(D²)·Bᵀ (B's columns are eigenvectors)
      const e = symmetricEigen(C, n);
      B = e.v;
      D = e.w.map((v) => Math.sqrt(Math.max(v, 1e-300)));
    }
    gen++;
    const xs: Float64Array[] = [];
    for (let k = 0; k < lambda; k++) {
      const x = new Float64Array(n);
      for (let attempt = 0; attempt < 10; attempt++) {
        const z = Float64Array.from({ length: n }, () => o.rng.normal());
        let inside = true;
        for (let i = 0; i < n; i++) {
          let y = 0;
          for (let j = 0; j < n; j++) y += B[i * n + j] * D[j] * z[j];
          x[i] = m[i] + sigma * y;
          if (x[i] < 0 || x[i] > 1) inside = false;
        }
        if (inside) break;
      }
      xs.push(project(x));
    }
    const f = yield xs;
    used += lambda;
    const idx = f.map((_, i) => i).sort((a, b) => f[a] - f[b]);
    if (f[idx[0]] < best.f) best = { x: Float64Array.from(xs[idx[0]]), f: f[idx[0]] };
    const old = Float64Array.from(m);
    m.fill(0);
    for (let k = 0; k < mu; k++) for (let i = 0; i < n; i++) m[i] += w[k] * xs[idx[k]][i];
    // C^{-1/2} (m - old) / sigma
    const dm = Float64Array.from(m, (v, i) => (v - old[i]) / sigma);
    const t = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += B[i * n + j] * dm[i];
      t[j] = s / D[j];
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += B[i * n + j] * t[j];
      ps[i] = (1 - cs) * ps[i] + Math.sqrt(cs * (2 - cs) * mueff) * s;
    }
    const psNorm = Math.hypot(...ps);
    const hsig = psNorm / Math.sqrt(1 - pow(1 - cs, 2 * gen)) / chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
    for (let i = 0; i < n; i++) pc[i] = (1 - cc) * pc[i] + hsig * Math.sqrt(cc * (2 - cc) * mueff) * dm[i];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rmu = 0;
        for (let k = 0; k < mu; k++) rmu += w[k] * ((xs[idx[k]][i] - old[i]) / sigma) * ((xs[idx[k]][j] - old[j]) / sigma);
        C[i * n + j] = (1 - c1 - cmu) * C[i * n + j] + c1 * (pc[i] * pc[j] + (1 - hsig) * cc * (2 - cc) * C[i * n + j]) + cmu * rmu;
      }
    }
    sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
    let maxSd = 0;
    for (let i = 0; i < n; i++) maxSd = Math.max(maxSd, sigma * Math.sqrt(C[i * n + i]));
    if (maxSd < xtol || Math.abs(f[idx[lambda - 1]] - f[idx[0]]) <= ftol * (1 + Math.abs(f[idx[0]])) && maxSd < 1e3 * xtol) {
      reason = 'converged';
      break;
    }
  }
  return { x: best.x, f: best.f, evaluations: used, reason };
}

export const cmaesMethod: OptimiserMethod = {
  name: 'cmaes',
  description: 'CMA-ES (Hansen 2016 defaults), one generation per batch; bounds by resampling then projection',
  run: cmaes,
};
