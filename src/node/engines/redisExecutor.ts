import { deserialize } from 'node:v8';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { settleLater, type ExecOptions, type UnitExecutor } from '../../tasks/executor.ts';
import { TaskAbortedError, type AnyTask } from '../../tasks/task.ts';
import { hashValue } from '../store/canonical.ts';
import { connectRedis, UNIT_QUEUE, type UnitJobData } from './redisConnection.ts';

/** A unit that failed on every attempt, with its last error. */
export interface UnitFailure {
  index: number;
  error: string;
}

/** Thrown when units failed after their retries; units that succeeded were already handed to `onUnitResult` (stored). */
export class UnitFailuresError extends Error {
  readonly failures: UnitFailure[];
  constructor(task: string, failures: UnitFailure[]) {
    super(`${failures.length} unit(s) of ${task} failed after retries:\n${failures.map((f) => `  unit ${f.index}: ${f.error.split('\n')[0]}`).join('\n')}`);
    this.name = 'UnitFailuresError';
    this.failures = failures;
  }
}

export interface RedisExecutorOptions {
  /** Attempts per unit before it is reported failed (default 3). */
  attempts?: number;
  /** Queue name (default follisim-units). */
  queue?: string;
  /** Poll job states when no event arrived for this long (ms): events lost while Redis restarts are caught up (default 1000). */
  watchdogMs?: number;
}

/** A RedisExecutor plus the connections to release. */
export type RedisExecutor = UnitExecutor & { close(): Promise<void> };

/** Decodes a worker's return value (base64 of V8 structured-clone bytes). */
export function decodeJobResult(value: unknown): unknown {
  if (typeof value !== 'string') throw new Error('job returned no result');
  return deserialize(Buffer.from(value, 'base64'));
}

/** Connects to Redis (a BadInputError naming the address when unreachable) and returns an executor over it. */
export async function connectRedisExecutor(url: string, options: RedisExecutorOptions = {}): Promise<RedisExecutor> {
  const connection = await connectRedis(url);
  return redisExecutor(connection, url, options);
}

/**
 * Runs units as BullMQ jobs on `follisim worker` processes. Job ids are (run key, unit index), so enqueuing the
 * same run again (a restarted coordinator) adds nothing twice and picks up units already completed. Completions
 * arrive as QueueEvents; a watchdog polls the jobs when events go quiet (events lost while Redis restarts) and
 * re-adds jobs Redis lost (a restart without persistence). Failing units are retried `attempts` times by BullMQ,
 * then reported together once every unit has settled.
 */
