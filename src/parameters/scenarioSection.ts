import { defaultRules } from '../microenv/defaultRules.ts';
import { MODEL_NAMES, type ModelName } from './bindings.ts';
import { nearestParameterPath, parameterCatalog, resolveParameterValues } from './catalog.ts';

/**
 * The scenario's `parameters:` section, a map from dotted parameter path to value (scenario units).
 * Before schema validation each entry is checked (known path, a number, inside the plausible range) and
 * written to the scenario field(s) it is bound to when those are absent; a field given with a different
 * value is a conflict. Validation then records the full resolved map in `parameterValues` (the manifest
 * keeps it); the assembly steps read the same values (overrides over the catalog defaults). A resolved
 * scenario validates again unchanged: its bound fields equal its overrides, and `parameterValues` is
 * recomputed, never read.
 */

/** A problem with the raw scenario data, located by its data path. */
export interface RawIssue {
  path: PropertyKey[];
  value?: unknown;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Concrete paths a binding pattern reaches in `data` (expanding `*`, skipping absent `?` segments). */
function expand(data: unknown, segments: readonly string[], prefix: (string | number)[] = []): (string | number)[][] {
  if (segments.length === 0) return [prefix];
  const [seg, ...rest] = segments;
  if (seg === '*') {
    if (!Array.isArray(data)) return [];
    return data.flatMap((el, i) => expand(el, rest, [...prefix, i]));
  }
  const optional = seg.endsWith('?');
  const key = optional ? seg.slice(0, -1) : seg;
  if (rest.length === 0) return [[...prefix, key]];
  const child = isObj(data) ? data[key] : undefined;
  if (optional && child === undefined) return [];
  if (child !== undefined && !isObj(child) && !Array.isArray(child)) return []; // the schema will report the wrong type
  return expand(child ?? {}, rest, [...prefix, key]);
}

function getAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const k of path) cur = isObj(cur) || Array.isArray(cur) ? (cur as Obj)[k as string] : undefined;
  return cur;
}

function setAt(data: Obj, path: readonly (string | number)[], value: unknown): void {
  let cur: Obj = data;
  for (const k of path.slice(0, -1)) {
    if (cur[k] === undefined) cur[k] = {};
    cur = cur[k] as Obj;
  }
  cur[path[path.length - 1]] = value;
}

const fmt = (x: unknown) => (typeof x === 'number' ? String(x) : JSON.stringify(x));

/** Whether a rules list holds the rule `<signal>.<behaviour>` with `field` equal to value. */
function ruleHas(rules: unknown, key: string, value: number): boolean {
  const [signal, behaviour, field] = key.split('.');
  return Array.isArray(rules) && rules.some((r) => isObj(r) && r.signal === signal && r.behaviour === behaviour && r[field] === value);
}

/** Checks the `parameters` section and writes bound overrides into a copy of `data`. */
export function applyParameterSection(raw: unknown): { data: unknown; issues: RawIssue[] } {
  if (!isObj(raw)) return { data: raw, issues: [] };
  // output only: a resolved scenario fed back in is recomputed from `parameters`
  const { parameterValues: _recomputed, ...data } = raw;
  if (data.parameters === undefined) return { data, issues: [] };
  const model = data.model as ModelName;
  if (!MODEL_NAMES.includes(model)) {
    // never ignore an override silently: models outside the catalog's bindings cannot take them yet
    const empty = isObj(data.parameters) && Object.keys(data.parameters).length === 0;
    return { data, issues: empty ? [] : [{ path: ['parameters'], value: data.parameters, message: `parameter overrides are not supported for model '${String(data.model)}' yet (its parameters are listed in docs/model.md with ranges; change them in code)` }] };
  }
  const section = data.parameters;
  if (!isObj(section)) {
    return { data, issues: [{ path: ['parameters'], value: section, message: 'must be a map from parameter path to number (see `follisim params`)' }] };
  }
  const out = structuredClone(data);
  const issues: RawIssue[] = [];
  const catalog = parameterCatalog();
  const ruleOverrides: Record<string, number> = {};
  for (const [path, value] of Object.entries(section)) {
    const at = ['parameters', path];
    const def = catalog.get(path);
    if (!def) {
      issues.push({ path: at, message: `unknown parameter '${path}' (did you mean '${nearestParameterPath(path)}'? \`follisim params\` lists them)` });
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ path: at, value, message: `expected a number (${def.unit})` });
      continue;
    }
    if (value < def.min || value > def.max) {
      issues.push({ path: at, value, message: `out of range: allowed ${def.min} to ${def.max} ${def.unit} (plausible range; default ${def.value})` });
      continue;
    }
    if (path.startsWith('rules.')) {
      const env = out.microenvironment;
      if (model === 'patchDelivery') continue; // no rules in a delivery run: the value is recorded, nothing reads it
      if (isObj(env) && env.rules !== undefined) {
        if (ruleHas(env.rules, path.slice('rules.'.length), value)) continue; // e.g. a resolved scenario fed back in
        issues.push({ path: at, value, message: `conflicts with microenvironment.rules: rules.* parameters set the default rules table; edit the rules list instead` });
        continue;
      }
      ruleOverrides[path.slice('rules.'.length)] = value;
      continue;
    }
    for (const pattern of def.bindings[model] ?? []) {
      for (const field of expand(out, pattern.split('.'))) {
        const current = getAt(out, field);
        const name = field.join('.');
        if (current === undefined) setAt(out, field, value);
        else if (current !== value) issues.push({ path: at, value, message: `conflicts with ${name} = ${fmt(current)}: set the field or the parameter, not both` });
      }
    }
  }
  if (Object.keys(ruleOverrides).length > 0) {
    const rules = defaultRules((k) => ruleOverrides[k] ?? catalog.get(`rules.${k}`)!.value);
    setAt(out, ['microenvironment', 'rules'], rules);
  }
  return { data: out, issues };
}

/** Every catalog parameter at the value the run uses (defaults + the section's overrides), sorted by path. */
export function resolvedParameterValues(overrides: Readonly<Record<string, number>> | undefined): Record<string, number> {
  const all = resolveParameterValues(overrides ?? {});
  return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
}
