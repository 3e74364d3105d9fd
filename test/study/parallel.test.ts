import assert from 'node:assert/strict';
import { it } from 'node:test';
import { threadExecutor } from '../../src/node/pool/threadExecutor.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import { runMouseStudyTask, type MouseStudyOutput } from '../../src/tasks/mouseStudyRun.ts';
import { runTask } from '../../src/tasks/runTask.ts';

it('worker threads give the same study as the serial run (per-animal streams)', async () => {
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 8,
    animals: { perArm: 3 },
    skin: { lattice: { nx: 8, ny: 8 } },
    arms: [{ id: 'agaControl' }, { id: 'ceriaPatch', patch: { schedule: { days: [0, 4] } } }],
    photos: { days: [8], widthPx: 16, heightPx: 16 },
    endpoints: { compareDays: [8] },
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('invalid');
  const serial = runMouseStudyTask(r.value, { seed: 9 });
  const run = await runTask(r.value, { seed: 9, executor: threadExecutor(2) });
  const parallel = run.output as MouseStudyOutput;
  assert.equal(run.executor, 'threads:2');
  assert.equal(run.units, 6);
  assert.equal(JSON.stringify(parallel.summary), JSON.stringify(serial.summary));
  assert.deepEqual(parallel.photos.map((p) => [...p.rgba]), serial.photos.map((p) => [...p.rgba]));
  // the calling thread running units beside one worker (what `follisim run --threads 2` does): same study
  const mixed = (await runTask(r.value, { seed: 9, executor: threadExecutor(2, [], { callingThread: true }) })).output as MouseStudyOutput;
  assert.equal(JSON.stringify(mixed.summary), JSON.stringify(serial.summary));
  assert.deepEqual(mixed.photos.map((p) => [...p.rgba]), serial.photos.map((p) => [...p.rgba]));
});
