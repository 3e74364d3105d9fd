/** Analytic test functions with known sensitivity indices and optima (Saltelli et al. 2008, ch. 3; Sobol 1993). */

/** Ishigami function on [−π, π]³ from unit-cube inputs. */
export function ishigami(u: ArrayLike<number>, a = 7, b = 0.1): number {
  const x = [0, 1, 2].map((i) => -Math.PI + 2 * Math.PI * u[i]);
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

/** Analytic first-order and total indices of the Ishigami function. */
export function ishigamiIndices(a = 7, b = 0.1): { S1: number[]; ST: number[] } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = ((b * b * pi8) * 8) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol g-function on the unit cube. */
export function gFunction(u: ArrayLike<number>, a: readonly number[]): number {
  let g = 1;
  for (let i = 0; i < a.length; i++) g *= (Math.abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

/** Analytic indices of the g-function: V_i = 1/(3(1+a_i)²). */
export function gFunctionIndices(a: readonly number[]): { S1: number[]; ST: number[] } {
  const vi = a.map((x) => 1 / (3 * (1 + x) ** 2));
  const prod = vi.reduce((p, x) => p * (1 + x), 1);
  const v = prod - 1;
  return { S1: vi.map((x) => x / v), ST: vi.map((x) => (x * prod) / (1 + x) / v) };
}
