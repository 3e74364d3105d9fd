import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { startRedisWorker } from '../engines/redisWorker.ts';

function positiveInt(name: string, max: number): (v: string) => number {
  return (v) => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new InvalidArgumentError(`${name} = ${JSON.stringify(v)}: must be an integer from 1 to ${max}`);
    return Number(v);
  };
}

/** Adds `follisim worker --redis URL` to the program. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run units of any task from a Redis queue (for `--engine redis`); JSON lines on stdout; stops on SIGINT/SIGTERM')
    .requiredOption('--redis <url>', 'Redis address, e.g. redis://127.0.0.1:6379')
    .option('-c, --concurrency <n>', 'units at a time, each on its own thread (default: all cores)', positiveInt('--concurrency', 256), availableParallelism())
    .option('--module <path...>', 'modules that register extra tasks (imported by every unit thread)')
    .option('--lock-ms <ms>', 'job lock: a dead worker\'s unit is re-run after this long (default 30000)', positiveInt('--lock-ms', 3_600_000), 30_000)
    .action(async (o: { redis: string; concurrency: number; module?: string[]; lockMs: number }) => {
      const w = await startRedisWorker(o.redis, { concurrency: o.concurrency, modules: o.module, lockMs: o.lockMs });
      const stop = (): void => void w.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await w.closed;
    });
}
