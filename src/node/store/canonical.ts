import { sha256Hex } from '../../core/sha256.ts';

/**
 * Canonical JSON: object keys sorted, typed arrays as plain arrays, undefined dropped. Two equal scenarios give
 * the same text whatever the key order they were written in, so their hash identifies them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(sortKeys);
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
  return out;
}

/** SHA-256 of a value's canonical JSON (scenario hash, unit hash). */
export function hashValue(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
