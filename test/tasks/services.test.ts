import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createParallelSolver } from '../../src/node/transport/parallel.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import { runScenario } from '../../src/tasks/run.ts';
import { runTask } from '../../src/tasks/runTask.ts';

it('patch delivery on the multi-threaded transport solver (a platform service) equals the core solver bit for bit', async () => {
  const r = validateScenario({
    model: 'patchDelivery',
    durationDays: 0.25,
    record: { everyDays: 1 / 24 },
    skin: { species: 'mouseDorsal', windowUm: { x: 500, y: 500, depth: 500 }, voxelUm: 50, follicles: { densityPerMm2: 10 } },
    patch: { rows: 2, columns: 2, pitchUm: 250, needleHeightUm: 400, baseDiameterUm: 200, schedule: { days: [0] } },
    transport: { dtS: 600 },
    snapshots: { hours: [1] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const serial = runScenario(r.value, { seed: 3 });
  let built = 0;
  const run = await runTask(r.value, {
    seed: 3,
    services: {
      transportSolver: (grid, substrates, dtS) => {
        built++;
        return createParallelSolver(grid, substrates, dtS, { threads: 2 });
      },
    },
  });
  assert.equal(built, 1, 'the service built the solver');
  assert.deepEqual(run.output.summary, serial.summary);
  assert.deepEqual(run.output.tables, serial.tables);
});
