import { defaultRules } from '../microenv/defaultRules.ts';
import { MODEL_NAMES, type ModelName } from './bindings.ts';
import { nearestParameterPath, parameterCatalog, resolveParameterValues } from './catalog.ts';

/**
 * The scenario's `parameters:` section, a map from dotted parameter path to value (scenario units).
 * Before schema validation each entry is checked (known path, a number, inside the plausible range) and
 * written to the scenario field(s) it is bound to when those are absent; a field given with a different
 * value is a conflict. After validation the section becomes the full resolved map (defaults + overrides),
 * which the engine's assembly steps read and the manifest records.
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

/** Checks the `parameters` section and writes bound overrides into a copy of `data`. */
export function applyParameterSection(data: unknown): { data: unknown; issues: RawIssue[] } {
  if (!isObj(data) || data.parameters === undefined) return { data, issues: [] };
  const model = data.model as ModelName;
  if (!MODEL_NAMES.includes(model)) return { data, issues: [] };
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

/**
 * The full resolved map for a parsed scenario, sorted by path: defaults, then the section's overrides,
 * then the values of bound fields the scenario set directly (so the map is what the run used). A
 * parameter bound to several fields keeps the map value unless they all agree; arm-level (`*`) bindings
 * and the rules table are not read back.
 */
export function resolvedParameterSection(parsed: { model: string; parameters?: Readonly<Record<string, number>> }): Record<string, number> {
  const all = resolveParameterValues(parsed.parameters ?? {});
  const model = parsed.model as ModelName;
  for (const def of parameterCatalog().values()) {
    const fields = def.bindings[model];
    if (!fields || fields.some((f) => f.includes('*'))) continue;
    const values = fields.map((f) => getAt(parsed, f.split('.')));
    if (values.every((x) => typeof x === 'number' && x === values[0])) all[def.path] = values[0] as number;
  }
  return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
}
