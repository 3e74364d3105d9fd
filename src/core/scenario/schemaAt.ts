import { z } from 'zod';

/**
 * Finds the sub-schema at a data path, so error messages can state what is allowed there (range, enum
 * values, known keys). Best effort: wrappers (default, prefault, optional, pipe) are unwrapped, objects
 * descended, and a discriminated union resolved with the data's discriminator value.
 */

type Def = { type: string; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; discriminator?: string };

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (d.innerType && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

function pickUnionOption(s: z.ZodType, data: unknown): z.ZodType | undefined {
  const d = defOf(s);
  if (d.type !== 'union' || !d.options) return s;
  const key = d.discriminator;
  if (key && data && typeof data === 'object') {
    const value = (data as Record<string, unknown>)[key];
    for (const opt of d.options) {
      const shape = defOf(unwrap(opt)).shape;
      const lit = shape?.[key];
      if (lit && lit.safeParse(value).success) return unwrap(opt);
    }
  }
  return d.options.length === 1 ? unwrap(d.options[0]) : undefined;
}

/** The schema found at `path` inside `root` (resolving unions against `data`), or undefined. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  let cur: unknown = data;
  for (let i = 0; i <= path.length; i++) {
    if (!s) return undefined;
    s = pickUnionOption(s, cur);
    if (!s || i === path.length) break;
    const key = path[i];
    const d = defOf(s);
    if (d.type === 'object' && d.shape && typeof key === 'string' && key in d.shape) s = unwrap(d.shape[key]);
    else if (d.type === 'array' && d.element && typeof key === 'number') s = unwrap(d.element);
    else return undefined;
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return s;
}

/** A short phrase of what a schema allows, e.g. "a number > 0 and <= 1", "one of: a, b", "keys: x, y". */
export function describeAllowed(s: z.ZodType | undefined): string | undefined {
  if (!s) return undefined;
  let js: Record<string, unknown>;
  try {
    js = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (Array.isArray(js.enum)) return `one of: ${js.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (js.const !== undefined) return `exactly ${JSON.stringify(js.const)}`;
  if (js.type === 'object' && js.properties && typeof js.properties === 'object') {
    return `known keys: ${Object.keys(js.properties).join(', ')}`;
  }
  if (js.type === 'number' || js.type === 'integer') {
    const parts: string[] = [];
    if (typeof js.exclusiveMinimum === 'number') parts.push(`> ${js.exclusiveMinimum}`);
    else if (typeof js.minimum === 'number') parts.push(`>= ${js.minimum}`);
    if (typeof js.exclusiveMaximum === 'number') parts.push(`< ${js.exclusiveMaximum}`);
    else if (typeof js.maximum === 'number' && js.maximum < Number.MAX_SAFE_INTEGER) parts.push(`<= ${js.maximum}`);
    const kind = js.type === 'integer' ? 'an integer' : 'a number';
    return parts.length ? `${kind} ${parts.join(' and ')}` : kind;
  }
  if (js.type === 'array') return 'a list';
  if (typeof js.type === 'string') return `a ${js.type}`;
  return undefined;
}
