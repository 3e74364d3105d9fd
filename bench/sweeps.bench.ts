import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { threadExecutor } from '../src/node/pool/threadExecutor.ts';
import { validateScenario } from '../src/scenario/index.ts';
import { runTask } from '../src/tasks/runTask.ts';
import { unitContext } from '../src/tasks/task.ts';
import { sweepSpecSchema } from '../src/tasks/sweep/sweepTask.ts';
import { runScenarioTask } from '../src/tasks/sweep/subtask.ts';
import type { BenchResult, BenchSuite } from './types.ts';

/**
 * Sweep engine figures. `sweep-overhead-local`: what the sweep adds per unit on the local engine (clone the
 * subtask, set values by path, validate, run through the registry, read outputs, executor bookkeeping),
 * measured on a near-empty subtask as (sweep time − direct runs of the same scenario) / units.
 * `morris-projection`: one mouse-study evaluation of the flagship example with fewer mice, scaled to its 40
 * mice, and the projected wall time of a 20-parameter, 20-trajectory Morris run (420 evaluations) on all cores.
 */
const trivial = {
  model: 'humanScalp',
  durationDays: 1,
  record: { everyDays: 1 },
  scalp: { spinUpDays: 0, regions: { frontal: { areaCm2: 1e-9 }, midScalp: { areaCm2: 1e-9 }, vertex: { areaCm2: 1e-9 }, occipital: { areaCm2: 1e-9 } } },
};

async function overhead(): Promise<BenchResult> {
  const units = 400;
  const spec = sweepSpecSchema.parse({
    kind: 'sweep', subtask: trivial, seed: 1,
    parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.9 }],
    outputs: [{ path: 'regions.vertex.terminalDensityPerCm2' }],
    design: { method: 'lhs', samples: units },
  });
  const v = validateScenario(trivial);
  if (!v.ok) throw new Error('trivial scenario invalid');
  const ctx = unitContext();
  await runTask(spec); // warm-up (JIT, module loading)
  let t0 = performance.now();
  for (let i = 0; i < units; i++) await runScenarioTask(v.value, i, ctx);
  const direct = performance.now() - t0;
  t0 = performance.now();
  await runTask(spec);
  const swept = performance.now() - t0;
  t0 = performance.now();
  await runTask(spec, { executor: threadExecutor(2) });
  const threaded = performance.now() - t0;
  return {
    name: 'sweep-overhead-local',
    value: Math.max(0, swept - direct) / units,
    unit: 'ms/unit',
    details: { units, directMsPerRun: direct / units, sweepMsPerUnit: swept / units, threads2MsPerUnit: threaded / units, target: '< 5' },
  };
}

async function morrisProjection(): Promise<BenchResult> {
  const raw = parseYaml(readFileSync(join(import.meta.dirname, '..', 'examples', 'mouse-cemn-study.yaml'), 'utf8')) as Record<string, unknown> & { animals: { perArm: number }; arms: unknown[] };
  const fullMice = raw.arms.length * raw.animals.perArm;
  // two mice per arm: the least a study that compares arms accepts
  const perArm = 2;
  const reduced = { ...raw, animals: { perArm }, photos: { days: [] } };
  const v = validateScenario(reduced);
  if (!v.ok) throw new Error('reduced mouse study invalid');
  const t0 = performance.now();
  await runScenarioTask(v.value, 1, unitContext());
  const s = (performance.now() - t0) / 1000;
  const mice = raw.arms.length * perArm;
  const perEvaluation = (s / mice) * fullMice;
  const cores = availableParallelism();
  const evaluations = 20 * (20 + 1);
  return {
    name: 'morris-projection',
    value: (evaluations * perEvaluation) / cores,
    unit: 's',
    details: { sPerMouseStudy: perEvaluation, measuredMice: mice, fullMice, evaluations, cores, hours: (evaluations * perEvaluation) / cores / 3600 },
  };
}

export const sweepsBench: BenchSuite = {
  name: 'sweeps',
  async run(): Promise<BenchResult[]> {
    return [await overhead(), await morrisProjection()];
  },
};
