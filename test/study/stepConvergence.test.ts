import assert from 'node:assert/strict';
import { it } from 'node:test';
import { validateScenario } from '../../src/scenario/index.ts';
import { smallCoupledStudy } from '../helpers/scenarios.ts';
import { runAnimal } from '../../src/study/animal.ts';

/**
 * Coupling-step convergence of the coupled mouse tile with modal transport (docs/validation.md §7.4): the
 * operator splitting is first order in the step h, so the change from the default 3 h to 0.5 h is ≈ 5/6 of the
 * default's own error. The flagship at full size (scripts/coupling-convergence.ts, scratch comparison over 35
 * days) stays within 2.1 % of 0.25 h on every daily ROS, VEGF and perfusion value; the patch's first-day wound
 * transient is where a long step errs most. Tolerance: the default's error below 3 % ⇒ the 3 → 0.5 h change
 * below 2.5 % on every day, with one mouse of each treated arm on a 20 × 20 lattice over 4 days.
 */
const TOLERANCE = 0.025;

const scenario = (couplingStepH: number) => smallCoupledStudy({ couplingStepH });

it('daily VEGF fold, ROS and perfusion move by less than 2.5 % from the default 3 h coupling step to 0.5 h', () => {
  const coarse = scenario(3);
  const fine = scenario(0.5);
  assert.equal(coarse.microenvironment.transportScheme, 'modal');
  for (const arm of ['ceriaPatch', 'minoxidil']) {
    const a = runAnimal(coarse, coarse.arms.find((x) => x.id === arm)!, 0, 2021, { photos: false }).series;
    const b = runAnimal(fine, fine.arms.find((x) => x.id === arm)!, 0, 2021, { photos: false }).series;
    for (const q of ['vegfFold', 'rosIndex', 'perfusion'] as const) {
      for (let d = 1; d < b[q].length; d++) {
        const change = Math.abs(a[q][d] / b[q][d] - 1);
        assert.ok(change < TOLERANCE, `${arm} ${q} day ${d}: ${a[q][d].toFixed(4)} at 3 h vs ${b[q][d].toFixed(4)} at 0.5 h (${(100 * change).toFixed(2)} %)`);
      }
    }
  }
});

it('a coupling step that does not divide the lattice step is refused, naming both', () => {
  const r = validateScenario({ model: 'mouseStudy', durationDays: 4, microenvironment: { couplingStepH: 4 }, arms: [{ id: 'normal', androgenLevel: 0 }] });
  assert.equal(r.ok, false);
  const text = JSON.stringify(r);
  assert.match(text, /microenvironment\.couplingStepH/);
  assert.match(text, /does not divide the lattice step skin\.lattice\.dtDays = 0\.25 d \(6 h\)/);
});
