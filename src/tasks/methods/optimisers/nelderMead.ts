import { project, type OptimiserMethod, type OptimiserOptions, type OptimiserRun } from './types.ts';

/**
 * Nelder–Mead simplex (Nelder & Mead 1965) with the standard coefficients (reflection 1, expansion 2,
 * contraction ½, shrink ½), bounded by projection: every trial point is clamped into the unit cube before
 * it is evaluated, so the simplex can slide along a bound. Evaluations are asked one at a time (the method
 * is sequential), except the initial simplex and a shrink, which are asked as one batch.
 */
function* nelderMead(x0: Float64Array, o: OptimiserOptions): OptimiserRun {
  const d = x0.length;
  const step = o.step ?? 0.2;
  const ftol = o.fTolerance ?? 1e-8;
  const xtol = o.xTolerance ?? 1e-6;
  let used = 0;
  const simplex: Float64Array[] = [project(Float64Array.from(x0))];
  for (let i = 0; i < d; i++) {
    const v = Float64Array.from(simplex[0]);
    v[i] = v[i] + step <= 1 ? v[i] + step : v[i] - step;
    simplex.push(project(v));
  }
  const first = Math.min(simplex.length, o.budget);
  const f0 = yield simplex.slice(0, first);
  used += first;
  const f = f0.slice();
  if (first < simplex.length) {
    const i = f.indexOf(Math.min(...f));
    return { x: simplex[i], f: f[i], evaluations: used, reason: 'budget' };
  }
  const order = (): void => {
    const idx = f.map((_, i) => i).sort((a, b) => f[a] - f[b]);
    const s = idx.map((i) => simplex[i]);
    const v = idx.map((i) => f[i]);
    for (let i = 0; i <= d; i++) {
      simplex[i] = s[i];
      f[i] = v[i];
    }
  };
  const along = (c: Float64Array, w: Float64Array, t: number): Float64Array => {
    const p = new Float64Array(d);
    for (let i = 0; i < d; i++) p[i] = c[i] + t * (w[i] - c[i]);
    return project(p);
  };
  let reason: 'converged' | 'budget' = 'budget';
  while (used < o.budget) {
    order();
    let size = 0;
    for (let i = 1; i <= d; i++) for (let j = 0; j < d; j++) size = Math.max(size, Math.abs(simplex[i][j] - simplex[0][j]));
    // converged when the simplex is small and flat (both, as SciPy's xatol/fatol), or degenerate
    if ((size <= xtol && Math.abs(f[d] - f[0]) <= ftol * (1 + Math.abs(f[0]))) || size <= xtol * 1e-3) {
      reason = 'converged';
      break;
    }
    const c = new Float64Array(d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) c[j] += simplex[i][j] / d;
    const xr = along(c, simplex[d], -1);
    const [fr] = yield [xr];
    used++;
    if (fr < f[0]) {
      if (used >= o.budget) {
        simplex[d] = xr;
        f[d] = fr;
        break;
      }
      const xe = along(c, simplex[d], -2);
      const [fe] = yield [xe];
      used++;
      if (fe < fr) {
        simplex[d] = xe;
        f[d] = fe;
      } else {
        simplex[d] = xr;
        f[d] = fr;
      }
      continue;
    }
    if (fr < f[d - 1]) {
      simplex[d] = xr;
      f[d] = fr;
      continue;
    }
    if (used >= o.budget) break;
    // contraction: outside when the reflected point beats the worst, inside otherwise
    const outside = fr < f[d];
    const xc = along(c, simplex[d], outside ? -0.5 : 0.5);
    const [fc] = yield [xc];
    used++;
    if (fc < (outside ? fr : f[d])) {
      simplex[d] = xc;
      f[d] = fc;
      continue;
    }
    const n = Math.min(d, o.budget - used);
    if (n <= 0) break;
    const shrunk = [];
    for (let i = 1; i <= n; i++) shrunk.push(along(simplex[0], simplex[i], 0.5));
    const fs = yield shrunk;
    used += n;
    for (let i = 1; i <= n; i++) {
      simplex[i] = shrunk[i - 1];
      f[i] = fs[i - 1];
    }
  }
  order();
  return { x: simplex[0], f: f[0], evaluations: used, reason };
}

export const nelderMeadMethod: OptimiserMethod = {
  name: 'nelder-mead',
  description: 'Nelder–Mead simplex, bounds by projection; sequential (one evaluation per step)',
  run: nelderMead,
};
