import type { RandomStream } from '../../../core/random/stream.ts';
import { cmaesMethod } from './cmaes.ts';
import { nelderMeadMethod } from './nelderMead.ts';
import type { Batch, OptimiserMethod, OptimiserResult } from './types.ts';

/** Optimisation methods by name (COPASI-style: a calibration names its method; new ones register here). */
const methods = new Map<string, OptimiserMethod>();

/** Adds an optimiser; a second one under the same name is an error. */
export function registerOptimiser(method: OptimiserMethod): void {
  if (methods.has(method.name)) throw new Error(`optimiser '${method.name}' is already registered`);
  methods.set(method.name, method);
}

/** The optimiser registered under `name`; an error lists the known names. */
export function getOptimiser(name: string): OptimiserMethod {
  const m = methods.get(name);
  if (!m) throw new Error(`unknown optimiser '${name}' (known: ${optimiserNames().join(', ')})`);
  return m;
}

/** Names of the registered optimisers, sorted. */
export function optimiserNames(): string[] {
  return [...methods.keys()].sort();
}

registerOptimiser(nelderMeadMethod);
registerOptimiser(cmaesMethod);

/** One evaluated point of a multi-start run. */
export interface TraceEntry {
  evaluation: number;
  start: number;
  f: number;
  best: number;
}

export interface MultiStartResult extends OptimiserResult {
  starts: OptimiserResult[];
  trace: TraceEntry[];
}

/**
 * Runs `method` from x0, then restarts from uniform random points while the total budget lasts (up to
 * `restarts` more runs), keeping the best; each start gets an equal share of the budget that remains.
 */
export function* multiStart(method: OptimiserMethod, x0: Float64Array, budget: number, restarts: number, rng: RandomStream, step?: number): Generator<Batch, MultiStartResult, number[]> {
  const starts: OptimiserResult[] = [];
  const trace: TraceEntry[] = [];
  let used = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let s = 0; s <= restarts && used < budget; s++) {
    const start = s === 0 ? x0 : Float64Array.from(x0, () => rng.uniform());
    const share = Math.floor((budget - used) / (restarts - s + 1));
    const run = method.run(start, { budget: Math.max(1, share), rng, step });
    let next = run.next([]);
    while (!next.done) {
      const values = yield next.value;
      for (const f of values) {
        used++;
        best = Math.min(best, f);
        trace.push({ evaluation: used, start: s, f, best });
      }
      next = run.next(values);
    }
    starts.push(next.value);
  }
  const top = starts.reduce((a, b) => (b.f < a.f ? b : a));
  return { ...top, evaluations: used, starts, trace };
}

/** Drives a batch generator with a synchronous objective (tests, cheap objectives). */
export function drive<T>(gen: Generator<Batch, T, number[]>, f: (x: Float64Array) => number): T {
  let next = gen.next([]);
  while (!next.done) next = gen.next(next.value.map(f));
  return next.value;
}
