import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Writes a file atomically: a temp file beside it, then rename (never a half-written file). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes a set of files into `dir` as a unit: everything goes into a hidden staging folder first and is
 * moved into place only when all files are written, so a failure leaves no half-filled output folder.
 */
export function writeOutputDir(dir: string, files: Record<string, string | Uint8Array>): void {
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(staging);
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), data);
    }
    if (!existsSync(target)) {
      renameSync(staging, target);
      return;
    }
    if (!statSync(target).isDirectory()) throw new Error(`output path ${dir} exists and is not a folder`);
    for (const name of listFiles(staging)) {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      renameSync(join(staging, name), join(target, name));
    }
    rmSync(staging, { recursive: true, force: true });
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? join(prefix, e.name) : e.name;
    if (e.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}
