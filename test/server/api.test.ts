import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { parseScenario } from '../../src/scenario/index.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { getJson, mouseStudy, postJson, startServer, TINY_PATCH, waitJob } from './helpers.ts';

describe('HTTP API', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    s = await startServer({ limits: { workers: 2 } });
  });
  after(() => s.close());

  it('reports health, tasks, schema, parameters and an OpenAPI document built from the zod schemas', async () => {
    const health = await getJson(s.url('/api/health'));
    assert.equal(health.status, 200);
    assert.equal(health.body.ok, true);
    assert.deepEqual((await getJson(s.url('/api/tasks'))).body.includes('run:mouseStudy'), true);
    const schema = (await getJson(s.url('/api/schema'))).body;
    assert.ok(JSON.stringify(schema).includes('mouseStudy'));
    const params = (await getJson(s.url('/api/parameters'))).body;
    assert.ok(params.length > 50, `${params.length} parameters`);
    for (const p of params) assert.ok(p.source && p.unit !== undefined && typeof p.value === 'number', JSON.stringify(p));
    const api = (await getJson(s.url('/api/openapi.json'))).body;
    assert.equal(api.openapi, '3.1.0');
    for (const path of ['/api/validate', '/api/jobs', '/api/jobs/{id}', '/api/jobs/{id}/events', '/api/parameters', '/api/schema']) assert.ok(api.paths[path], path);
    assert.ok(api.components.schemas.SubmitRequest.properties.seed, 'SubmitRequest from zod');
    assert.ok(api.components.schemas.Scenario.oneOf ?? api.components.schemas.Scenario.anyOf, 'the scenario union');
    const refs = new Set<string>();
    JSON.stringify(api, (k, v) => (k === '$ref' && refs.add(v), v));
    for (const r of refs) assert.ok(api.components.schemas[r.replace('#/components/schemas/', '')], `${r} resolves`);
  });

  it('validates scenario text with line numbers, and JSON objects', async () => {
    const ok = await postJson(s.url('/api/validate'), { scenario: TINY_PATCH });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.ok, true);
    assert.equal(ok.body.task, 'run:patchDelivery');
    assert.ok(ok.body.estimate.seconds > 0);
    const bad = await postJson(s.url('/api/validate'), { scenario: TINY_PATCH.replace('durationDays: 1', 'durationDays: -2') });
    assert.equal(bad.body.ok, false);
    assert.deepEqual(bad.body.issues.map((i: any) => [i.path, i.line]), [['durationDays', 5]]);
    const obj = await postJson(s.url('/api/validate'), { scenario: { model: 'humanScalp', durationDays: 'x' } });
    assert.equal(obj.body.ok, false);
    assert.ok(obj.body.issues.some((i: any) => i.path === 'durationDays'));
    const yaml = await fetch(s.url('/api/validate'), { method: 'POST', headers: { 'content-type': 'text/yaml' }, body: TINY_PATCH });
    assert.equal((await yaml.json()).ok, true);
    const notRequest = await postJson(s.url('/api/validate'), { scenaro: 'x' });
    assert.equal(notRequest.status, 400);
    assert.equal(notRequest.body.error.code, 'bad-request');
    const notJson = await fetch(s.url('/api/validate'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    assert.equal(notJson.status, 400);
    assert.equal((await notJson.json()).error.code, 'bad-request');
  });

  it('runs a job and serves the same files the CLI writes, with the numbers of a run in this process', async () => {
    const sub = await postJson(s.url('/api/jobs'), { scenario: TINY_PATCH, seed: 5 });
    assert.equal(sub.status, 202);
    assert.match(sub.body.id, /^[0-9a-f-]{36}$/);
    const done = await waitJob(s.url, sub.body.id);
    assert.equal(done.state, 'succeeded', JSON.stringify(done.error));
    assert.equal(done.seed, 5);
    for (const f of ['summary.json', 'manifest.json', 'report.html', 'timeseries.csv']) assert.ok(done.files.includes(f), `${f} in ${done.files}`);
    const summary = (await getJson(s.url(`/api/jobs/${done.id}/summary`))).body;
    const local = await runTask(parseScenario(TINY_PATCH).ok ? (parseScenario(TINY_PATCH) as any).value : null, { seed: 5 });
    assert.deepEqual(summary, JSON.parse(JSON.stringify(local.output.summary)));
    const csv = await fetch(s.url(`/api/jobs/${done.id}/tables/timeseries.csv`));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match((await csv.text()).split('\n')[0], /hours/);
    const report = await fetch(s.url(`/api/jobs/${done.id}/report`));
    assert.match(await report.text(), /<html/i);
    const png = done.files.find((f: string) => f.endsWith('.png'));
    const pic = await fetch(s.url(`/api/jobs/${done.id}/files/${png}`));
    assert.equal(pic.headers.get('content-type'), 'image/png');
    const manifest = (await getJson(s.url(`/api/jobs/${done.id}/files/manifest.json`))).body;
    assert.equal(manifest.seeds.root, 5);
    assert.deepEqual(manifest.outputs.map((o: any) => o.path).sort(), done.files.filter((f: string) => f !== 'manifest.json').sort());
    const zip = unzipSync(new Uint8Array(await (await fetch(s.url(`/api/jobs/${done.id}/download`))).arrayBuffer()));
    assert.deepEqual(Object.keys(zip).sort(), [...done.files].sort());
    assert.equal(strFromU8(zip['summary.json']).trim(), JSON.stringify(summary, null, 2));
    assert.equal((await fetch(s.url(`/api/jobs/${done.id}/files/nothing.txt`))).status, 404);
  });

  it('streams progress as server-sent events until the job is final', async () => {
    const sub = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(2, 4) });
    const r = await fetch(s.url(`/api/jobs/${sub.body.id}/events`));
    assert.match(r.headers.get('content-type') ?? '', /text\/event-stream/);
    const text = await r.text(); // the stream ends when the job is final
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map((m) => ({ type: m[1], job: JSON.parse(m[2]) }));
    assert.ok(events.some((e) => e.type === 'progress' && e.job.progress.fraction > 0 && e.job.progress.fraction < 1), text.slice(0, 500));
    assert.equal(events.at(-1)?.job.state, 'succeeded');
  });

  it('cancels queued and running jobs (POST cancel and DELETE)', async () => {
    const long = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(16, 30) });
    await new Promise((r) => setTimeout(r, 300));
    const c = await postJson(s.url(`/api/jobs/${long.body.id}/cancel`), {});
    assert.equal(c.status, 200);
    assert.equal(c.body.state, 'cancelled');
    const again = await fetch(s.url(`/api/jobs/${long.body.id}`), { method: 'DELETE' });
    assert.equal((await again.json()).state, 'cancelled');
    const res = await getJson(s.url(`/api/jobs/${long.body.id}/summary`));
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'job-not-succeeded');
    assert.equal((await getJson(s.url('/api/jobs/nope'))).status, 404);
    // the pool still works after a worker was terminated
    const next = await postJson(s.url('/api/jobs'), { scenario: TINY_PATCH });
    assert.equal((await waitJob(s.url, next.body.id)).state, 'succeeded');
  });

  it('answers unknown routes with JSON 404 and never maps request paths onto files', async () => {
    const r = await getJson(s.url('/api/nothing'));
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not-found');
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/a\\..\\package.json']) {
      const x = await fetch(s.url(p));
      assert.notEqual(x.status, 200, p);
    }
  });
});
