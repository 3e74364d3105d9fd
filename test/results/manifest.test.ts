import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sha256Hex } from '../../src/core/sha256.ts';
import { resultJson } from '../../src/results/json.ts';
import type { RunManifest } from '../../src/results/manifest.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('sha256', () => {
  it('matches node:crypto on the FIPS vectors and on random lengths across block boundaries', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const n of [1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 131 + n) & 255);
      assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex'), `length ${n}`);
    }
  });
});

describe('result JSON', () => {
  it('writes typed arrays as arrays', () => {
    assert.deepEqual(JSON.parse(resultJson({ a: Float64Array.of(1.5, 2), b: Uint8Array.of(3) })), { a: [1.5, 2], b: [3] });
  });
});

describe('manifest of a CLI run', () => {
  it('records the seed, the command line, dependencies, and every input and output file with its size and hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'follisim-manifest-'));
    const scenario = join(dir, 's.yaml');
    writeFileSync(scenario, 'model: humanScalp\nname: m\ndurationDays: 365\nrecord: { everyDays: 73 }\nscalp:\n  regions:\n    frontal: { areaCm2: 2 }\n    midScalp: { areaCm2: 2 }\n    vertex: { areaCm2: 2 }\n    occipital: { areaCm2: 2 }\n');
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'node', 'cli', 'main.ts'), 'run', scenario, '--out', out, '--seed', '4', '--progress', 'none'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as RunManifest;
    assert.equal(m.manifestVersion, 2);
    assert.equal(m.seeds.root, 4);
    assert.equal(m.seeds.generated, false);
    assert.ok(m.commandLine.includes('run') && m.commandLine.includes('--seed'));
    for (const dep of ['zod', 'yaml', 'pure-rand', 'fflate', 'commander']) assert.match(m.dependencies[dep] ?? '', /^\d+\.\d+\.\d+/, dep);
    assert.match(m.platform.node, /^v\d+/);
    assert.equal(m.inputs.length, 1);
    assert.equal(m.inputs[0].sha256, createHash('sha256').update(readFileSync(scenario)).digest('hex'));
    const paths = m.outputs.map((f) => f.path);
    for (const f of ['summary.json', 'timeseries.csv', 'report.html']) assert.ok(paths.includes(f), f);
    assert.ok(!paths.includes('manifest.json'), 'the manifest does not list itself');
    for (const f of m.outputs) {
      const bytes = readFileSync(join(out, f.path));
      assert.equal(f.bytes, bytes.length, f.path);
      assert.equal(f.sha256, createHash('sha256').update(bytes).digest('hex'), f.path);
    }
    const ts = m.outputs.find((f) => f.path === 'timeseries.csv');
    assert.ok(ts?.columns?.some((c) => c.name === 'terminalDensityPerCm2' && c.unit === '1/cm²'), 'CSV columns carry units');
  });
});

describe('column units', () => {
  it('every column the three examples write has a declared unit', async () => {
    const { columnUnit } = await import('../../src/results/units.ts');
    const { readdirSync } = await import('node:fs');
    const golden = join(ROOT, 'test', 'golden', 'data');
    for (const ex of readdirSync(golden)) {
      for (const f of readdirSync(join(golden, ex)).filter((x) => x.endsWith('.csv'))) {
        for (const col of readFileSync(join(golden, ex, f), 'utf8').split('\n')[0].split(',')) assert.notEqual(columnUnit(col), '', `${ex}/${f}: ${col}`);
      }
    }
  });
});
