/**
 * Dotted paths into scenarios and results. Segments are object keys or array indices (`arms.2.minoxidil`);
 * the segment `parameters` takes the whole rest of the path as one key, because catalog parameter names
 * contain dots themselves (`parameters.ros.h2o2ClearancePerS` → scenario.parameters['ros.h2o2ClearancePerS']).
 */

/** Path segments: keys, and the catalog key as one segment after `parameters`. */
export function splitPath(path: string): string[] {
  const parts = path.split('.');
  const i = parts.indexOf('parameters');
  if (i >= 0 && i < parts.length - 1) return [...parts.slice(0, i + 1), parts.slice(i + 1).join('.')];
  return parts;
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/**
 * Sets `value` at `path` in a plain object, creating missing intermediate objects (the scenario schema
 * then rejects keys that do not exist). Returns an error message, or null when set.
 */
export function setAtPath(root: Record<string, unknown>, path: string, value: unknown): string | null {
  const segs = splitPath(path);
  if (segs.some((s) => s === '')) return `'${path}' has an empty segment`;
  let cur: Container = root;
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const last = k === segs.length - 1;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return `'${segs.slice(0, k).join('.')}' is a list: '${seg}' must be an index`;
      const i = Number(seg);
      if (i >= cur.length) return `'${segs.slice(0, k).join('.')}' has ${cur.length} entries: no index ${i}`;
      if (last) cur[i] = value;
      else if (!isContainer(cur[i])) return `'${segs.slice(0, k + 1).join('.')}' is not an object or list`;
      else cur = cur[i] as Container;
      continue;
    }
    if (last) {
      cur[seg] = value;
      break;
    }
    if (cur[seg] === undefined) cur[seg] = {};
    const nextValue: unknown = cur[seg];
    if (!isContainer(nextValue)) return `'${segs.slice(0, k + 1).join('.')}' is a ${typeof nextValue}, not an object or list`;
    cur = nextValue;
  }
  return null;
}

/** The value at `path`, and whether the path named anything (a null value counts as found). */
export function getAtPath(root: unknown, path: string): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of splitPath(path)) {
    if (!isContainer(cur)) return { found: false, value: undefined };
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg) || Number(seg) >= cur.length) return { found: false, value: undefined };
      cur = cur[Number(seg)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false, value: undefined };
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return { found: true, value: cur };
}
