//> # Tutorial: adding a rule
//>
//> Follicle behaviour responds to the microenvironment through **rules** (after PhysiCell): "*signal*
//> increases/decreases *behaviour*" with a Hill response. Each rule multiplies its behaviour by
//>
//>     factor = 1 + (saturation − 1) · sⁿ / (halfMaxⁿ + sⁿ)
//>
//> and rules on the same behaviour multiply (each normalised to 1 at the healthy reference signals). Rules are
//> scenario data (`microenvironment.rules`), so adding one needs no code. Here we ask a question the default
//> table does not: what if androgen shortened anagen far more strongly than the default rules assume?
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import { runMouseStudyTask } from '../../src/tasks/mouseStudyRun.ts';

//> The new rule: at the AGA androgen level (dht = 1) anagen lasts about a quarter as long.
const androgenShortensAnagen = { signal: 'dht', direction: 'decreases', behaviour: 'anagenDuration', halfMax: 0.1, hill: 1, saturation: 0.2 };

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
  //> Run the default table and the table plus the new rule with the same seed (the same mice), and average
  //> the AGA control's anagen fraction over the study.
  const meanAnagen = (rules: unknown[]) => {
    const t = runMouseStudyTask(study(rules), { seed: 11 }).tables['arms-by-day'];
    const arms = t.arm as readonly string[];
    const a = t.anagenFraction_mean as ArrayLike<number>;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < arms.length; i++) if (arms[i] === 'agaControl') (sum += a[i]), n++;
    return sum / n;
  };
  const base = meanAnagen(DEFAULT_RULES);
  const withRule = meanAnagen([...DEFAULT_RULES, androgenShortensAnagen]);
  //> With the new rule the androgen-exposed follicles spend much less time in anagen.
  assert.ok(withRule < 0.8 * base, `mean anagen fraction: ${withRule} vs ${base}`);
  //> Rules are validated like every input: an increasing rule must saturate above 1.
  const bad = validateScenario({ model: 'mouseStudy', arms: [{ id: 'agaControl' }], microenvironment: { rules: [{ ...androgenShortensAnagen, saturation: 1.5 }] } });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.ok(bad.issues.some((i) => i.path === 'microenvironment.rules.0.saturation'), JSON.stringify(bad.issues));
});
