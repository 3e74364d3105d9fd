import type { Parameter } from '../core/parameter.ts';
import { BINDINGS, type Binding } from './bindings.ts';
import { PARAMETER_GROUPS, type ParameterGroup } from './groups.ts';

/** A catalog entry: the parameter, its dotted path, its group, and the scenario fields it is bound to. */
export interface ParameterDef extends Parameter {
  path: string;
  group: ParameterGroup;
  /** Scenario field(s) per model whose default this parameter is (empty: injected into the engine). */
  bindings: Binding;
}

let catalog: ReadonlyMap<string, ParameterDef> | undefined;

/** Every model parameter by dotted path (`mouse.cycle.anagenMeanDays`, `ros.h2o2ClearancePerS`, ...). */
export function parameterCatalog(): ReadonlyMap<string, ParameterDef> {
  if (catalog) return catalog;
  const m = new Map<string, ParameterDef>();
  for (const group of PARAMETER_GROUPS) {
    for (const [key, p] of Object.entries(group.set)) {
      const path = `${group.prefix}.${key}`;
      if (m.has(path)) throw new Error(`duplicate parameter path ${path}`);
      m.set(path, { ...p, path, group, bindings: BINDINGS[path] ?? {} });
    }
  }
  for (const path of Object.keys(BINDINGS)) if (!m.has(path)) throw new Error(`binding for unknown parameter ${path}`);
  catalog = m;
  return m;
}

/** Resolved parameter values by dotted path (scenario units, as in the catalog). */
export type ParameterValues = Readonly<Record<string, number>>;

/** Every parameter at its default. */
export function defaultParameterValues(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, def] of parameterCatalog()) out[path] = def.value;
  return out;
}

/** Defaults with the given overrides applied (unknown paths are the caller's problem: validate first). */
export function resolveParameterValues(overrides: ParameterValues = {}): Record<string, number> {
  return { ...defaultParameterValues(), ...overrides };
}

/** Reads values by path, falling back to the default; an unknown path is a programming error. */
export function parameterReader(values: ParameterValues = {}): (path: string) => number {
  const cat = parameterCatalog();
  return (path) => {
    const v = values[path];
    if (v !== undefined) return v;
    const def = cat.get(path);
    if (!def) throw new Error(`unknown parameter path '${path}'`);
    return def.value;
  };
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** The known path closest to `path` (case-insensitive edit distance; the last segment weighs most). */
export function nearestParameterPath(path: string): string {
  let best = '';
  let bestScore = Infinity;
  const lower = path.toLowerCase();
  const last = lower.split('.').pop() ?? lower;
  for (const known of parameterCatalog().keys()) {
    const k = known.toLowerCase();
    const score = editDistance(lower, k) + editDistance(last, k.split('.').pop() ?? k);
    if (score < bestScore) {
      bestScore = score;
      best = known;
    }
  }
  return best;
}
