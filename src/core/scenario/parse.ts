import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { MAX_ALIAS_COUNT, scenarioTextIssues } from './limits.ts';
import { describeAllowed, schemaAt } from './schemaAt.ts';

/** One problem found in a scenario: where (dotted path, line), what was there, and what is allowed. */
export interface ScenarioIssue {
  path: string;
  line?: number;
  value?: unknown;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

/**
 * Steps around schema validation: `prepare` rewrites the raw data first (e.g. writes a `parameters:`
 * override into the field it is bound to) and reports problems by data path; `finish` completes a valid
 * value (e.g. resolves the full parameter map).
 */
export interface ParseHooks<T> {
  prepare?(data: unknown): { data: unknown; issues: { path: PropertyKey[]; value?: unknown; message: string }[] };
  finish?(value: T): T;
}

/** Formats an issue as one line: `file:line: path = value: message`. */
export function formatIssue(issue: ScenarioIssue, source = 'scenario'): string {
  const where = issue.line !== undefined ? `${source}:${issue.line}` : source;
  const path = issue.path || '(root)';
  const value = issue.value === undefined ? '' : ` = ${preview(issue.value)}`;
  return `${where}: ${path}${value}: ${issue.message}`;
}

function preview(v: unknown): string {
  // JSON would print NaN and Infinity as null, which hides what the file said (YAML `.nan`, `.inf`)
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function lineAt(doc: Document | undefined, lc: LineCounter | undefined, path: readonly PropertyKey[]): number | undefined {
  if (!doc || !lc) return undefined;
  // Walk down as far as the document goes, so a missing key reports its parent's line; report the line
  // of the key itself (where a person looks), falling back to the value's.
  for (let depth = path.length; depth >= 0; depth--) {
    if (depth > 0) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
      if (isMap(parent)) {
        const key = path[depth - 1];
        const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key);
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return lc.linePos(range[0]).line;
      }
    }
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}

/** Turns zod issues into scenario issues with values, allowed ranges and (for YAML/JSON text) line numbers. */
export function explainZodIssues(
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  doc?: Document,
  lc?: LineCounter,
): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const iss of issues) {
    const path = iss.path as PropertyKey[];
    if (iss.code === 'unrecognized_keys') {
      const allowed = describeAllowed(schemaAt(schema, path, data));
      for (const key of iss.keys) {
        const p = [...path, key];
        out.push({ path: p.join('.'), line: lineAt(doc, lc, p), message: `unknown key '${key}'${allowed ? ` (${allowed})` : ''}` });
      }
      continue;
    }
    const value = valueAt(data, path);
    const allowed = describeAllowed(schemaAt(schema, path, data));
    let message: string;
    const missing = value === undefined;
    switch (iss.code) {
      case 'invalid_type':
        message = value === undefined ? `is required (${allowed ?? `expected ${iss.expected}`})` : `expected ${allowed ?? iss.expected}`;
        break;
      case 'too_small':
      case 'too_big':
        message = rangeMessage(iss, allowed);
        break;
      case 'invalid_union': {
        // a discriminated union reports its options; the data cannot pick a branch to describe
        const options = (iss as { options?: unknown[] }).options;
        const what = missing ? 'is required' : 'not allowed';
        message = options?.length ? `${what}: one of: ${options.map((o) => JSON.stringify(o)).join(', ')}` : allowed ? `${what}: ${allowed}` : iss.message;
        break;
      }
      case 'invalid_value':
        message = allowed ? `${missing ? 'is required' : 'not allowed'}: ${allowed}` : iss.message;
        break;
      case 'invalid_format':
        message = `not allowed: ${iss.message}`;
        break;
      default:
        message = allowed && iss.code !== 'custom' ? `${iss.message} (allowed: ${allowed})` : iss.message;
    }
    out.push({ path: path.join('.'), line: lineAt(doc, lc, path), value, message });
  }
  return out;
}

/** The range message of a too_small/too_big issue: arrays count entries, numbers state the range. */
function rangeMessage(iss: z.core.$ZodIssue, allowed: string | undefined): string {
  const i = iss as { origin?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean };
  if (i.origin === 'array' || i.origin === 'string') {
    const unit = i.origin === 'array' ? 'entries' : 'characters';
    return iss.code === 'too_small' ? `too short: needs at least ${i.minimum} ${unit}` : `too long: allowed at most ${i.maximum} ${unit}`;
  }
  if (allowed) return `out of range: allowed ${allowed}`;
  const bound = iss.code === 'too_small' ? `${i.inclusive ? '>=' : '>'} ${i.minimum}` : `${i.inclusive ? '<=' : '<'} ${i.maximum}`;
  return `out of range: allowed a number ${bound}`;
}

/** The line of the first `*name` alias in the text, for an alias that cannot be resolved. */
function aliasLine(text: string, message: string): { line?: number; name?: string } {
  const name = /:\s*(\S+)\s*$/.exec(message)?.[1];
  if (!name) return {};
  const at = text.indexOf(`*${name}`);
  return { name, line: at < 0 ? undefined : text.slice(0, at).split('\n').length };
}

/** Parses YAML or JSON text (JSON is YAML 1.2) and validates it; issues carry line numbers. */
export function parseScenarioText<S extends z.ZodType>(schema: S, text: string, hooks: ParseHooks<z.output<S>> = {}): ParseResult<z.output<S>> {
  const tooBig = scenarioTextIssues(text);
  if (tooBig.length > 0) return { ok: false, issues: tooBig };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        path: '',
        line: lc.linePos(e.pos[0]).line,
        message: `syntax error: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  if (!isMap(doc.contents)) {
    return { ok: false, issues: [{ path: '', line: 1, message: 'a scenario must be a mapping of keys to values' }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // the yaml package throws ReferenceError for unresolved aliases and for alias bombs
    const msg = err instanceof Error ? err.message : String(err);
    if (/Excessive alias count/.test(msg)) {
      return { ok: false, issues: [{ path: '', message: `too many alias expansions: aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies (allowed at most ${MAX_ALIAS_COUNT}; write the values out)` }] };
    }
    if (/Unresolved alias/.test(msg)) {
      const { name, line } = aliasLine(text, msg);
      return { ok: false, issues: [{ path: '', line, message: `undefined alias *${name ?? '?'}: an alias must refer to an anchor (&${name ?? 'name'}) set before it` }] };
    }
    return { ok: false, issues: [{ path: '', message: `cannot read the YAML: ${msg.split('\n')[0]}` }] };
  }
  return validateScenarioData(schema, data, doc, lc, hooks);
}

/** Validates already-parsed data (e.g. an HTTP JSON body); issues have paths and values, no lines. */
export function validateScenarioData<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  doc?: Document,
  lc?: LineCounter,
  hooks: ParseHooks<z.output<S>> = {},
): ParseResult<z.output<S>> {
  const prepared = hooks.prepare?.(raw) ?? { data: raw, issues: [] };
  const data = prepared.data;
  const pre: ScenarioIssue[] = prepared.issues.map((i) => ({ path: i.path.join('.'), line: lineAt(doc, lc, i.path), value: i.value, message: i.message }));
  const r = schema.safeParse(data);
  if (r.success && pre.length === 0) return { ok: true, value: hooks.finish ? hooks.finish(r.data) : r.data };
  // the schema's own complaints about a section the hook already reported would only repeat them
  const reported = new Set(pre.map((i) => i.path.split('.')[0]));
  const issues = [...pre, ...(r.success ? [] : explainZodIssues(schema, data, r.error.issues, doc, lc).filter((i) => !reported.has(i.path.split('.')[0])))];
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: false, issues };
}
