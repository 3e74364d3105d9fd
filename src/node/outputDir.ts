import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from './userError.ts';

/**
 * Output folders are all-or-nothing: a folder is either the whole of one run or absent.
 *
 * - Before the simulation starts, the target is checked (not empty, not `.`, not the working folder or
 *   one of its parents, not a file, not the scenario file or a folder holding it) and a hidden staging
 *   folder `.NAME.partial-PID-MS` is created beside it, with a marker file naming the process, so an
 *   unwritable place or a name that is too long fails in a second, not after an hour of simulation.
 * - The run's files are written into the staging folder, which is then renamed onto the target
 *   (atomic on one file system). An existing target is refused unless `--force`; with `--force` the old
 *   folder is renamed away (`.NAME.old-PID-MS`), the new one renamed in, and the old one deleted.
 * - A process killed while writing leaves its staging folder; the next run into the same parent removes
 *   staging and old folders whose process (the PID in the name or marker) is no longer alive.
 */

const MARKER = '.follisim-staging.json';
/** Hidden folders this module creates beside a target: `.NAME.partial-PID-MS` and `.NAME.old-PID-MS`. */
const TEMP_RE = /^\..+\.(partial|old)-(\d+)-(\d+)$/;
/** Longest target folder name (characters): leaves room for the staging suffix within 255 bytes. */
export const MAX_OUT_NAME = 200;
/** Longest name part of a default folder (characters). */
export const MAX_DEFAULT_NAME = 64;

/** An output folder prepared before the run: where files go first and where they end. */
export interface OutputPlan {
  target: string;
  staging: string;
  force: boolean;
}

/** The scenario `name` made safe as a folder name: no separators, no `..`, no control characters, bounded. */
export function sanitizeRunName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, MAX_DEFAULT_NAME);
  return safe || 'run';
}

/** Default output folder `runs/<name>-<stamp>-seed<seed>` (relative to the working folder). */
export function defaultOutDir(name: string, stamp: string, seed: number): string {
  return join('runs', `${sanitizeRunName(name)}-${stamp}-seed${seed}`);
}

const isInside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..' && !/^[A-Za-z]:/.test(rel));
};

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Checks an output path against the rules above; returns the absolute target or throws UserError. */
export function checkOutPath(out: string, opts: { scenarioPath: string; force: boolean; cwd?: string }): string {
  const flag = `--out = ${JSON.stringify(out)}`;
  if (out.trim() === '') throw new UserError(`${flag}: empty: give a folder for the run's outputs`);
  if (out.includes('\0')) throw new UserError(`${flag}: contains a NUL byte`);
  const target = resolve(out);
  const cwd = real(opts.cwd ?? process.cwd());
  if (isInside(cwd, real(target))) throw new UserError(`${flag}: is the working folder or one of its parents; the run would replace it — give a new folder`);
  if (basename(target).length > MAX_OUT_NAME) throw new UserError(`${flag}: folder name too long (${basename(target).length} characters, allowed at most ${MAX_OUT_NAME})`);
  const scenario = real(opts.scenarioPath);
  if (isInside(scenario, real(target))) throw new UserError(`${flag}: is the scenario file or holds it; the run would overwrite it — give another folder`);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new UserError(`${flag}: exists and is a file, not a folder`);
    if (!opts.force) throw new UserError(`${flag}: exists; pass --force to replace it whole (an output folder is always the whole of one run)`);
  }
  return target;
}

const processStartMs = Date.now() - process.uptime() * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging/old folders in `parent` left by processes that are no longer alive; returns their names. */
export function removeStaleStaging(parent: string): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m) continue;
    let pid = Number(m[2]);
    let startedMs = Number(m[3]);
    try {
      const marker = JSON.parse(readFileSync(join(parent, name, MARKER), 'utf8')) as { pid?: number; startedMs?: number };
      if (typeof marker.pid === 'number') pid = marker.pid;
      if (typeof marker.startedMs === 'number') startedMs = marker.startedMs;
    } catch {
      // no marker (an old folder, or killed before the marker): the name carries pid and time
    }
    if (pid === process.pid || startedMs >= processStartMs || alive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function describeFsError(err: unknown, what: string): UserError {
  const e = err as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENAMETOOLONG: 'name too long',
    ENOTDIR: 'a part of the path is a file',
    ENOSPC: 'no space left on the device',
    EEXIST: 'already exists',
  };
  return new UserError(`${what}: cannot write there (${(e.code && why[e.code]) ?? e.code ?? String(err)})`);
}

/** Creates the staging folder beside `target` (and its marker) before the run; proves the place is writable. */
export function prepareOutput(target: string, force: boolean): OutputPlan {
  const parent = dirname(target);
  const what = `output folder ${target}`;
  try {
    mkdirSync(parent, { recursive: true });
  } catch (err) {
    // mkdir -p through a file reports EEXIST: say what is wrong
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${what}: cannot write there (a part of the path is a file)`);
    throw describeFsError(err, what);
  }
  removeStaleStaging(parent);
  const staging = join(parent, `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(staging);
    writeFileSync(join(staging, MARKER), JSON.stringify({ pid: process.pid, startedMs: Date.now(), target }) + '\n');
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw describeFsError(err, what);
  }
  return { target, staging, force };
}

/** Writes the files into the staging folder and moves it onto the target as a whole. */
export function commitOutput(plan: OutputPlan, files: Record<string, string | Uint8Array>): void {
  const { target, staging } = plan;
  try {
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), data);
    }
    rmSync(join(staging, MARKER), { force: true });
    if (!existsSync(target)) {
      renameSync(staging, target);
      return;
    }
    if (!plan.force) throw new UserError(`output folder ${target}: appeared during the run; pass --force to replace it`);
    if (!statSync(target).isDirectory()) throw new UserError(`output folder ${target}: a file appeared there during the run`);
    const old = join(dirname(target), `.${basename(target)}.old-${process.pid}-${Date.now()}`);
    renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (err) {
      renameSync(old, target); // put the previous run back: the target is never half-replaced
      throw err;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    abortOutput(plan);
    if (err instanceof UserError) throw err;
    throw describeFsError(err, `output folder ${target}`);
  }
}

/** Removes the staging folder of a run that failed (nothing is left behind). */
export function abortOutput(plan: OutputPlan): void {
  rmSync(plan.staging, { recursive: true, force: true });
}
