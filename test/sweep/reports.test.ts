import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChartSpec } from '../../src/output/charts/index.ts';
import { sweepFamilyArtifacts } from '../../src/output/reports/sweeps/sweepReports.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { calibrateSpecSchema } from '../../src/tasks/sweep/calibrateSpec.ts';
import { sensitivitySpecSchema } from '../../src/tasks/sweep/sensitivityTask.ts';
import { sweepSpecSchema } from '../../src/tasks/sweep/sweepTask.ts';
import { smallScalp } from './helpers.ts';

const params = [
  { path: 'scalp.aga.miniaturizationPerCycle', name: 'delta', min: 0.1, max: 0.6 },
  { path: 'scalp.aga.androgenLevel', name: 'androgen', min: 0.5, max: 2 },
];
const outputs = [{ path: 'regions.vertex.terminalDensityChangePct', name: 'vertex change' }];

function check(files: Record<string, string> | null, figures: string[]): void {
  assert.ok(files);
  const html = files['report.html'];
  assert.match(html, /^<!DOCTYPE html>/);
  for (const f of figures) {
    assert.ok(files[`figures/${f}.svg`]?.startsWith('<svg'), f);
    parseChartSpec(JSON.parse(files[`figures/${f}.chart.json`]));
    assert.ok(html.includes(files[`figures/${f}.svg`].slice(0, 200)), `${f} embedded in the report`);
  }
}

describe('sweep-family reports', () => {
  it('sweep: response plots; Morris: μ*–σ scatter; Sobol: intervals and bars; calibration: trace, fit, profiles', async () => {
    const sub = smallScalp(1);
    const sweep = await runTask(sweepSpecSchema.parse({ kind: 'sweep', subtask: sub, parameters: params, outputs, design: { method: 'lhs', samples: 3 }, seed: 1 }));
    check(sweepFamilyArtifacts(sweep.output, { seed: 1 }), ['response-1']);
    const morris = await runTask(sensitivitySpecSchema.parse({ kind: 'sensitivity', method: 'morris', subtask: sub, parameters: params, outputs, morris: { trajectories: 2 }, seed: 1 }));
    check(sweepFamilyArtifacts(morris.output, { seed: 1 }), ['morris-1']);
    const sobol = await runTask(sensitivitySpecSchema.parse({ kind: 'sensitivity', method: 'sobol', subtask: sub, parameters: params, outputs, sobol: { samples: 4, bootstrap: 20 }, seed: 1 }));
    check(sweepFamilyArtifacts(sobol.output, { seed: 1 }), ['sobol-1', 'sobol-bars-1']);
    const cal = await runTask(calibrateSpecSchema.parse({ kind: 'calibrate', subtask: sub, parameters: params.slice(0, 1), targets: [{ output: outputs[0].path, observed: -2, sd: 1 }], budget: 5, uncertainty: { points: 3 }, seed: 1 }));
    check(sweepFamilyArtifacts(cal.output, { seed: 1 }), ['trace', 'fit', 'profiles']);
  });
});
