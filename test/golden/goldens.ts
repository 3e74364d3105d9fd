import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.ts';

/**
 * Golden outputs of the three examples (issue 13: the restructuring must not change the science). Each example
 * runs through the CLI (from source) at its own scenario seed; summary.json and every CSV are kept under test/golden/<name>/.
 */
export { ROOT };
export const GOLDEN_DIR = join(ROOT, 'test', 'golden', 'data');
export const EXAMPLES = ['mouse-cemn-study', 'human-natural-history', 'patch-delivery'] as const;

/** Relative tolerance of numeric cells: refactors may reassociate floating-point sums, nothing more. */
export const REL_TOL = 1e-9;
/** Absolute floor for values that should be zero. */
export const ABS_TOL = 1e-12;

/** Runs one example through the source CLI into outDir (2 worker threads; results are thread-count independent). */
export function runExample(name: string, outDir: string): void {
  const r = runCli(['run', join(ROOT, 'examples', `${name}.yaml`), '--out', outDir, '--progress', 'none', '--threads', '2']);
  if (r.status !== 0) throw new Error(`example ${name} failed (exit ${r.status}): ${r.stderr}`);
}

/** The compared files of a run folder: summary.json and every CSV (recursively), relative paths. */
export function comparedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (p === 'summary.json' || p.endsWith('.csv')) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

function closeNumbers(a: number, b: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(ABS_TOL, REL_TOL * Math.max(Math.abs(a), Math.abs(b)));
}

/** Compares two JSON values; returns the first difference as a path message, or null. */
export function diffJson(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') return closeNumbers(a, b) ? null : `${path}: ${a} vs ${b}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = diffJson(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join(',') !== kb.join(',')) return `${path}: keys [${ka}] vs [${kb}]`;
    for (const k of ka) {
      const d = diffJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** Compares two CSV texts cell by cell (numbers within tolerance, text exactly). */
export function diffCsv(a: string, b: string): string | null {
  const ra = a.trimEnd().split('\n');
  const rb = b.trimEnd().split('\n');
  if (ra.length !== rb.length) return `rows ${ra.length} vs ${rb.length}`;
  for (let i = 0; i < ra.length; i++) {
    const ca = ra[i].split(',');
    const cb = rb[i].split(',');
    if (ca.length !== cb.length) return `row ${i + 1}: ${ca.length} vs ${cb.length} cells`;
    for (let j = 0; j < ca.length; j++) {
      if (ca[j] === cb[j]) continue;
      const x = Number(ca[j]);
      const y = Number(cb[j]);
      if (ca[j] === '' || cb[j] === '' || Number.isNaN(x) || Number.isNaN(y) || !closeNumbers(x, y)) return `row ${i + 1}, column ${j + 1}: ${ca[j]} vs ${cb[j]}`;
    }
  }
  return null;
}

/** Reads a compared file. */
export function readText(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}
