//> # Tutorial: adding an endpoint
//>
//> An **endpoint** is data: an id, a label, a unit, a definition in words, and a function that computes one
//> number per arm from the arm's mice. The definition travels with the value into `summary.json`, so every
//> reader (report, CSV metadata, README) uses the same meaning. Endpoints register themselves by id; a
//> scenario asks for them in `endpoints.additional`.
//>
//> Here we add "fraction of mice whose back is at least 80 % covered at the end".
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { registerArmEndpoint } from '../../src/experiment/endpointRegistry.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import type { AnimalResult } from '../../src/study/animal.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';

const COVERED = 0.8;

registerArmEndpoint<AnimalResult>('mouseStudy', {
  id: 'fractionWellCoveredAtEnd',
  label: 'mice ≥ 80 % covered at the end',
  unit: '1',
  definition: `fraction of the arm's mice whose hair coverage on the last day is at least ${COVERED}`,
  compute: (mice) => (mice.length ? mice.filter((m) => m.series.hairCoverage[m.series.hairCoverage.length - 1] >= COVERED).length / mice.length : null),
});

it('a registered endpoint is computed per arm when a scenario asks for it', () => {
  //> The scenario names the endpoint; an unknown id would be a validation error naming the field.
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 20,
    animals: { perArm: 2 },
    skin: { lattice: { nx: 10, ny: 10 } },
    arms: [{ id: 'normal', androgenLevel: 0 }, { id: 'agaControl' }],
    photos: { days: [20], widthPx: 16, heightPx: 16 },
    endpoints: { compareDays: [20], additional: ['fractionWellCoveredAtEnd'] },
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r.ok ? 'model' : r.issues));
  const summary = runMouseStudyTask(r.value, { seed: 3 }).summary as {
    arms: Record<string, { fractionWellCoveredAtEnd: number; final: { coverage: { mean: number } } }>;
    endpoints: { id: string; definition: string }[];
  };
  //> Each arm carries the value, and the summary carries the definition.
  for (const arm of ['normal', 'agaControl']) {
    const v = summary.arms[arm].fractionWellCoveredAtEnd;
    assert.ok(v >= 0 && v <= 1, `${arm}: ${v}`);
  }
  assert.ok(summary.arms.normal.fractionWellCoveredAtEnd >= summary.arms.agaControl.fractionWellCoveredAtEnd);
  assert.match(summary.endpoints.find((e) => e.id === 'fractionWellCoveredAtEnd')?.definition ?? '', /at least 0.8/);
});
