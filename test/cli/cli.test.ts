import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/cli.ts';

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SMALL = `model: humanScalp
name: small
durationDays: 730
record: { everyDays: 73 }
scalp:
  regions:
    frontal: { areaCm2: 4 }
    midScalp: { areaCm2: 4 }
    vertex: { areaCm2: 4 }
    occipital: { areaCm2: 4 }
`;

describe('CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'follisim-cli-'));
  const scenario = join(dir, 'small.yaml');
  writeFileSync(scenario, SMALL);

  it('run writes manifest, summary and time series; the seed makes it reproducible', () => {
    const out1 = join(dir, 'a');
    const out2 = join(dir, 'b');
    assert.equal(cli(['run', scenario, '--out', out1, '--seed', '11']).code, 0);
    assert.equal(cli(['run', scenario, '--out', out2, '--seed', '11']).code, 0);
    for (const f of ['manifest.json', 'summary.json', 'timeseries.csv']) assert.ok(existsSync(join(out1, f)), f);
    const summary = JSON.parse(readFileSync(join(out1, 'summary.json'), 'utf8'));
    for (const region of ['frontal', 'midScalp', 'vertex', 'occipital']) {
      assert.equal(typeof summary.regions[region].anagenFraction, 'number');
      assert.equal(typeof summary.regions[region].terminalDensityPerCm2, 'number');
    }
    assert.equal(readFileSync(join(out1, 'timeseries.csv'), 'utf8'), readFileSync(join(out2, 'timeseries.csv'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(out1, 'manifest.json'), 'utf8'));
    assert.equal(manifest.seeds.root, 11);
    assert.equal(manifest.seeds.generated, false);
    assert.equal(manifest.scenario.seed, 11);
    assert.equal(manifest.scenario.scalp.cycle.telogen.meanDays, 90, 'defaults appear in the resolved scenario');
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.ok(manifest.timing.wallS >= 0 && manifest.timing.startedAt);
    const csv = readFileSync(join(out1, 'timeseries.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length, 1 + 11 * 5, 'header + 11 samples × (4 regions + scalp)');
  });

  it('run without a seed generates one and records it', () => {
    const out = join(dir, 'c');
    assert.equal(cli(['run', scenario, '--out', out]).code, 0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.ok(Number.isSafeInteger(manifest.seeds.root));
    assert.equal(manifest.seeds.generated, true);
  });

  it('validate: exit 0 for a valid file, 2 with one line per error otherwise', () => {
    const ok = cli(['validate', scenario]);
    assert.equal(ok.code, 0);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, SMALL.replace('durationDays: 730', 'durationDays: -1').replace('name: small', 'name: small\ncolour: blue'));
    const r = cli(['validate', bad]);
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.ok(lines.some((l) => /bad\.yaml:3: colour: unknown key 'colour'/.test(l)), r.stderr);
    assert.ok(lines.some((l) => /bad\.yaml:4: durationDays = -1: out of range: allowed a number >= 0\.001/.test(l)), r.stderr);
  });

  it('bad input exits 2 and leaves no output folder behind', () => {
    const cases: [string[], RegExp][] = [
      [['run', join(dir, 'missing.yaml'), '--out', join(dir, 'x1')], /missing\.yaml: cannot read scenario file \(no such file\)/],
      [['run', scenario, '--out', join(dir, 'x2'), '--seed', '-4'], /--seed = "-4": must be an integer from 0/],
      [['run', scenario, '--out', join(dir, 'x3'), '--seed', 'abc'], /--seed = "abc"/],
      [['run', scenario, '--out', join(dir, 'x4'), '--colour'], /unknown option '--colour'/],
      [['frobnicate'], /unknown command/],
    ];
    const wrongTypes = join(dir, 'types.yaml');
    writeFileSync(wrongTypes, SMALL.replace('everyDays: 73', 'everyDays: "often"'));
    cases.push([['run', wrongTypes, '--out', join(dir, 'x5')], /types\.yaml:4: record\.everyDays = "often": expected a number >= 0\.001/]);
    const fraction = join(dir, 'fraction.yaml');
    writeFileSync(fraction, SMALL + '  cycle:\n    latency: { probability: 1.2 }\n');
    cases.push([['run', fraction, '--out', join(dir, 'x6')], /fraction\.yaml:12: scalp\.cycle\.latency\.probability = 1\.2: out of range: allowed a number >= 0 and <= 1/]);
    for (const [args, re] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
    }
    const left = readdirSync(dir).filter((f) => f.startsWith('x') || f.includes('partial'));
    assert.deepEqual(left, []);
  });

  it('schema prints a JSON Schema', () => {
    const r = cli(['schema']);
    assert.equal(r.code, 0);
    const schema = JSON.parse(r.stdout);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(r.stdout, /durationDays/);
  });

  it('the example scenarios validate', () => {
    for (const f of readdirSync(join(ROOT, 'examples')).filter((x) => x.endsWith('.yaml'))) {
      const r = cli(['validate', join(ROOT, 'examples', f)]);
      assert.equal(r.code, 0, `${f}: ${r.stderr}`);
    }
  });
});
