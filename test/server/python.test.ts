import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, TINY_PATCH } from './helpers.ts';

const CLIENT = join(import.meta.dirname, '..', '..', 'examples', 'clients', 'python', 'follisim_client.py');
const python = spawnSync('python3', ['--version']).status === 0;
if (!python) console.log('# python client test skipped: no python3 on PATH');

/** Runs the client to completion (asynchronously: the server answers in this same process). */
function runClient(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn('python3', [CLIENT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('Python example client (standard library only)', { skip: !python }, () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  const dir = mkdtempSync(join(tmpdir(), 'follisim-py-'));
  before(async () => {
    s = await startServer({ limits: { workers: 1 } });
  });
  after(() => s.close());

  it('submits a scenario, polls the job and writes the result files', async () => {
    const scenario = join(dir, 'tiny.yaml');
    writeFileSync(scenario, TINY_PATCH);
    const r = await runClient([scenario, '--server', s.base, '--seed', '4', '--out', join(dir, 'out'), '--parquet']);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    assert.equal(printed.seed, 4);
    assert.equal(printed.summary.model, 'patchDelivery');
    assert.ok(existsSync(join(dir, 'out', 'manifest.json')));
    assert.equal(JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')).seeds.root, 4);
    // the Parquet table: the magic bytes at both ends (reading it needs a package the client does not use)
    const pq = readFileSync(join(dir, 'out', 'timeseries.parquet'));
    assert.equal(pq.subarray(0, 4).toString('latin1'), 'PAR1');
    assert.equal(pq.subarray(pq.length - 4).toString('latin1'), 'PAR1');
  });

  it('prints the issues of an invalid scenario with their lines and exits 2', async () => {
    const scenario = join(dir, 'bad.yaml');
    writeFileSync(scenario, TINY_PATCH.replace('durationDays: 1', 'durationDays: -1'));
    const r = await runClient([scenario, '--server', s.base]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.yaml:5: durationDays: out of range/);
  });
});
