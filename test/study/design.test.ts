import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateSubjects } from '../../src/experiment/arm.ts';
import { validateScenario, type MouseStudyScenario } from '../../src/scenario/index.ts';
import { mouseStudyDesign } from '../../src/study/design.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';

function study(extra: Record<string, unknown>): MouseStudyScenario {
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 6,
    animals: { perArm: 2 },
    skin: { lattice: { nx: 8, ny: 8 } },
    photos: { days: [6], widthPx: 16, heightPx: 16 },
    endpoints: { compareDays: [6], reference: 'a' },
    arms: [{ id: 'a' }, { id: 'b' }],
    ...extra,
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r.ok ? 'model' : r.issues));
  return r.value;
}

type Summary = { arms: Record<string, { skinDarknessByDay: { mean: number }[] }>; design: { arms: { subjects: number[]; cohort: string }[] } };

describe('experiment design: cohorts, regimens, subjects independent of the arm', () => {
  it('allocates disjoint subjects by default and the same subjects when shared', () => {
    assert.deepEqual(allocateSubjects(2, 3, 'independent'), [6, 7, 8]);
    assert.deepEqual(allocateSubjects(2, 3, 'shared'), [0, 1, 2]);
    const d = mouseStudyDesign(study({ arms: [{ id: 'normal', androgenLevel: 0 }, { id: 'aga', minoxidil: {} }], endpoints: { compareDays: [6], reference: 'normal' } }));
    assert.equal(d[0].cohort.id, 'normal');
    assert.equal(d[1].cohort.id, 'androgen-1');
    assert.ok(d[1].regimen.treatments.minoxidil);
    assert.equal(d[0].regimen.treatments.minoxidil, undefined);
  });

  it("a subject's results do not depend on its arm's id (renaming an arm changes nothing)", () => {
    const one = runMouseStudyTask(study({}), { seed: 5 }).summary as unknown as Summary;
    const renamed = runMouseStudyTask(study({ arms: [{ id: 'a' }, { id: 'renamed' }] }), { seed: 5 }).summary as unknown as Summary;
    assert.deepEqual(renamed.arms.renamed.skinDarknessByDay, one.arms.b.skinDarknessByDay);
  });

  it('independent allocation gives two identical regimens different mice; shared allocation gives them the same mice (common random numbers)', () => {
    const indep = runMouseStudyTask(study({}), { seed: 5 }).summary as unknown as Summary;
    assert.notDeepEqual(indep.arms.a.skinDarknessByDay, indep.arms.b.skinDarknessByDay);
    assert.deepEqual(indep.design.arms.map((a) => a.subjects), [[0, 1], [2, 3]]);
    const shared = runMouseStudyTask(study({ design: { allocation: 'shared' } }), { seed: 5 }).summary as unknown as Summary;
    assert.deepEqual(shared.arms.a.skinDarknessByDay, shared.arms.b.skinDarknessByDay);
    assert.deepEqual(shared.design.arms.map((a) => a.subjects), [[0, 1], [0, 1]]);
    // arm b of the independent design holds subjects 2 and 3; they are not arm a's mice
    assert.notDeepEqual(shared.arms.b.skinDarknessByDay, indep.arms.b.skinDarknessByDay);
  });
});

describe('optional endpoints by id', () => {
  it('computes a registered endpoint asked for in endpoints.additional, and names an unknown one', () => {
    const s = study({ endpoints: { compareDays: [6], reference: 'a', additional: ['daysToSkinDarkening', 'peakRosIndex'] } });
    const out = runMouseStudyTask(s, { seed: 5 }).summary as unknown as { arms: Record<string, Record<string, unknown>>; endpoints: { id: string }[] };
    const d = out.arms.a.daysToSkinDarkening;
    assert.ok(d === null || (typeof d === 'number' && d > 0 && d <= 6), String(d));
    assert.ok(typeof out.arms.a.peakRosIndex === 'number' && out.arms.a.peakRosIndex > 0);
    assert.ok(out.endpoints.some((e) => e.id === 'peakRosIndex'), 'the definition travels with the value');
    const bad = validateScenario({ model: 'mouseStudy', arms: [{ id: 'a' }], endpoints: { reference: 'a', additional: ['nope'] } });
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.ok(bad.issues.some((i) => /unknown endpoint 'nope'/.test(i.message) && i.path === 'endpoints.additional.0'), JSON.stringify(bad.issues));
  });
});