export function redisExecutor(connection: Redis, url: string, options: RedisExecutorOptions = {}): RedisExecutor {
  const queueName = options.queue ?? UNIT_QUEUE;
  const attempts = options.attempts ?? 3;
  const watchdogMs = options.watchdogMs ?? 1000;
  const queue = new Queue(queueName, { connection });
  queue.on('error', () => undefined);
  return {
    name: `redis:${url}`,
    async close() {
      await queue.close();
      connection.disconnect();
    },
    async runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], opts: ExecOptions): Promise<R[]> {
      const runKey = hashValue({ task: task.name, scenario, seed }).slice(0, 24);
      const jobId = (i: number): string => `${runKey}-${i}`;
      const results = new Array<R>(units.length);
      const pending = new Set(units.map((_, i) => i));
      const failures: UnitFailure[] = [];
      const stored: Promise<void>[] = [];
      const jobOf = (i: number): { name: string; data: UnitJobData; opts: Record<string, unknown> } => ({
        name: task.name,
        data: { task: task.name, scenario, seed, unit: units[i], index: i },
        opts: { jobId: jobId(i), attempts, backoff: { type: 'fixed', delay: 100 }, removeOnComplete: false, removeOnFail: false },
      });
      // QueueEvents blocks on its connection (XREAD): it needs its own, which BullMQ leaves to us to close
      const eventsConnection = connection.duplicate();
      eventsConnection.on('error', () => undefined);
      const events = new QueueEvents(queueName, { connection: eventsConnection });
      events.on('error', () => undefined);
      let lastEvent = Date.now();
      let finish: () => void = () => undefined;
      const allDone = new Promise<void>((resolve) => (finish = resolve));
      const indexOf = (id: string): number | undefined => {
        if (!id.startsWith(`${runKey}-`)) return undefined;
        const i = Number(id.slice(runKey.length + 1));
        return pending.has(i) ? i : undefined;
      };
      const settle = (): void => {
        opts.onProgress?.({ fraction: (units.length - pending.size) / (units.length || 1), stage: `units ${units.length - pending.size}/${units.length} (redis)` });
        if (pending.size === 0) finish();
      };
      const completed = (i: number, value: unknown): void => {
        pending.delete(i);
        try {
          results[i] = decodeJobResult(value) as R;
          if (opts.onUnitResult) stored.push(settleLater(opts.onUnitResult, i, results[i]));
        } catch (err) {
          failures.push({ index: i, error: err instanceof Error ? err.message : String(err) });
        }
        settle();
      };
      const failed = (i: number, reason: string): void => {
        pending.delete(i);
        failures.push({ index: i, error: reason });
        settle();
      };
      events.on('completed', ({ jobId: id, returnvalue }) => {
        lastEvent = Date.now();
        const i = indexOf(id);
        if (i !== undefined) completed(i, returnvalue);
      });
      events.on('failed', async ({ jobId: id, failedReason }) => {
        lastEvent = Date.now();
        const i = indexOf(id);
        // 'failed' also fires for attempts that will be retried; only the job's final state counts
        if (i !== undefined && (await queue.getJob(id).then((j) => j?.getState()).catch(() => undefined)) === 'failed' && pending.has(i)) failed(i, failedReason);
      });
      // poll every pending job: completed or failed ones are taken, lost ones re-added, earlier failures retried
      const poll = async (retryFailed: boolean): Promise<void> => {
        for (const i of [...pending]) {
          // state first, then the job: a job read before its state could predate its completion (no return value yet)
          const state = await queue.getJobState(jobId(i));
          if (!pending.has(i)) continue;
          if (state === 'unknown') {
            await queue.add(jobOf(i).name, jobOf(i).data, jobOf(i).opts);
            continue;
          }
          if (state !== 'completed' && state !== 'failed') continue;
          const job = await queue.getJob(jobId(i));
          if (!job || !pending.has(i)) continue;
          if (state === 'completed') completed(i, job.returnvalue);
          else if (retryFailed) await job.retry('failed');
          else failed(i, job.failedReason);
        }
      };
      const onAbort = (): void => finish();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      try {
        await events.waitUntilReady();
        if (units.length) await queue.addBulk(units.map((_, i) => jobOf(i)));
        // jobs of an earlier attempt of this run may already be finished: take them, and give failed ones another go
        await poll(true);
        if (pending.size === 0) finish();
        let polling = false;
        timer = setInterval(() => {
          if (polling || pending.size === 0 || Date.now() - lastEvent < watchdogMs) return;
          polling = true;
          lastEvent = Date.now();
          poll(false)
            .catch(() => undefined)
            .finally(() => (polling = false));
        }, Math.max(50, watchdogMs / 4));
        await allDone;
        if (opts.signal?.aborted) throw new TaskAbortedError();
      } finally {
        clearInterval(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        await events.close().catch(() => undefined);
        eventsConnection.disconnect();
      }
      await Promise.all(stored);
      // results are with the coordinator now: the jobs' copies in Redis are no longer needed
      await Promise.all(units.map((_, i) => queue.remove(jobId(i)).catch(() => 0)));
      if (failures.length) throw new UnitFailuresError(task.name, failures.sort((a, b) => a.index - b.index));
      return results;
    },
  };
}
