import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { toCsv } from '../../src/core/recorder.ts';
import { photoPng } from '../../src/output/raster/photo.ts';
import { connectRedisExecutor, UnitFailuresError } from '../../src/node/engines/redisExecutor.ts';
import { startRedisWorker } from '../../src/node/engines/redisWorker.ts';
import { ResultStore } from '../../src/node/store/store.ts';
import { resultJson } from '../../src/results/json.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import type { MouseStudyOutput } from '../../src/tasks/mouseStudyRun.ts';
import { getTask } from '../../src/tasks/registry.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { runCli } from '../helpers/cli.ts';
import { flakyTask } from './fixtures/testTasks.ts';
import { freePort, HAVE_REDIS, startCli, startRedis, stop, until, type CliProcess } from './redisHelpers.ts';
import { smallMouseStudy } from '../helpers/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'follisim-redis-'));
const procs: (ChildProcess | undefined)[] = [];
after(async () => {
  await Promise.all(procs.map((p) => stop(p, 1000)));
  rmSync(dir, { recursive: true, force: true });
});

const MICE = smallMouseStudy('redis-test');

describe('redis engine', () => {
  it('an unreachable Redis is an error naming the address, exit 2, nothing written', async () => {
    const port = await freePort();
    const scenario = join(dir, 'unreachable.json');
    writeFileSync(scenario, JSON.stringify(MICE));
    const store = join(dir, 'unreachable-store');
    const out = join(dir, 'unreachable-out');
    const r = runCli(['run', scenario, '--engine', 'redis', '--redis', `redis://127.0.0.1:${port}`, '--store', store, '--out', out, '--progress', 'none']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`cannot reach Redis at redis://127\\.0\\.0\\.1:${port}`));
    assert.ok(!existsSync(store) && !existsSync(out), 'nothing written');
  });

  it('retries a failing unit a bounded number of times, then reports it with its error; other units are delivered', { skip: !HAVE_REDIS && 'redis-server not installed', timeout: 60_000 }, async () => {
    const port = await freePort();
    const data = join(dir, 'retry');
    mkdirSync(data);
    const redis = await startRedis(port, data);
    procs.push(redis);
    const url = `redis://127.0.0.1:${port}`;
    const log: Record<string, unknown>[] = [];
    const worker = await startRedisWorker(url, { concurrency: 2, modules: [pathToFileURL(join(import.meta.dirname, 'fixtures', 'testTasks.ts')).href], log: (e) => log.push(e) });
    const executor = await connectRedisExecutor(url, { attempts: 2 });
    try {
      const task = getTask(flakyTask.name);
      assert.ok(task);
      const delivered: number[] = [];
      const scenario = { model: 'test-flaky', n: 6, failAt: 3 };
      const run = executor.runUnits(task, scenario, 1, task.plan(scenario, 1), { onUnitResult: (i) => void delivered.push(i) });
      await assert.rejects(run, (err: unknown) => {
        assert.ok(err instanceof UnitFailuresError);
        assert.deepEqual(err.failures.map((f) => f.index), [3]);
        assert.match(err.failures[0].error, /boom 3/);
        return true;
      });
      assert.deepEqual(delivered.sort(), [0, 1, 2, 4, 5]);
      assert.equal(log.filter((e) => e.event === 'failed' && e.index === 3).length, 2, 'two attempts, then reported');
      const ok = await executor.runUnits<number, Float64Array>(task, { model: 'test-flaky', n: 4 }, 1, [0, 1, 2, 3], {});
      assert.deepEqual(ok.map((r) => r[0]), [0, 1, 4, 9]);
    } finally {
      await executor.close();
      await worker.close();
      await stop(redis);
    }
  });

  it('a mouse study on 2 worker processes survives a SIGKILLed worker and a Redis restart: each unit completed once, results identical to the local engine', { skip: !HAVE_REDIS && 'redis-server not installed', timeout: 150_000 }, async () => {
    const port = await freePort();
    const data = join(dir, 'study');
    mkdirSync(data);
    const url = `redis://127.0.0.1:${port}`;
    let redis = await startRedis(port, data);
    procs.push(redis);
    const workerArgs = ['worker', '--redis', url, '--concurrency', '1', '--lock-ms', '2000'];
    const a = startCli(workerArgs);
    const b = startCli(workerArgs);
    procs.push(a.child, b.child);
    await until('two ready workers', () => [a, b].every((w) => w.events.some((e) => e.event === 'ready')), 60_000);

    const scenarioPath = join(dir, 'study.json');
    writeFileSync(scenarioPath, JSON.stringify(MICE));
    const store = join(dir, 'study-store');
    const out = join(dir, 'study-out');
    const coordinator: CliProcess = startCli(['run', scenarioPath, '--engine', 'redis', '--redis', url, '--store', store, '--out', out, '--seed', '5', '--progress', 'json']);
    procs.push(coordinator.child);
    // kill worker A in the middle of its second unit: its job must go back to the queue and run elsewhere
    await until('worker A on its second unit', () => a.events.filter((e) => e.event === 'active').length >= 2 || coordinator.child.exitCode !== null, 60_000);
    a.child.kill('SIGKILL');
    const completedBeforeRestart = b.events.filter((e) => e.event === 'completed').length;
    await until('worker B to complete another unit', () => b.events.filter((e) => e.event === 'completed').length > completedBeforeRestart || coordinator.child.exitCode !== null, 60_000);
    // restart Redis mid-run (the append-only file keeps the queue)
    await stop(redis);
    redis = await startRedis(port, data);
    procs.push(redis);
    const code = await Promise.race([coordinator.exit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 100_000))]);
    assert.equal(code, 0, coordinator.output());

    const completions = [...a.events, ...b.events].filter((e) => e.event === 'completed').map((e) => Number(e.index));
    assert.deepEqual(completions.sort(), [0, 1, 2, 3, 4, 5], 'every unit completed exactly once');
    const db = await ResultStore.open(store);
    const [run] = await db.listRuns();
    assert.equal(run.status, 'done');
    assert.match(run.engine, /^redis:/);
    assert.deepEqual((await db.unitCounts(run.id)).map((u) => u.index), [0, 1, 2, 3, 4, 5], 'every unit stored exactly once');
    await db.close();

    const v = validateScenario(MICE);
    if (!v.ok) throw new Error('invalid scenario');
    const local = (await runTask(v.value, { seed: 5 })).output as MouseStudyOutput;
    assert.equal(readFileSync(join(out, 'summary.json'), 'utf8'), resultJson(local.summary));
    for (const [name, table] of Object.entries(local.tables)) assert.equal(readFileSync(join(out, `${name}.csv`), 'utf8'), toCsv(table), name);
    for (const p of local.photos) assert.deepEqual(readFileSync(join(out, 'photos', `${p.arm}-day${String(p.day).padStart(2, '0')}.png`)), Buffer.from(photoPng(p)));
    process.stdout.write(`# redis: completions by A ${a.events.filter((e) => e.event === 'completed').length}, by B ${b.events.filter((e) => e.event === 'completed').length}\n`);
  });
});
