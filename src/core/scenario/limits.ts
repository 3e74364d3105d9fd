import type { ScenarioIssue } from './parse.ts';

/**
 * Resource bounds on scenario text, checked before and during YAML parsing so that a hostile or
 * accidental file (a 50 MB paste, a "billion laughs" alias bomb, thousands of nested brackets) is a
 * clear validation error instead of a heap or stack exhaustion. Real scenarios are a few kB, nest
 * fewer than 10 levels and use aliases rarely, so the bounds are far above any honest use.
 */

/** Largest scenario accepted (characters of text; ~1 MB). The examples are under 3 kB. */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** Largest scenario file accepted (bytes), checked by the CLI before reading. */
export const MAX_SCENARIO_BYTES = 4 * MAX_SCENARIO_CHARS;
/** Aliases (`*name`) expanded in one document; the yaml package stops there (its `maxAliasCount`). */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of mappings and sequences (levels); the YAML parser recurses per level. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Nesting depth of YAML/JSON text estimated without parsing: flow brackets outside quotes and comments,
 * plus block indentation levels. Returns the first line where `limit` is exceeded, or undefined.
 */
export function lineOverNestingLimit(text: string, limit = MAX_NESTING_DEPTH): number | undefined {
  let flow = 0;
  let line = 1;
  let quote: string | null = null;
  let comment = false;
  let atLineStart = true;
  let indent = 0;
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      comment = false;
      atLineStart = true;
      indent = 0;
      if (quote === "'") continue; // single-quoted scalars may span lines
      quote = quote === '"' ? quote : null;
      continue;
    }
    if (comment) continue;
    if (atLineStart) {
      if (ch === ' ' || ch === '-' || ch === '\t') {
        // "- " items nest like indentation
        indent++;
        continue;
      }
      atLineStart = false;
      if (ch !== '#' && flow === 0 && quote === null) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > limit) return line;
      }
    }
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      flow++;
      if (flow + indents.length > limit) return line;
    } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
  return undefined;
}

/** Problems with the raw text that must stop parsing before it starts (size, nesting). */
export function scenarioTextIssues(text: string): ScenarioIssue[] {
  if (text.length > MAX_SCENARIO_CHARS) {
    return [{ path: '', message: `file too large: ${text.length} characters, allowed at most ${MAX_SCENARIO_CHARS} (a scenario is a few kB)` }];
  }
  const deep = lineOverNestingLimit(text);
  if (deep !== undefined) {
    return [{ path: '', line: deep, message: `nesting too deep: more than ${MAX_NESTING_DEPTH} levels of mappings/sequences (allowed at most ${MAX_NESTING_DEPTH})` }];
  }
  return [];
}
