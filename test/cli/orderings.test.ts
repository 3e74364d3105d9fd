import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers/cli.ts';

// A real (tiny) sensitivity output and the study it analysed: test/fixtures/orderings/README.md.
const FIXTURE = 'test/fixtures/orderings';
const STUDY = join(FIXTURE, 'study.yaml');
const ANALYSIS = join(FIXTURE, 'sensitivity-out');
const dir = mkdtempSync(join(tmpdir(), 'follisim-orderings-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs `follisim run` and asserts exit 2 with `pattern` on stderr and no output folder. */
function refused(scenario: string, analysis: string, pattern: RegExp, name: string): void {
  const out = join(dir, `refused-${name}`);
  const r = runCli(['run', scenario, '--orderings', analysis, '--out', out, '--no-store', '--progress', 'none']);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--orderings /);
  assert.match(r.stderr, pattern);
  assert.ok(!existsSync(out), 'nothing written');
  assert.ok(!readdirSync(dir).some((f) => f.startsWith(`.refused-${name}`)), 'no staging folder left');
}

describe('follisim run --orderings', () => {
  it('shows the probabilities with their intervals, copies them to orderings.json and records the analysis as an input', () => {
    const out = join(dir, 'ok');
    const r = runCli(['run', STUDY, '--orderings', ANALYSIS, '--out', out, '--no-store', '--progress', 'none', '--threads', '1']);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(readFileSync(join(ROOT, ANALYSIS, 'summary.json'), 'utf8'));
    const byOutput = new Map(summary.probabilities.map((p: { output: string }) => [p.output, p]));
    const copied = JSON.parse(readFileSync(join(out, 'orderings.json'), 'utf8'));
    assert.deepEqual(copied.orderings.map((o: { armA: string; armB: string }) => `${o.armA}>${o.armB}`), ['ceriaPatch>minoxidil', 'ceriaPatch>emptyPatch']);
    for (const o of copied.orderings) {
      const p = byOutput.get(o.output) as { estimate: number; low: number; high: number; n: number };
      assert.deepEqual([o.estimate, o.low, o.high, o.n], [p.estimate, p.low, p.high, p.n]);
      assert.ok(o.drivers.length === 2 && o.drivers.every((d: { morris: unknown[] }) => d.morris.length === 3), 'drivers of the indicator and the days difference');
    }
    assert.equal(copied.source.seed, 5);
    assert.deepEqual(copied.size, { method: 'sobol', runs: 28, parameters: 3, morrisTrajectories: 2, sobolSamples: 4, days: 21, micePerArm: 2, arms: ['minoxidil', 'emptyPatch', 'ceriaPatch'] });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const section = html.slice(html.lastIndexOf('Do the orderings survive parameter uncertainty?'));
    // 7 of 8 draws had Ce-MN before the empty patch: 87.5 %, Clopper–Pearson 47.3 % to 99.7 %
    assert.match(section, /87\.5 %/);
    assert.match(section, /47\.3 % to 99\.7 %/);
    assert.match(section, /0\.0 % to 36\.9 %/);
    assert.match(section, /7 \/ 8/);
    assert.match(section, /dhtBuildUpDays/);
    assert.match(section, /2 trajectories/);
    assert.match(section, /seed 5/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const input = manifest.inputs.find((i: { path: string }) => i.path.endsWith('sensitivity-out/summary.json'));
    assert.ok(input, JSON.stringify(manifest.inputs));
    assert.equal(input.sha256, sha(readFileSync(join(ROOT, ANALYSIS, 'summary.json'))));
    assert.equal(copied.source.summarySha256, input.sha256);
    assert.ok(manifest.outputs.some((o: { path: string }) => o.path === 'orderings.json'));
  });

  it('bad folder: exit 2 naming the flag and the path, nothing written', () => {
    refused(STUDY, join(dir, 'no-such-folder'), /no-such-folder.*no such file/, 'missing');
  });

  it('a summary.json that is not JSON, or not a sensitivity summary: exit 2 naming the file', () => {
    const bad = join(dir, 'not-json');
    mkdirSync(bad);
    writeFileSync(join(bad, 'summary.json'), '{ not json');
    writeFileSync(join(bad, 'manifest.json'), '{}');
    refused(STUDY, bad, /summary\.json is not JSON/, 'notjson');
    const other = join(dir, 'not-sensitivity');
    mkdirSync(other);
    writeFileSync(join(other, 'summary.json'), JSON.stringify({ kind: 'sweep', name: 'x' }));
    writeFileSync(join(other, 'manifest.json'), '{}');
    refused(STUDY, other, /summary\.json: kind: .*not the output of a `follisim sensitivity` run/, 'notsens');
  });

  it('an analysis of another study: exit 2 saying what differs', () => {
    const text = readFileSync(join(ROOT, STUDY), 'utf8');
    const renamed = join(dir, 'renamed.yaml');
    writeFileSync(renamed, text.replace('name: orderings-fixture-study', 'name: another-study'));
    refused(renamed, ANALYSIS, /named "orderings-fixture-study", this run is "another-study"/, 'renamed');
    const dose = join(dir, 'dose.yaml');
    writeFileSync(dose, text.replace('massPerNeedleNg: 30', 'massPerNeedleNg: 100'));
    refused(dose, ANALYSIS, /arm 'ceriaPatch' is defined differently: arms\.ceriaPatch\.patch\.cargo\.massPerNeedleNg is 30 in the analysis and 100 in this run/, 'dose');
    const fewer = join(dir, 'fewer.yaml');
    writeFileSync(fewer, text.replace(/ {2}- \{ id: minoxidil.*\n/, ''));
    const patch = join(dir, 'patch.yaml');
    writeFileSync(patch, 'model: patchDelivery\ndurationDays: 1\nsnapshots: { hours: [1] }\n');
    refused(patch, ANALYSIS, /this run is a patchDelivery scenario; ordering analyses belong to mouse studies/, 'patch');
    refused(fewer, ANALYSIS, /compares arm 'minoxidil', which this run does not have/, 'fewer');
  });
});
