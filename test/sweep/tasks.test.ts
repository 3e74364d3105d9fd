import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenarioText } from '../../src/core/scenario/parse.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { sensitivitySpecSchema } from '../../src/tasks/sweep/sensitivityTask.ts';
import { TaskInputError } from '../../src/tasks/sweep/errors.ts';
import { sweepSpecSchema } from '../../src/tasks/sweep/sweepTask.ts';
import { smallScalp } from './helpers.ts';

const VERTEX = 'regions.vertex.terminalDensityChangePct';

function sweepFile(extra: Record<string, unknown>) {
  const r = sweepSpecSchema.safeParse({ kind: 'sweep', subtask: smallScalp(), outputs: [{ path: VERTEX }], ...extra });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

describe('sweep task', () => {
  it('runs a grid over a parameter path; common random numbers share subtask seeds across points', async () => {
    const spec = sweepFile({ parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.7, levels: 3 }], replicates: 2, seed: 3 });
    const run = await runTask(spec);
    const runs = run.output.tables.runs as Record<string, number[]>;
    assert.deepEqual([...runs.point], [0, 0, 1, 1, 2, 2]);
    assert.deepEqual([...runs.miniaturizationPerCycle], [0.1, 0.1, 0.4, 0.4, 0.7, 0.7]);
    assert.equal(runs.seed[0], runs.seed[2]);
    assert.notEqual(runs.seed[0], runs.seed[1]);
    const means = run.output.tables.points[`${VERTEX} mean`] as number[];
    assert.ok(means[2] < means[0], `faster miniaturization loses more: ${means}`);
    const again = await runTask(spec);
    assert.deepEqual(again.output.summary, run.output.summary);
    const crnOff = await runTask({ ...spec, commonRandomNumbers: false });
    const seeds = (crnOff.output.tables.runs as Record<string, number[]>).seed;
    assert.equal(new Set(seeds).size, 6);
  });

  it('samples Latin hypercube and Sobol designs inside the ranges', async () => {
    for (const method of ['lhs', 'sobol'] as const) {
      const spec = sweepFile({ parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.7 }, { path: 'scalp.aga.androgenLevel', min: 0.5, max: 2, scale: 'log' }], design: { method, samples: 4 }, seed: 9, subtask: smallScalp(1) });
      const run = await runTask(spec);
      const p = run.output.tables.points as Record<string, number[]>;
      assert.equal(p.point.length, 4);
      assert.ok(p.androgenLevel.every((v) => v >= 0.5 && v <= 2));
      assert.ok(new Set(p.miniaturizationPerCycle.map((v) => Math.floor((v - 0.1) / 0.15))).size === 4 || method === 'sobol');
    }
  });

  it('refuses unknown paths, values the scenario schema rejects and outputs that name nothing, naming the field', async () => {
    const unknown = sweepFile({ parameters: [{ path: 'scalp.aga.miniaturisationPerCycle', min: 0.1, max: 0.5, levels: 2 }] });
    await assert.rejects(runTask(unknown), (e: unknown) => e instanceof TaskInputError && /parameters\.0\.path = "scalp\.aga\.miniaturisationPerCycle".*unknown key 'miniaturisationPerCycle'/.test(e.message));
    const range = sweepFile({ parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.5, max: 1.5, levels: 2 }] });
    await assert.rejects(runTask(range), (e: unknown) => e instanceof TaskInputError && /parameters\.0\.path.*out of range/.test(e.message));
    const output = sweepFile({ parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.5, levels: 2 }], outputs: [{ path: 'regions.vertex.nothing' }], subtask: smallScalp(1) });
    await assert.rejects(runTask(output), (e: unknown) => e instanceof TaskInputError && /outputs\.0\.path = "regions\.vertex\.nothing": names nothing/.test(e.message));
  });

  it('the file schema refuses min >= max, bad distributions, zero and oversized samples with the field and line', () => {
    const text = (body: string) => `kind: sweep\nsubtask: { model: humanScalp }\noutputs: [{ path: x }]\n${body}`;
    const issues = (body: string) => {
      const r = parseScenarioText(sweepSpecSchema, text(body));
      return r.ok ? [] : r.issues.map((i) => `${i.line}:${i.path}: ${i.message}`);
    };
    assert.match(issues('parameters:\n  - path: a\n    min: 2\n    max: 1\n').join('\n'), /7:parameters\.0\.max: must be > min \(2\)/);
    assert.match(issues('parameters:\n  - path: a\n    distribution: { type: normal, mean: 1, sd: -1 }\n').join('\n'), /parameters\.0\.distribution\.sd: out of range/);
    assert.match(issues('parameters: [{ path: a, min: 0, max: 1 }]\ndesign: { method: lhs, samples: 0 }\n').join('\n'), /design\.samples: out of range/);
    assert.match(issues('parameters: [{ path: a, min: 0, max: 1 }]\ndesign: { method: lhs, samples: 1000000 }\n').join('\n'), /design\.samples: out of range/);
    assert.match(issues('parameters: [{ path: a, min: 0, max: 1, levels: 400 }, { path: b, min: 0, max: 1, levels: 400 }]\n').join('\n'), /160000 runs, above the limit of 100000/);
    assert.deepEqual(issues('parameters: [{ path: a, min: 0, max: 1 }]\n'), []);
  });
});

describe('sensitivity task', () => {
  it('screens with Morris: androgen-free scalps lose nothing, so the rate has no effect at androgenLevel 0', async () => {
    const r = sensitivitySpecSchema.safeParse({
      kind: 'sensitivity',
      method: 'morris',
      subtask: smallScalp(3),
      parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.9 }, { path: 'scalp.aga.androgenLevel', min: 0, max: 2 }],
      outputs: [{ path: VERTEX, name: 'vertex change' }],
      morris: { trajectories: 4, levels: 4 },
      seed: 5,
    });
    assert.ok(r.success);
    const run = await runTask(r.data);
    const rows = (run.output.summary as { indices: { parameter: string; muStar: number; sigma: number }[] }).indices;
    assert.equal(rows.length, 2);
    assert.equal(run.units, 4 * 3);
    for (const row of rows) assert.ok(row.muStar > 0 && Number.isFinite(row.sigma));
  });

  it('computes Sobol indices with intervals', async () => {
    const r = sensitivitySpecSchema.safeParse({
      kind: 'sensitivity',
      method: 'sobol',
      subtask: smallScalp(2),
      parameters: [{ path: 'scalp.aga.miniaturizationPerCycle', min: 0.1, max: 0.9 }, { path: 'scalp.aga.androgenLevel', distribution: { type: 'uniform', min: 0.5, max: 2 } }],
      outputs: [{ path: VERTEX }],
      sobol: { samples: 8, bootstrap: 50 },
      seed: 5,
    });
    assert.ok(r.success);
    const run = await runTask(r.data);
    assert.equal(run.units, 8 * 4);
    const rows = (run.output.summary as { indices: { S1: number; S1Low: number; S1High: number; ST: number }[] }).indices;
    for (const row of rows) assert.ok(row.S1Low <= row.S1High && Number.isFinite(row.ST));
  });
});
