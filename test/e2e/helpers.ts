import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Debian's Chromium (CI installs it; see .ci/run). FOLLISIM_CHROMIUM overrides the path. */
export const CHROMIUM = process.env.FOLLISIM_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Why browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  return existsSync(CHROMIUM) ? null : `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it)`;
}

/**
 * Builds the web lab into a fresh temporary folder (never the repository's dist/, which the package test
 * rebuilds concurrently) and returns it.
 */
export function buildWebLab(): string {
  const out = mkdtempSync(join(tmpdir(), 'follisim-web-'));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', out, '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Starts `follisim serve --port 0` from source and resolves with its address once it listens. */
export function startServe(webRoot: string): Promise<{ base: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'node', 'cli', 'main.ts'), 'serve', '--port', '0', '--web-root', webRoot], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/[\d.]+:\d+)\//.exec(err);
      if (m) resolve({ base: m[1], proc });
    });
    proc.on('exit', (code) => reject(new Error(`follisim serve exited (${code}): ${err}`)));
  });
}
