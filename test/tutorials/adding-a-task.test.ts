//> # Tutorial: adding a task
//>
//> A **task** (after COPASI) turns a scenario into results in three steps: `plan` cuts the work into
//> independent units, `runUnit` runs one unit (possibly on another thread), and `reduce` combines the unit
//> results into the task's output. Tasks register themselves; nothing in follisim switches on task names.
//>
//> Here we add a task that reruns any human-scalp scenario over several seeds and reports the spread of an
//> endpoint: the between-run variability a user should expect from the stochastic automaton.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { registerTask, runScenario, runTask, validateScenario, type HumanScenario, type Task, type TaskOutput } from '../../src/index.ts';

//> The task's scenario names a base scenario and the number of replicates. Units are replicate indices;
//> each unit runs the base scenario with its own seed (derived from the root seed, so the whole task is
//> reproducible from one number).
interface ReplicatesScenario {
  model: 'tutorial:replicates';
  base: HumanScenario;
  replicates: number;
  seed?: number;
}

const replicatesTask: Task<ReplicatesScenario, number, number, TaskOutput> = {
  name: 'tutorial:replicates',
  description: 'a human-scalp scenario over several seeds: mean and SD of the vertex terminal-density change',
  accepts: (s) => s.model === 'tutorial:replicates',
  plan: (s) => Array.from({ length: s.replicates }, (_, i) => i),
  runUnit: (s, i, seed) => {
    const out = runScenario(s.base, { seed: seed * 1000 + i });
    return (out.summary as { regions: { vertex: { terminalDensityChangePct: number } } }).regions.vertex.terminalDensityChangePct;
  },
  reduce: (_s, changes) => {
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const sd = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (changes.length - 1));
    return { task: 'tutorial:replicates', summary: { replicates: changes.length, meanChangePct: mean, sdChangePct: sd }, tables: { replicates: { changePct: changes } }, solver: {}, stats: {}, streams: [] };
  },
};

//> Register it once; from then on `runTask` (and the worker pool, the server and the web lab, which all go
//> through the registry) can run scenarios it accepts.
registerTask(replicatesTask);

it('runs a registered task over any scenario it accepts', async () => {
  const base = validateScenario({
    model: 'humanScalp',
    durationDays: 365,
    record: { everyDays: 73 },
    scalp: { regions: { frontal: { areaCm2: 2 }, midScalp: { areaCm2: 2 }, vertex: { areaCm2: 4 }, occipital: { areaCm2: 2 } } },
  });
  if (!base.ok || base.value.model !== 'humanScalp') throw new Error('invalid base scenario');
  const run = await runTask({ model: 'tutorial:replicates', base: base.value, replicates: 4, seed: 7 });
  //> The output is the task's own: four replicate values, their mean and SD. Same seed, same numbers.
  const s = run.output.summary as { replicates: number; meanChangePct: number; sdChangePct: number };
  assert.equal(s.replicates, 4);
  assert.ok(s.meanChangePct < 0, 'untreated AGA loses vertex terminal hairs');
  assert.ok(s.sdChangePct > 0, 'replicates differ');
  const again = await runTask({ model: 'tutorial:replicates', base: base.value, replicates: 4, seed: 7 });
  assert.deepEqual(again.output.summary, run.output.summary);
});
