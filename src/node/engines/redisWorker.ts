import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Worker } from 'bullmq';
import '../../tasks/builtin.ts';
import { connectRedis, UNIT_QUEUE, type UnitJobData } from './redisConnection.ts';
import { UnitThreadPool } from './unitThreads.ts';

export interface RedisWorkerOptions {
  concurrency?: number;
  /** Modules (paths or URLs) that register tasks outside follisim, imported by every unit thread. */
  modules?: string[];
  queue?: string;
  /** BullMQ job lock (ms): a worker that dies holding a job releases it after this long (default 30000). */
  lockMs?: number;
  /** One JSON line per finished job (stdout by default). */
  log?: (event: Record<string, unknown>) => void;
}

/** A running worker: `closed` resolves after `close()` (or a signal) has let the jobs in hand finish. */
export interface RunningWorker {
  close(): Promise<void>;
  closed: Promise<void>;
}

const asUrl = (m: string): string => (/^[a-z]+:/i.test(m) ? m : pathToFileURL(resolve(m)).href);

/**
 * `follisim worker`: takes unit jobs of any registered task from the Redis queue and runs them on a pool of
 * `concurrency` threads, returning each result as base64 V8 bytes. Stalled-job detection uses the lock time, so
 * a killed worker's job goes back to the queue after `lockMs` and another worker runs it.
 */
export async function startRedisWorker(url: string, o: RedisWorkerOptions = {}): Promise<RunningWorker> {
  const connection = await connectRedis(url);
  const concurrency = o.concurrency ?? availableParallelism();
  const pool = new UnitThreadPool(concurrency, (o.modules ?? []).map(asUrl));
  const log = o.log ?? ((e) => process.stdout.write(JSON.stringify(e) + '\n'));
  const lockMs = o.lockMs ?? 30_000;
  const worker = new Worker<UnitJobData, string>(
    o.queue ?? UNIT_QUEUE,
    async (job) => {
      const d = job.data;
      const bytes = await pool.run({ task: d.task, scenario: d.scenario, seed: d.seed, unit: d.unit });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    },
    { connection, concurrency, lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 10 },
  );
  worker.on('error', () => undefined); // connection errors while Redis restarts: BullMQ reconnects
  worker.on('active', (job) => log({ event: 'active', job: job.id, task: job.data.task, index: job.data.index, pid: process.pid }));
  worker.on('completed', (job) => log({ event: 'completed', job: job.id, task: job.data.task, index: job.data.index, pid: process.pid }));
  worker.on('failed', (job, err) => log({ event: 'failed', job: job?.id, task: job?.data.task, index: job?.data.index, attempt: job?.attemptsMade, error: err.message, pid: process.pid }));
  await worker.waitUntilReady();
  log({ event: 'ready', queue: o.queue ?? UNIT_QUEUE, concurrency, pid: process.pid });
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await worker.close();
      await pool.close();
      connection.disconnect();
    })());
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => (onClosed = r));
  return { close: () => close().then(onClosed), closed };
}
