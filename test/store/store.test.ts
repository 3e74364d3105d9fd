import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { resumableExecutor } from '../../src/node/store/resumable.ts';
import { completeRun, openRun } from '../../src/node/store/runRecord.ts';
import { ResultStore } from '../../src/node/store/store.ts';
import { threadExecutor } from '../../src/node/pool/threadExecutor.ts';
import { validateScenario, type Scenario } from '../../src/scenario/index.ts';
import { serialExecutor } from '../../src/tasks/executor.ts';
import { getTask, registerTask } from '../../src/tasks/registry.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import type { Task } from '../../src/tasks/task.ts';
import type { Table, TaskOutput } from '../../src/tasks/types.ts';
import { runCli } from '../helpers/cli.ts';
import { smallMouseStudy } from '../helpers/scenarios.ts';

const MICE = smallMouseStudy('store-test-mice');

function mice(): Scenario {
  const r = validateScenario(MICE);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** A trivial multi-unit task: unit i returns typed arrays and a count of how often it ran. */
let runs = 0;
type Cubes = { model: string; n: number; seed?: number };
const cubes: Task<Cubes, number, { i: number; v: Float64Array }, TaskOutput> = {
  name: 'test:cubes',
  description: 'cubes, one unit per term',
  accepts: (s) => s.model === 'test-cubes',
  plan: (s) => Array.from({ length: s.n }, (_, i) => i),
  runUnit: (_s, u) => {
    runs++;
    return { i: u, v: new Float64Array([u ** 3, -0, 0.1 * u]) };
  },
  reduce: (_s, r) => ({ task: 'test:cubes', summary: { sum: r.reduce((a, b) => a + b.v[0], 0) }, tables: { cubes: { i: r.map((x) => x.i), cube: r.map((x) => x.v[0]), tenth: r.map((x) => x.v[2]) } }, solver: {}, stats: {}, streams: [] }),
};
if (!getTask(cubes.name)) registerTask(cubes);

const bytesOf = (path: string): ArrayBuffer => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe('results store', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'follisim-store-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a mouse study: catalog entry, one row per unit, Parquet tables that hyparquet reads back equal with units', async () => {
    const store = await ResultStore.open(join(dir, 'a'));
    const scenario = mice();
    const startedAt = new Date();
    const opened = await openRun(store, { task: 'run:mouseStudy', scenario, seed: 7, engine: 'threads:2', units: 6, startedAt });
    const exec = resumableExecutor(threadExecutor(2), { store, runId: opened.runId, scenarioHash: opened.scenarioHash, attempt: opened.attempt });
    const run = await runTask(scenario, { seed: 7, executor: exec });
    await completeRun(store, opened.runId, run.output, startedAt);
    assert.deepEqual(exec.stats, { reused: 0, ran: 6 });
    const rec = await store.getRun(opened.runId);
    assert.equal(rec?.status, 'done');
    assert.equal(rec?.seed, 7);
    assert.equal(rec?.scenarioHash.length, 64);
    assert.deepEqual((await store.unitCounts(opened.runId)).map((u) => u.index), [0, 1, 2, 3, 4, 5]);
    const tables = await store.tables(opened.runId);
    assert.deepEqual(tables.map((t) => t.name).sort(), Object.keys(run.output.tables).sort());
    for (const t of tables) {
      const file = bytesOf(join(store.dir, t.path));
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      const mem = run.output.tables[t.name] as Table;
      assert.equal(rows.length, t.rows);
      for (const [col, values] of Object.entries(mem)) {
        const back = rows.map((r) => r[col]);
        const want = Array.from(values as ArrayLike<number | string>);
        // NaN == NaN for this comparison; every other value must be identical (doubles are stored exactly)
        assert.deepEqual(back.map((v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v)), want.map((v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v)), `${t.name}.${col}`);
      }
      const kv = Object.fromEntries((parquetMetadata(file).key_value_metadata ?? []).map((e) => [e.key, e.value]));
      assert.equal(kv['unit.day'], 'd', `${t.name}: unit of day`);
      assert.deepEqual(JSON.parse(String(kv['follisim.units'])), t.units);
      assert.equal(kv['follisim.run'], opened.runId);
    }
    await store.close();
  });

  it('stores each unit exactly once and resumes an unfinished run from its stored units', async () => {
    const store = await ResultStore.open(join(dir, 'b'));
    const scenario = { model: 'test-cubes', n: 5 };
    const opened = await openRun(store, { task: 'test:cubes', scenario, seed: 1, engine: 'serial', units: 5, startedAt: new Date() });
    // the first attempt stops after 3 units (as if killed): only those are committed
    let stop = 0;
    const ac = new AbortController();
    const first = resumableExecutor(serialExecutor, { store, runId: opened.runId, scenarioHash: opened.scenarioHash, attempt: 1 });
    await assert.rejects(runTask({ ...scenario, seed: 1 }, { executor: first, signal: ac.signal, onProgress: (p) => p.stage.startsWith('units') && ++stop === 3 && ac.abort() }), { name: 'AbortError' });
    await store.flushUnits();
    assert.equal((await store.unitCounts(opened.runId)).length, 3);
    // the same command again adopts the unfinished run and runs the remaining two units only
    const again = await openRun(store, { task: 'test:cubes', scenario, engine: 'serial', units: 5, startedAt: new Date() });
    assert.equal(again.runId, opened.runId);
    assert.equal(again.seed, 1);
    assert.equal(again.attempt, 2);
    runs = 0;
    const second = resumableExecutor(serialExecutor, { store, runId: again.runId, scenarioHash: again.scenarioHash, attempt: again.attempt });
    const resumed = await runTask({ ...scenario, seed: 1 }, { executor: second });
    assert.deepEqual(second.stats, { reused: 3, ran: 2 });
    assert.equal(runs, 2);
    const counts = await store.unitCounts(opened.runId);
    assert.deepEqual(counts.map((c) => [c.index, c.attempt]), [[0, 1], [1, 1], [2, 1], [3, 2], [4, 2]]);
    const fresh = await runTask({ ...scenario, seed: 1 });
    assert.deepEqual(resumed.output, fresh.output, 'typed arrays and -0 survive the store');
    await store.close();
  });

  it('`follisim results list|show|export` query the store (JSON), export Parquet + CSV with units; unknown runs exit 2', async () => {
    const storeDir = join(dir, 'cli');
    const store = await ResultStore.open(storeDir);
    const scenario = { model: 'test-cubes', n: 3 };
    const startedAt = new Date();
    const opened = await openRun(store, { task: 'test:cubes', scenario, seed: 4, engine: 'serial', units: 3, startedAt });
    const run = await runTask({ ...scenario, seed: 4 }, { executor: resumableExecutor(serialExecutor, { store, runId: opened.runId, scenarioHash: opened.scenarioHash, attempt: 1 }) });
    await completeRun(store, opened.runId, { ...run.output, tableUnits: { cubes: { i: 'index', cube: '1', tenth: '1' } } }, startedAt);
    await store.close();
    const list = runCli(['results', 'list', '--store', storeDir, '--task', 'test:cubes', '--json']);
    assert.equal(list.status, 0, list.stderr);
    const runsListed = JSON.parse(list.stdout) as { id: string; status: string; seed: number }[];
    assert.deepEqual(runsListed.map((r) => [r.id, r.status, r.seed]), [[opened.runId, 'done', 4]]);
    const out = join(dir, 'export');
    const exp = runCli(['results', 'export', opened.runId.slice(0, 18), '--store', storeDir, '--out', out, '--json']);
    assert.equal(exp.status, 0, exp.stderr);
    assert.deepEqual((JSON.parse(exp.stdout) as { files: string[] }).files.sort(), ['cubes.csv', 'cubes.csv-metadata.json', 'cubes.parquet', 'run.json']);
    assert.equal(readFileSync(join(out, 'cubes.csv'), 'utf8'), 'i,cube,tenth\n0,0,0.0\n1,1,0.1\n2,8,0.2\n');
    const csvw = JSON.parse(readFileSync(join(out, 'cubes.csv-metadata.json'), 'utf8')) as { tableSchema: { columns: { name: string; 'follisim:unit': string }[] } };
    assert.deepEqual(csvw.tableSchema.columns.map((c) => [c.name, c['follisim:unit']]), [['i', 'index'], ['cube', '1'], ['tenth', '1']]);
    const rows = await parquetReadObjects({ file: bytesOf(join(out, 'cubes.parquet')) });
    assert.deepEqual(rows, [{ i: 0, cube: 0, tenth: 0 }, { i: 1, cube: 1, tenth: 0.1 }, { i: 2, cube: 8, tenth: 0.2 }]);
    const missing = runCli(['results', 'show', 'nope', '--store', storeDir]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no run 'nope'/);
  });
});
