import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { createServer } from '../server/app.ts';
import type { ServerLimits } from '../server/limits.ts';

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError(`--port = ${JSON.stringify(value)}: must be an integer from 0 to 65535`);
  return Number(value);
}

function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${JSON.stringify(value)}: must be an integer >= 1`);
  return Number(value);
}

/** Adds `follisim serve`: the web lab and the JSON API on one port, until interrupted. */
export function addServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the web lab and the HTTP API (POST /api/jobs, GET /api/openapi.json, ...)')
    .option('-p, --port <n>', 'port (0: any free port)', parsePort, 8080)
    .option('--host <address>', 'address to listen on (0.0.0.0 to accept other machines)', '127.0.0.1')
    .option('--workers <n>', 'jobs run at once (default: all cores)', parsePositive)
    .option('--job-cpu-seconds <n>', "CPU time a job may use (its worker thread's, not wall time) before it is stopped (default 900)", parsePositive)
    .option('--job-wall-seconds <n>', 'wall-clock time a running job may take before it is stopped (default 3600)', parsePositive)
    .option('--store <dir>', 'record every succeeded job in this results store (Parquet tables are then served from it); the server holds it while it runs')
    .option('--web-root <dir>', 'folder of a built web lab to serve (default: the package\'s dist/web)')
    .action(async (o: { port: number; host: string; workers?: number; jobCpuSeconds?: number; jobWallSeconds?: number; webRoot?: string; store?: string }) => {
      const limits: Partial<ServerLimits> = {};
      if (o.workers) limits.workers = o.workers;
      if (o.jobCpuSeconds) limits.jobCpuSeconds = o.jobCpuSeconds;
      if (o.jobWallSeconds) limits.jobWallSeconds = o.jobWallSeconds;
      const server = createServer({ webRoot: o.webRoot, limits, store: o.store ? resolve(o.store) : undefined });
      // a store held by another process stops the server here, not its first job
      await server.store?.open();
      const address = await server.app.listen({ port: o.port, host: o.host });
      process.stderr.write(`follisim serving the web lab at ${address}/ and the API at ${address}/api/openapi.json (Ctrl-C stops)\n`);
      // run until a signal; close the server so workers stop and queued jobs are cancelled
      await new Promise<void>((resolve) => {
        const stop = () => void server.app.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
