import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunEnvironment } from '../results/manifest.ts';

/** Root folder of the follisim package: the nearest folder above this file with follisim's package.json (src/ or dist/ layouts). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'follisim') return dir;
      } catch {
        // an unreadable package.json is not ours; keep looking
      }
    }
    dir = dirname(dir);
  }
  return resolve(start, '..', '..');
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
}

/**
 * follisim's own commit: from git only when the package root IS the repository's top level (an installed
 * follisim inside a user's repository must not report the user's commit), else from build-info.json written
 * at build time, else null. '-dirty' marks uncommitted changes.
 */
export function gitCommit(): string | null {
  try {
    if (realpathSync(git(['rev-parse', '--show-toplevel'])) === realpathSync(PACKAGE_ROOT)) {
      const head = git(['rev-parse', 'HEAD']);
      return git(['status', '--porcelain', '--untracked-files=no']) ? `${head}-dirty` : head;
    }
  } catch {
    // not a git checkout: fall through to the build stamp
  }
  try {
    const info = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'build-info.json'), 'utf8')) as { commit?: string };
    return typeof info.commit === 'string' ? info.commit : null;
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

/** Installed versions of follisim's runtime dependencies (as resolved from the package root). */
export function dependencyVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
      let dir = PACKAGE_ROOT;
      let version = 'not installed';
      for (let i = 0; i < 4; i++) {
        const pj = join(dir, 'node_modules', name, 'package.json');
        if (existsSync(pj)) {
          version = (JSON.parse(readFileSync(pj, 'utf8')) as { version: string }).version;
          break;
        }
        dir = dirname(dir);
      }
      out[name] = version;
    }
  } catch {
    // no readable package.json: report nothing rather than guess
  }
  return out;
}

/** The run environment of this Node process, for the core-built manifest. */
export function nodeEnvironment(commandLine: string[] = process.argv): RunEnvironment {
  return { commit: gitCommit(), platform: platformInfo(), dependencies: dependencyVersions(), commandLine };
}
