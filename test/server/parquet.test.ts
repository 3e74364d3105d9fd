import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { ResultStore } from '../../src/node/store/store.ts';
import { getJson, mouseStudy, postJson, startServer, waitJob } from './helpers.ts';

const MAGIC = 'PAR1';
const ascii = (b: Uint8Array) => String.fromCharCode(...b);

describe('results as Parquet over HTTP', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  let job: { id: string; tables: string[] };
  const dir = mkdtempSync(join(tmpdir(), 'follisim-parquet-api-'));
  before(async () => {
    s = await startServer({ limits: { workers: 1 } });
    const sub = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(2, 4), seed: 11 });
    assert.equal(sub.status, 202);
    job = await waitJob(s.url, sub.body.id);
    assert.equal((job as unknown as { state: string }).state, 'succeeded');
    // a finished job reports the CPU time of its worker thread
    const cpu = (job as unknown as { cpu: { seconds: number; measure: string } }).cpu;
    assert.ok(cpu.seconds > 0, `cpu ${cpu.seconds} s`);
    assert.equal(cpu.measure, process.platform === 'linux' ? 'thread' : 'event-loop');
  });
  after(() => s.close());

  it('serves every table as a valid Parquet file that reads back with the CSV rows and columns, units in the metadata', async () => {
    assert.ok(job.tables.length >= 2, `tables ${job.tables.join(', ')}`);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      for (const name of job.tables) {
        const r = await fetch(s.url(`/api/jobs/${job.id}/tables/${name}.parquet`));
        assert.equal(r.status, 200, name);
        assert.equal(r.headers.get('content-type'), 'application/vnd.apache.parquet');
        const bytes = new Uint8Array(await r.arrayBuffer());
        assert.equal(ascii(bytes.subarray(0, 4)), MAGIC, `${name}: magic at the start`);
        assert.equal(ascii(bytes.subarray(bytes.length - 4)), MAGIC, `${name}: magic at the end`);
        const path = join(dir, `${name}.parquet`);
        writeFileSync(path, bytes);
        const csv = (await (await fetch(s.url(`/api/jobs/${job.id}/tables/${name}.csv`))).text()).trim().split('\n');
        const read = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
        assert.deepEqual(read.columnNames(), csv[0].split(','), `${name}: columns`);
        assert.equal(read.currentRowCount, csv.length - 1, `${name}: rows`);
        // numbers equal the CSV's to its printed digits (Parquet keeps the full double, the CSV 8 significant digits)
        const row0 = read.getRowObjectsJS()[0];
        const cells = csv[1].split(',');
        read.columnNames().forEach((c, i) => {
          if (typeof row0[c] === 'number') assert.ok(Math.abs(row0[c] - Number(cells[i])) <= 1e-7 * Math.max(1, Math.abs(row0[c])), `${name}.${c}: ${row0[c]} vs ${cells[i]}`);
        });
        const kv = (await conn.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`)).getRowObjectsJS();
        const meta = Object.fromEntries(kv.map((e) => [String(e.k), String(e.v)]));
        assert.equal(meta['follisim.job'], job.id);
        assert.equal(meta['follisim.table'], name);
        assert.deepEqual(Object.keys(JSON.parse(meta['follisim.units'])), csv[0].split(','));
      }
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });

  it('answers ?format=parquet the same bytes, and names missing tables and bad formats', async () => {
    const name = job.tables[0];
    const a = new Uint8Array(await (await fetch(s.url(`/api/jobs/${job.id}/tables/${name}?format=parquet`))).arrayBuffer());
    const b = new Uint8Array(await (await fetch(s.url(`/api/jobs/${job.id}/tables/${name}.parquet`))).arrayBuffer());
    assert.deepEqual(a, b);
    const csv = await fetch(s.url(`/api/jobs/${job.id}/tables/${name}`));
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const missing = await getJson(s.url(`/api/jobs/${job.id}/tables/nope.parquet`));
    assert.equal(missing.status, 404);
    assert.match(missing.body.error.message, /no table 'nope'/);
    const bad = await getJson(s.url(`/api/jobs/${job.id}/tables/${name}?format=xlsx`));
    assert.equal(bad.status, 400);
    const api = (await getJson(s.url('/api/openapi.json'))).body;
    const op = api.paths['/api/jobs/{id}/tables/{name}'].get;
    assert.deepEqual(op.parameters.find((p: { name: string }) => p.name === 'format').schema.enum, ['csv', 'parquet'], 'the format query comes from the zod schema');
    assert.ok(api.paths['/api/jobs/{id}/tables/{name}.parquet'].get.responses[200].content['application/vnd.apache.parquet']);
  });
});

describe('a server with a results store records each job and serves its Parquet from the store', () => {
  it('stores the run (catalog row, Parquet tables) and answers the stored bytes', async () => {
    const storeDir = mkdtempSync(join(tmpdir(), 'follisim-serve-store-'));
    const s = await startServer({ limits: { workers: 1 }, store: storeDir });
    let served: Uint8Array;
    let id: string;
    try {
      const sub = await postJson(s.url('/api/jobs'), { scenario: mouseStudy(2, 4), seed: 12 });
      const done = await waitJob(s.url, sub.body.id);
      assert.equal(done.state, 'succeeded');
      id = done.id;
      const r = await fetch(s.url(`/api/jobs/${id}/tables/arms-by-day.parquet`));
      assert.equal(r.status, 200);
      served = new Uint8Array(await r.arrayBuffer());
      assert.equal(ascii(served.subarray(0, 4)), MAGIC);
    } finally {
      await s.close();
    }
    // the server let go of the store on close: open it as `follisim results` would
    const store = await ResultStore.open(storeDir, 0);
    try {
      const runs = await store.listRuns();
      assert.equal(runs.length, 1);
      assert.deepEqual([runs[0].task, runs[0].seed, runs[0].status, runs[0].engine], ['run:mouseStudy', 12, 'done', 'serve']);
      assert.ok(runs[0].units > 0, `the plan's unit count is recorded (got ${runs[0].units})`);
      const tables = await store.tables(runs[0].id);
      const t = tables.find((x) => x.name === 'arms-by-day');
      assert.ok(t, `tables ${tables.map((x) => x.name).join(', ')}`);
      assert.deepEqual(new Uint8Array(store.tableBytes(t.path)), served, 'the API served the stored file');
      assert.ok(t.rows > 0);
      assert.equal((await store.runSummary(runs[0].id) as { model?: string }).model, 'mouseStudy');
    } finally {
      await store.close();
    }
  });
});
