import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverLoad } from '../../bench/serverLoad.ts';

describe('server under a small load (the bench runs the full size)', () => {
  it('answers every validation and small run, and validates quickly while a long job runs', async () => {
    const r = await serverLoad({ validations: 100, runs: 6, concurrency: 8, runConcurrency: 3, probes: 10, phaseMs: 60_000 });
    console.log(`validate ${r.validate.perSecond.toFixed(0)}/s p50 ${r.validate.p50Ms.toFixed(1)} ms p99 ${r.validate.p99Ms.toFixed(1)} ms; runs ${r.runs.perSecond.toFixed(2)}/s; busy p99 ${r.validateDuringLongJob.p99Ms.toFixed(1)} ms`);
    assert.equal(r.validate.count, 100);
    assert.equal(r.runs.count, 6);
    assert.equal(r.runs.failed, 0);
    assert.equal(r.validateDuringLongJob.count, 10);
    assert.equal(r.validateDuringLongJob.longJobState, 'running', 'the long job was running while the probes were answered');
    // generous for a loaded 2-core CI machine; a validation takes a few ms when idle
    assert.ok(r.validateDuringLongJob.p99Ms < 1500, `validation p99 ${r.validateDuringLongJob.p99Ms} ms while a job runs`);
  });
});
