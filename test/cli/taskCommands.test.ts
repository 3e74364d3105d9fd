import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { smallScalp } from '../sweep/helpers.ts';
import { ROOT, runCli } from '../helpers/cli.ts';
import { loadTaskFile } from '../../src/node/cli/taskFile.ts';

const dir = mkdtempSync(join(tmpdir(), 'follisim-sweep-'));
function file(name: string, body: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : stringify(body));
  return p;
}
const base = {
  kind: 'sweep',
  subtask: { scenarioFile: 'scalp.yaml' },
  parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.6, levels: 2 }],
  outputs: [{ path: 'regions.vertex.terminalDensityChangePct', name: 'vertex change' }],
  seed: 1,
};
file('scalp.yaml', smallScalp(1));

describe('follisim sweep | sensitivity | calibrate', () => {
  it('runs a sweep file with a scenarioFile relative to it and writes tables, figures, report and manifest', () => {
    const out = join(dir, 'out');
    const r = runCli(['sweep', file('ok.yaml', base), '--out', out, '--threads', '2', '--progress', 'none']);
    assert.equal(r.status, 0, r.stderr);
    for (const f of ['summary.json', 'runs.csv', 'points.csv', 'report.html', 'manifest.json', 'figures/response-1.svg', 'figures/response-1.chart.json']) assert.ok(existsSync(join(out, f)), f);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { seeds: { root: number }; solver: { executor: string } };
    assert.equal(manifest.seeds.root, 1);
    assert.equal(manifest.solver.executor, 'threads:2');
    // same file, one thread: identical numbers
    const serial = join(dir, 'serial');
    assert.equal(runCli(['sweep', join(dir, 'ok.yaml'), '--out', serial, '--threads', '1', '--progress', 'none']).status, 0);
    assert.equal(readFileSync(join(serial, 'runs.csv'), 'utf8'), readFileSync(join(out, 'runs.csv'), 'utf8'));
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown path', { ...base, parameters: [{ path: 'scalp.aga.nope', min: 0, max: 1 }] }, /parameters\.0\.path = "scalp\.aga\.nope".*unknown key 'nope'/],
    ['min >= max', { ...base, parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.5, max: 0.5 }] }, /:\d+: parameters\.0\.max = 0\.5: must be > min \(0\.5\)/],
    ['bad distribution', { ...base, parameters: [{ path: 'scalp.aga.androgenLevel', distribution: { type: 'lognormal', mean: -1, sd: 1 } }] }, /parameters\.0\.distribution\.mean/],
    ['zero samples', { ...base, design: { method: 'lhs', samples: 0 } }, /design\.samples = 0: out of range/],
    ['too many samples', { ...base, design: { method: 'sobol', samples: 1e6 } }, /design\.samples = 1000000: out of range/],
    ['missing output', { ...base, outputs: [{ path: 'regions.vertex.nothing' }] }, /outputs\.0\.path = "regions\.vertex\.nothing": names nothing in the run:humanScalp result/],
    ['missing scenario file', { ...base, subtask: { scenarioFile: 'nowhere.yaml' } }, /nowhere\.yaml: cannot read subtask\.scenarioFile/],
  ];
  for (const [what, body, message] of bad) {
    it(`bad input (${what}): exit 2, the field named, nothing written`, () => {
      const out = join(dir, `bad-${what.replace(/\W+/g, '-')}`);
      const r = runCli(['sweep', file(`${what.replace(/\W+/g, '-')}.yaml`, body), '--out', out, '--threads', '1', '--progress', 'none']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.ok(!existsSync(out));
    });
  }

  it('every example task file is valid (examples/sweeps, examples/calibrations)', () => {
    const examples: [string, 'sweep' | 'sensitivity' | 'calibrate'][] = [
      ['examples/sweeps/mouse-ceria-dose.yaml', 'sweep'],
      ['examples/sweeps/trial-power.yaml', 'sweep'],
      ['examples/sweeps/human-morris.yaml', 'sensitivity'],
      ['examples/sweeps/human-sobol.yaml', 'sensitivity'],
      ['examples/calibrations/human-aga-rate.yaml', 'calibrate'],
    ];
    for (const [f, kind] of examples) assert.doesNotThrow(() => loadTaskFile(join(ROOT, f), kind), f);
  });

  it('runs a calibration on worker threads (each batch of units on the thread executor)', () => {
    const cal = file('cal-ok.yaml', { kind: 'calibrate', subtask: { scenarioFile: 'scalp.yaml' }, parameters: base.parameters, targets: [{ output: 'regions.vertex.terminalDensityChangePct', observed: -1, sd: 1 }], budget: 3, replicates: 2, uncertainty: { points: 3 }, seed: 3 });
    const out = join(dir, 'cal-out');
    const r = runCli(['calibrate', cal, '--out', out, '--threads', '2', '--progress', 'json']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /"stage":"runs \d+"/);
    for (const f of ['trace.csv', 'fit.csv', 'profile.csv', 'report.html', 'figures/trace.svg', 'figures/profiles.svg']) assert.ok(existsSync(join(out, f)), f);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { evaluations: number; runs: number };
    assert.equal(summary.runs, 2 * summary.evaluations);
  });

  it('refuses a file of another kind and an unknown optimiser', () => {
    const r = runCli(['calibrate', join(dir, 'ok.yaml'), '--progress', 'none']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /targets|kind/);
    const cal = file('cal.yaml', { kind: 'calibrate', subtask: { scenarioFile: 'scalp.yaml' }, parameters: base.parameters, targets: [{ output: 'regions.vertex.terminalDensityChangePct', observed: -1, sd: 1 }], method: 'simplex' });
    const r2 = runCli(['calibrate', cal, '--progress', 'none']);
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /method = "simplex": unknown method \(known: cmaes, nelder-mead\)/);
  });
});
