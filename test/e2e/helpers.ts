import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

// what the web lab exposes for tests (web/src/run.ts)
declare global {
  interface Window {
    follisimLab: { state: string; summary?: Record<string, unknown>; seed?: number; files?: string[]; text?: string; runs: number };
  }
}

/** Screenshots and downloads are kept here (printed) as test artifacts. */
export const SHOTS = process.env.FOLLISIM_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'follisim-e2e-shots-'));

/** A freshly built web lab served by `follisim serve`, open in headless Chromium. */
export interface Lab {
  base: string;
  page: Page;
  /** Uncaught page errors so far. */
  errors: string[];
  /** Saves a full-page screenshot as an artifact. */
  shot(name: string): Promise<void>;
  /** Waits for the lab state the pages set (running, done, cancelled, failed). */
  waitState(state: string, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

/** Builds the site, serves it, opens `path` (e.g. '/#trial') and waits for `selector`. */
export async function openLab(path: string, selector: string): Promise<Lab> {
  const server = await startServe(buildWebLab());
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.base + path);
  await page.waitForSelector(selector);
  return {
    base: server.base,
    page,
    errors,
    async shot(name) {
      const file = join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot ${file}`);
    },
    waitState: (state, timeoutMs = 120_000) => page.waitForFunction((want) => window.follisimLab.state === want, state, { timeout: timeoutMs }),
    async close() {
      await browser.close();
      server.proc.kill('SIGTERM');
    },
  };
}
