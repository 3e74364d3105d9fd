//> # Tutorial: adding a rule
//>
//> Follicle behaviour responds to the microenvironment through **rules** (after PhysiCell): "*signal*
//> increases/decreases *behaviour*" with a Hill response. Each rule multiplies its behaviour by
//>
//>     factor = 1 + (saturation − 1) · sⁿ / (halfMaxⁿ + sⁿ)
//>
//> and rules on the same behaviour multiply. Rules are scenario data (`microenvironment.rules`), so adding
//> one needs no code. Here we ask a question the default table does not: what if VEGF itself (not only the
//> vessels it grows) prolonged anagen?
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';

//> The new rule: VEGF at twice its reference level gives half of a 1.5-fold longer anagen.
const vegfProlongsAnagen = { signal: 'vegf', direction: 'increases', behaviour: 'anagenDuration', halfMax: 2, hill: 2, saturation: 1.5 };

function study(rules: unknown[]) {
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 24,
    animals: { perArm: 2 },
    skin: { lattice: { nx: 10, ny: 10 } },
    arms: [{ id: 'agaControl' }, { id: 'minoxidil', minoxidil: {} }],
    photos: { days: [24], widthPx: 16, heightPx: 16 },
    endpoints: { compareDays: [24] },
    microenvironment: { rules },
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r.ok ? 'model' : r.issues));
  return r.value;
}

it('a rule added in the scenario changes the behaviour it names, and a bad one is refused', () => {
  //> Run the default table and the table plus the new rule with the same seed (the same mice).
  const anagenAt = (rules: unknown[]) => {
    const s = runMouseStudyTask(study(rules), { seed: 11 }).summary as { arms: Record<string, { final: { anagenFraction: { mean: number } } }> };
    return s.arms.minoxidil.final.anagenFraction.mean;
  };
  const base = anagenAt(DEFAULT_RULES);
  const withRule = anagenAt([...DEFAULT_RULES, vegfProlongsAnagen]);
  //> Minoxidil raises VEGF, so with the new rule its follicles stay in anagen longer.
  assert.ok(withRule > base, `anagen fraction at day 24: ${withRule} vs ${base}`);
  //> Rules are validated like every input: an increasing rule must saturate above 1.
  const bad = validateScenario({ model: 'mouseStudy', arms: [{ id: 'agaControl' }], microenvironment: { rules: [{ ...vegfProlongsAnagen, saturation: 0.5 }] } });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.ok(bad.issues.some((i) => i.path === 'microenvironment.rules.0.saturation'), JSON.stringify(bad.issues));
});
