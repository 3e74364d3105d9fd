import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateScenario, type Scenario } from '../../src/scenario/index.ts';
import { getTask, registerTask, taskForScenario, taskNames } from '../../src/tasks/registry.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { runScenario } from '../../src/tasks/run.ts';
import type { Task } from '../../src/tasks/task.ts';
import type { TaskOutput } from '../../src/tasks/types.ts';

function scenario(data: Record<string, unknown>): Scenario {
  const r = validateScenario(data);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const HUMAN = { model: 'humanScalp', durationDays: 365, record: { everyDays: 73 }, scalp: { regions: { frontal: { areaCm2: 2 }, midScalp: { areaCm2: 2 }, vertex: { areaCm2: 2 }, occipital: { areaCm2: 2 } } } };
const MICE = {
  model: 'mouseStudy',
  durationDays: 4,
  animals: { perArm: 2 },
  skin: { lattice: { nx: 6, ny: 6 } },
  arms: [{ id: 'agaControl' }, { id: 'normal', androgenLevel: 0 }],
  photos: { days: [4], widthPx: 16, heightPx: 16 },
  endpoints: { compareDays: [4] },
};

describe('task registry', () => {
  it('has one run task per model and finds it from the scenario', () => {
    assert.deepEqual(taskNames().filter((n) => n.startsWith('run:')), ['run:humanScalp', 'run:mouseStudy', 'run:patchDelivery', 'run:trial']);
    assert.equal(taskForScenario({ model: 'mouseStudy' }).name, 'run:mouseStudy');
    assert.throws(() => taskForScenario({ model: 'nope' }), /no task runs scenarios of model 'nope'/);
  });

  it('refuses a second task under a registered name', () => {
    const t = getTask('run:humanScalp');
    assert.ok(t);
    assert.throws(() => registerTask(t), /already registered/);
  });

  it('a new task plugs in without touching a switch: plan → runUnit → reduce', async () => {
    const squares: Task<{ model: string; n: number }, number, number, TaskOutput> = {
      name: 'test:squares',
      description: 'sum of squares, one unit per term',
      accepts: (s) => s.model === 'test-squares',
      plan: (s) => Array.from({ length: s.n }, (_, i) => i + 1),
      runUnit: (_s, u) => u * u,
      reduce: (_s, r) => ({ task: 'test:squares', summary: { sum: r.reduce((a, b) => a + b, 0) }, tables: {}, solver: {}, stats: {}, streams: [] }),
    };
    registerTask(squares);
    const run = await runTask({ model: 'test-squares', n: 4, seed: 1 } as { model: string; n: number; seed: number });
    assert.equal(run.output.summary.sum, 30);
    assert.equal(run.units, 4);
  });
});

describe('runTask', () => {
  it('uses the scenario seed when none is given, and a generated (recorded) one when neither is', async () => {
    const s = scenario({ ...HUMAN, seed: 123 });
    const a = await runTask(s);
    assert.equal(a.seed, 123);
    assert.equal(a.seedGenerated, false);
    const b = scenario(HUMAN);
    const g = await runTask(b);
    assert.equal(g.seedGenerated, true);
    assert.ok(Number.isSafeInteger(g.seed) && g.seed >= 0);
    const again = await runTask(b, { seed: g.seed });
    assert.deepEqual(again.output.summary, g.output.summary, 'the recorded seed reproduces the run');
  });

  it('gives the same output as the synchronous runScenario', async () => {
    const s = scenario(MICE);
    const sync = runScenario(s, { seed: 5 });
    const run = await runTask(s, { seed: 5 });
    assert.equal(JSON.stringify(run.output.summary), JSON.stringify(sync.summary));
  });

  it('reports progress that rises to 1', async () => {
    const seen: number[] = [];
    await runTask(scenario(MICE), { seed: 2, onProgress: (p) => seen.push(p.fraction) });
    assert.ok(seen.length >= 4);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1] - 1e-12, 'monotone');
    assert.equal(seen[seen.length - 1], 1);
  });

  it('is cancelled by an AbortSignal between units and inside long units', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(runTask(scenario(MICE), { seed: 2, signal: ac.signal }), { name: 'AbortError' });
    const mid = new AbortController();
    let units = 0;
    const p = runTask(scenario(MICE), {
      seed: 2,
      signal: mid.signal,
      onProgress: (pr) => {
        if (pr.stage.startsWith('units')) units++;
        if (units === 1) mid.abort();
      },
    });
    await assert.rejects(p, { name: 'AbortError' });
    assert.equal(units, 1, 'no unit starts after the abort');
  });
});
