import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { threadCpuSeconds, workerCpuMeter } from '../../src/node/server/threadCpu.ts';
import { mouseStudy, postJson, startServer, waitJob } from './helpers.ts';

const linux = process.platform === 'linux';

/**
 * A worker that reports its kernel thread id, then on each message either spins (burns CPU) or sleeps
 * (Atomics.wait: the thread is blocked, using no CPU) for `ms`, and answers when done.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
let tid = null;
try { const s = readFileSync('/proc/thread-self/stat', 'utf8'); tid = Number(s.slice(0, s.indexOf(' '))); } catch {}
parentPort.on('message', ({ what, ms }) => {
  const t0 = Date.now();
  if (what === 'spin') { let x = 0; while (Date.now() - t0 < ms) x += Math.sqrt(x + 1); }
  else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  parentPort.postMessage({ done: what });
});
parentPort.postMessage({ tid });
`;

describe('per-thread CPU time of a worker (the job CPU limit)', { skip: linux ? false : 'per-thread times need Linux /proc' }, () => {
  let worker: Worker;
  let tid: number;
  before(async () => {
    worker = new Worker(SOURCE, { eval: true });
    [{ tid }] = (await once(worker, 'message')) as [{ tid: number }];
  });
  after(() => worker.terminate());

  const task = async (what: 'spin' | 'sleep', ms: number) => {
    worker.postMessage({ what, ms });
    await once(worker, 'message');
  };

  it('charges a spinning worker its CPU time (as process.cpuUsage sees it while the main thread idles)', async () => {
    const meter = workerCpuMeter(worker, tid);
    assert.equal(meter.measure, 'thread');
    const before = meter.seconds();
    const p0 = process.cpuUsage();
    await task('spin', 600);
    const used = meter.seconds() - before;
    const p = process.cpuUsage(p0);
    const processS = (p.user + p.system) / 1e6;
    // the worker's time is part of the process's; the idle main thread adds little (ticks are 10 ms)
    assert.ok(used <= processS + 0.02, `thread ${used} s ≤ process ${processS} s`);
    assert.ok(used >= 0.7 * processS && used > 0.1, `thread ${used} s ≈ process ${processS} s`);
  });

  it('does not charge a sleeping worker, and does not charge the main thread to the worker', async () => {
    const before = threadCpuSeconds(tid)!;
    const t0 = performance.now();
    // the main thread spins meanwhile: process-wide time grows, the worker's must not
    worker.postMessage({ what: 'sleep', ms: 500 });
    while (performance.now() - t0 < 300) Math.sqrt(Math.random());
    await once(worker, 'message');
    const used = threadCpuSeconds(tid)! - before;
    assert.ok(used < 0.05, `a sleeping worker used ${used} s`);
  });

  it('reads null for a thread that does not exist', () => {
    assert.equal(threadCpuSeconds(2 ** 30), null);
  });
});

describe('job limits: wall-clock backstop, CPU time not wall time', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    s = await startServer({ limits: { workers: 1, jobCpuSeconds: 60, jobWallSeconds: 1 } });
  });
  after(() => s.close());

  it('a job under the CPU limit but past the wall limit fails with 422 job-wall-limit', async () => {
    const long = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(16, 30) });
    const done = await waitJob(s.url, long.body.id);
    assert.deepEqual([done.state, done.error.code], ['failed', 'job-wall-limit']);
    assert.match(done.error.message, /1 s of wall-clock time/);
    // CPU time is at most the wall time the job had (one thread), and is what the CPU limit would see
    assert.ok(done.cpu.seconds >= 0 && done.cpu.seconds < 1.2, `cpu ${done.cpu.seconds} s`);
  });
});
