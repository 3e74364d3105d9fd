import assert from 'node:assert/strict';
import { it } from 'node:test';
import { validateScenario } from '../../src/scenario/index.ts';
import { runAnimal } from '../../src/study/animal.ts';

/**
 * "ROS × healthy" means what it says (issue 10): the tile steps a healthy twin of its chemistry (same follicles
 * in the same places, no androgen, no ceria, the population's production), and every follicle reads its ROS
 * and superoxide relative to it. So a healthy, untreated mouse with the population's ROS production reads
 * exactly 1 in every phase, through the whole regrowth wave (before, descending anagen bulbs read ~0.7), its
 * damage stays at its reference D₀, and androgen or ceria move the index only by their own effect.
 */
function scenario(arms: unknown[]) {
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 12,
    animals: { perArm: arms.length > 1 ? 2 : 1, rosCv: 0 },
    skin: { lattice: { nx: 16, ny: 16 }, depilation: { method: 'cream', day: 0 } },
    parameters: { 'study.spinUpDays': 1 },
    arms,
    photos: { days: [] },
    endpoints: { compareDays: [12], reference: arms.length > 1 ? 'agaControl' : 'normal' },
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r));
  return r.value;
}

it('healthy skin reads ROS and superoxide exactly 1 × healthy in every phase, and damage stays at D₀', () => {
  const s = scenario([{ id: 'normal', androgenLevel: 0 }]);
  const a = runAnimal(s, s.arms[0], 0, 7, { photos: false });
  // the regrowth wave runs through the window: anagen rises from 0, bulbs descend
  assert.ok(Math.max(...a.series.anagenFraction) > 0.5, `anagen ${Math.max(...a.series.anagenFraction)}`);
  const d0 = a.series.damage[0];
  for (let k = 0; k < a.timesDays.length; k++) {
    assert.ok(Math.abs(a.series.rosIndex[k] - 1) < 1e-12, `day ${a.timesDays[k]}: ROS ${a.series.rosIndex[k]}`);
    assert.ok(Math.abs(a.series.superoxideIndex[k] - 1) < 1e-12, `day ${a.timesDays[k]}: superoxide ${a.series.superoxideIndex[k]}`);
    assert.ok(Math.abs(a.series.damage[k] - d0) < 1e-12, `day ${a.timesDays[k]}: damage ${a.series.damage[k]} vs ${d0}`);
  }
});

it('androgen raises the index above 1 and ceria lowers it, on the same mouse', () => {
  const s = scenario([
    { id: 'agaControl', androgenLevel: 1 },
    { id: 'ceriaPatch', androgenLevel: 1, patch: { cargo: { substance: 'ceria', massPerNeedleNg: 30 }, schedule: { days: [0, 4, 8] } } },
  ]);
  const mean = (x: Float64Array) => x.slice(1).reduce((t, v) => t + v, 0) / (x.length - 1);
  const aga = runAnimal(s, s.arms[0], 0, 7, { photos: false });
  const ce = runAnimal(s, s.arms[1], 0, 7, { photos: false });
  assert.ok(mean(aga.series.rosIndex) > 1.1, `AGA ROS ${mean(aga.series.rosIndex)}`);
  assert.ok(mean(ce.series.rosIndex) < mean(aga.series.rosIndex) - 0.2, `Ce-MN ROS ${mean(ce.series.rosIndex)} vs AGA ${mean(aga.series.rosIndex)}`);
});
