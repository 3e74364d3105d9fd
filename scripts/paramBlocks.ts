import { parameterMarkdown } from '../src/parameters/format.ts';
import type { ParameterGroup } from '../src/parameters/groups.ts';

/** The generated parameter blocks of docs/model.md, in document order. */
export const PARAM_BLOCKS: readonly ParameterGroup['doc'][] = ['human', 'skin', 'microenv', 'study', 'mouse'];

const open = (name: string) => `<!-- params:${name} -->`;
const close = (name: string) => `<!-- /params:${name} -->`;

/** The text between a block's markers in `doc` (undefined if the markers are missing). */
export function paramBlock(doc: string, name: string): string | undefined {
  const a = doc.indexOf(open(name));
  const b = doc.indexOf(close(name));
  if (a < 0 || b < a) return undefined;
  return doc.slice(a + open(name).length, b);
}

/** `doc` with every block replaced by freshly generated tables. */
export function replaceParamBlocks(doc: string): string {
  let out = doc;
  for (const name of PARAM_BLOCKS) {
    const old = paramBlock(out, name);
    if (old === undefined) throw new Error(`docs/model.md has no ${open(name)} ... ${close(name)} block`);
    out = out.replace(open(name) + old + close(name), `${open(name)}\n${parameterMarkdown(name)}${close(name)}`);
  }
  return out;
}
