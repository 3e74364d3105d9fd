import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root folder of the follisim package (two levels above src/node, or dist/node in the compiled build). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The git commit of the package checkout, with '-dirty' when it has uncommitted changes; null if unknown or if
 * follisim is not itself a git checkout (an installed package inside another project's repository must not
 * report that project's commit).
 */
export function gitCommit(): string | null {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (realpathSync(top) !== realpathSync(PACKAGE_ROOT)) return null;
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}

/** Machine facts for the manifest. */
export function platformInfo(): Record<string, string> {
  return {
    node: process.version,
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: String(cpus().length),
  };
}
