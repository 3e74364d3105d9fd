import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectRedisExecutor } from '../src/node/engines/redisExecutor.ts';
import { startRedisWorker } from '../src/node/engines/redisWorker.ts';
import { threadExecutor } from '../src/node/pool/threadExecutor.ts';
import { resumableExecutor } from '../src/node/store/resumable.ts';
import { openRun } from '../src/node/store/runRecord.ts';
import { ResultStore } from '../src/node/store/store.ts';
import { serialExecutor, type UnitExecutor } from '../src/tasks/executor.ts';
import { freePort, startRedis, stop } from '../test/engines/redisHelpers.ts';
import { noopTask } from './fixtures/noopTask.ts';
import type { BenchResult, BenchSuite } from './types.ts';

const MODULE = pathToFileURL(join(import.meta.dirname, 'fixtures', 'noopTask.ts')).href;

async function msPerUnit(executor: UnitExecutor, n: number): Promise<number> {
  const scenario = { model: 'bench-noop', n };
  const units = noopTask.plan(scenario, 1);
  const t0 = performance.now();
  const r = await executor.runUnits(noopTask, scenario, 1, units, {});
  if (r.length !== n) throw new Error('lost units');
  return (performance.now() - t0) / n;
}

/** Per-unit cost of the local engine with every unit committed to the store (fresh store, nothing to resume). */
async function localStore(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'follisim-bench-store-'));
  const n = 2000;
  const threads = availableParallelism();
  try {
    const store = await ResultStore.open(dir);
    const stored = async (inner: UnitExecutor, seed: number): Promise<number> => {
      const run = await openRun(store, { task: noopTask.name, scenario: { model: 'bench-noop', n }, seed, engine: inner.name, units: n, startedAt: new Date() });
      return msPerUnit(resumableExecutor(inner, { store, runId: run.runId, scenarioHash: run.scenarioHash, attempt: 1 }), n);
    };
    const threadsPlain = await msPerUnit(threadExecutor(threads, [MODULE]), n);
    const threadsStore = await stored(threadExecutor(threads, [MODULE]), 1);
    const serialStore = await stored(serialExecutor, 2);
    await store.close();
    return { name: 'engine-overhead-local-store', value: threadsStore, unit: 'ms/unit', details: { units: n, threads, threadsNoStore: threadsPlain, serialWithStore: serialStore } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per-unit cost over Redis: a coordinator and 2 workers (in this process, one unit thread each) on a local redis-server. */
async function redisOverhead(): Promise<BenchResult | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.log('  sweep-overhead-redis: skipped (redis-server is not installed; apt-get install redis-server)');
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'follisim-bench-redis-'));
  const port = await freePort();
  const redis = await startRedis(port, dir);
  const url = `redis://127.0.0.1:${port}`;
  const quiet = (): void => undefined;
  const workers = await Promise.all([0, 1].map(() => startRedisWorker(url, { concurrency: 1, modules: [MODULE], log: quiet })));
  const executor = await connectRedisExecutor(url);
  try {
    await msPerUnit(executor, 50); // warm-up: unit threads load their modules
    const n = 1000;
    const ms = await msPerUnit(executor, n);
    return { name: 'sweep-overhead-redis', value: ms, unit: 'ms/unit', details: { units: n, workers: 2, target: 20 } };
  } finally {
    await executor.close();
    await Promise.all(workers.map((w) => w.close()));
    await stop(redis);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const enginesBench: BenchSuite = {
  name: 'engines (store, local, redis)',
  async run() {
    const out: BenchResult[] = [await localStore()];
    const r = await redisOverhead();
    if (r) out.push(r);
    return out;
  },
};
