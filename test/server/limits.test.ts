import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { estimateRun } from '../../src/node/server/estimate.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { getJson, mouseStudy, postJson, startServer, TINY_PATCH, waitJob } from './helpers.ts';

describe('server limits, each a clear 4xx JSON error', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    // one worker, a short job CPU time, two jobs per client and a queue of two make every limit reachable
    s = await startServer({ limits: { workers: 1, bodyBytes: 4096, jobCpuSeconds: 1.5, jobsPerClient: 2, queueLength: 2, runSeconds: 120 } });
  });
  after(() => s.close());

  it('rejects a body over the size limit with 413 body-too-large', async () => {
    const r = await postJson(s.url('/api/validate'), { scenario: TINY_PATCH + '#'.repeat(5000) });
    assert.equal(r.status, 413);
    assert.equal(r.body.error.code, 'body-too-large');
    assert.equal(r.body.error.limit, 4096);
  });

  it('rejects an invalid scenario with 422 invalid-scenario and its issues', async () => {
    const r = await postJson(s.url('/api/jobs'), { scenario: TINY_PATCH.replace('voxelUm: 50', 'voxelUm: -1') });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'invalid-scenario');
    assert.equal(r.body.error.issues[0].path, 'skin.voxelUm');
    assert.equal(r.body.error.issues[0].line, 6);
  });

  it('rejects a run whose estimate exceeds the limits with 422 run-too-large', async () => {
    const big = mouseStudy(1000, 35);
    const parsed = parseScenario(big);
    if (!parsed.ok) throw new Error("invalid");
    const est = estimateRun(parsed.value);
    assert.ok(est.seconds > 120, `estimate ${est.seconds} s`);
    const r = await postJson(s.url('/api/jobs'), { scenario: big });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'run-too-large');
    assert.ok(r.body.error.estimate.seconds > 120);
  });

  it('stops a job past its CPU-time limit: the job fails with 422 job-cpu-limit naming the limit', async () => {
    // ≈ 4 s of CPU unstopped (16 mice per arm on a 12 × 12 lattice), well past the 1.5 s limit
    const r = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(16, 30) });
    assert.equal(r.status, 202);
    const done = await waitJob(s.url, r.body.id);
    assert.equal(done.state, 'failed');
    assert.deepEqual([done.error.status, done.error.code], [422, 'job-cpu-limit']);
    assert.match(done.error.message, /more than the limit of 1\.5 s per job \(jobCpuSeconds/);
    // charged CPU time, measured per thread (this is Linux), just past the limit (polled every 100 ms)
    assert.equal(done.cpu.measure, process.platform === 'linux' ? 'thread' : 'event-loop');
    assert.ok(done.cpu.seconds > 1.5 && done.cpu.seconds < 2.5, `cpu ${done.cpu.seconds} s`);
  });

  it('limits jobs per client (429 too-many-jobs) and the queue length (503 queue-full)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(4, 30) });
      assert.equal(r.status, 202);
      ids.push(r.body.id);
    }
    const third = await postJson(s.url('/api/jobs'), { scenario: TINY_PATCH });
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'too-many-jobs');
    // the queue limit counts all clients: fill it through the manager as other clients would
    const scenario = (parseScenario(TINY_PATCH) as { value: Record<string, unknown> }).value;
    const other = (client: string) => s.jobs.submit({ client, task: 'run:patchDelivery', estimate: { bytes: 1, seconds: 1 }, scenario, text: TINY_PATCH });
    other('10.0.0.1');
    assert.throws(() => other('10.0.0.2'), (e: any) => e.status === 503 && e.code === 'queue-full');
    for (const id of ids) await fetch(s.url(`/api/jobs/${id}`), { method: 'DELETE' });
    const health = (await getJson(s.url('/api/health'))).body;
    assert.equal(health.limits.jobsPerClient, 2);
  });
});
