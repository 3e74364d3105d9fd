import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTask } from '../../src/tasks/runTask.ts';
import { calibrateSpecSchema } from '../../src/tasks/sweep/calibrateSpec.ts';
import type { CalibrationOutput } from '../../src/tasks/sweep/calibrateTask.ts';
import { sweepSpecSchema } from '../../src/tasks/sweep/sweepTask.ts';
import { smallScalp } from './helpers.ts';

const TRUE_RATE = 0.35;
const DAYS = [730.5, 1461, 2191.5];
const at = (day: number) => ({ path: 'tables.timeseries.terminalDensityPerCm2', where: { region: 'vertex' }, day });

describe('calibrate task', () => {
  it('recovers the AGA miniaturization rate from synthetic data of the model itself, within its profile-likelihood interval', async () => {
    // Synthetic data: 6 replicate scalps at the true rate; their mean is the observation, and the SD of one
    // scalp (×√2: the fit's own simulated scalp is as noisy as the observed one) is the target's SD.
    const data = sweepSpecSchema.parse({
      kind: 'sweep', subtask: smallScalp(6), seed: 777, replicates: 6, design: { method: 'replicates' },
      parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: TRUE_RATE, max: TRUE_RATE + 1e-9 }],
      outputs: DAYS.map(at),
    });
    const synth = await runTask(data);
    const runs = synth.output.tables.runs as Record<string, number[]>;
    const cols = Object.keys(runs).filter((k) => k.startsWith('tables.'));
    const obs = cols.map((c) => runs[c].slice(0, 1)[0]); // one observed scalp (replicate 0)
    const sd = cols.map((c) => {
      const v = runs[c];
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return Math.sqrt(2 * (v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)));
    });
    const spec = calibrateSpecSchema.parse({
      kind: 'calibrate', subtask: smallScalp(6), seed: 31,
      parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.05, max: 0.95, start: 0.6 }],
      targets: DAYS.map((day, i) => ({ output: 'tables.timeseries.terminalDensityPerCm2', where: { region: 'vertex' }, day, observed: obs[i], sd: sd[i], name: `vertex day ${day}` })),
      method: 'nelder-mead', budget: 24, restarts: 1,
      uncertainty: { method: 'profile', points: 19 },
    });
    const run = await runTask(spec);
    const out = run.output as CalibrationOutput;
    const p = (out.summary.parameters as { value: number; low: number; high: number }[])[0];
    assert.ok(p.low <= TRUE_RATE && TRUE_RATE <= p.high, `true ${TRUE_RATE} outside [${p.low}, ${p.high}] (fit ${p.value})`);
    assert.ok(p.high - p.low < 0.5, `interval [${p.low}, ${p.high}] too wide to mean anything`);
    assert.ok(out.evaluations.filter((e) => e.phase === 'fit').length <= 24);
    assert.equal(out.tables.trace.evaluation.length, out.evaluations.length);
    // the profile passes through the optimum, and the reduce replay gives the same result again
    assert.ok(Math.min(...out.record.profiles[0].objective) <= out.record.bestObjective + 1e-9);
    const again = await runTask(spec);
    assert.deepEqual(again.output.summary, out.summary);
  });

  it('fits two parameters with CMA-ES batches and profiles each by re-optimising the other', async () => {
    const spec = calibrateSpecSchema.parse({
      kind: 'calibrate', subtask: smallScalp(2), seed: 5,
      parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.05, max: 0.95 }, { path: 'scalp.aga.androgenLevel', min: 0.5, max: 2 }],
      targets: [{ output: 'regions.vertex.terminalDensityChangePct', observed: -5, sd: 1 }],
      objective: 'gaussian', method: 'cmaes', budget: 12,
      uncertainty: { points: 3, budgetPerPoint: 3 },
    });
    const run = await runTask(spec);
    const out = run.output as CalibrationOutput;
    assert.equal(out.record.profiles.length, 2);
    assert.ok(out.evaluations.length <= 12 + 2 * 4 * 3);
    assert.ok(Math.abs(out.record.threshold - 1.92) < 0.01);
  });
});
