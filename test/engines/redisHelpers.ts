import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { CLI_SOURCE, ROOT } from '../helpers/cli.ts';

/** True when Debian's redis-server is on PATH (.ci/run installs it); tests skip otherwise. */
export const HAVE_REDIS = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;

/** A free localhost TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`nothing listens on port ${port}`);
    await sleep(50);
  }
}

/** A redis-server on a localhost port with data in `dir` (append-only file fsynced on every write, so a restart keeps the queue). */
export async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
  await waitForPort(port);
  return p;
}

/** Stops a process (SIGTERM, then SIGKILL after `graceMs`) and waits for it to exit. */
export async function stop(p: ChildProcess | undefined, graceMs = 3000): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGTERM');
  const t = setTimeout(() => p.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(t);
}

/** A CLI child process whose stdout and stderr JSON lines are collected (and offered to `onEvent`). */
export interface CliProcess {
  child: ChildProcess;
  events: Record<string, unknown>[];
  output: () => string;
  exit: Promise<number | null>;
}

/** Starts `follisim ARGS` from source. */
export function startCli(args: string[], onEvent?: (e: Record<string, unknown>) => void): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  let text = '';
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.on('data', (d: Buffer) => {
      text += d.toString();
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const e = JSON.parse(line) as Record<string, unknown>;
        events.push(e);
        onEvent?.(e);
      }
    });
  }
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, events, output: () => text, exit };
}

/** Waits until `cond` holds (polling), or fails naming what was awaited. */
export async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
