import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { assembleFollicleSignals } from '../../src/parameters/assemble/signals.ts';
import { bulbPlaneMean, testTile } from './tileHelpers.ts';

const DAY = 86400;
const rule = DEFAULT_RULES.find((r) => r.signal === 'minoxidil' && r.behaviour === 'activationRate')!;
const sulfated = assembleFollicleSignals({}).minoxidilSulfatedFraction;

/** Time-mean telogen-exit factor of the minoxidil rule at the bulbs over days 1-3, and the peak VEGF fold. */
function effect(perDay: number, concentrationMgPerMl: number) {
  const days = Array.from({ length: 3 * perDay }, (_, k) => k / perDay);
  const tile = testTile({ minoxidilDays: days, voxelUm: 125, values: { 'minoxidil.concentrationMgPerMl': concentrationMgPerMl } });
  let sum = 0;
  let n = 0;
  let vegfPeak = 0;
  for (let h = 0; h < 72; h++) {
    tile.step(3600, 1);
    if (h < 24) continue;
    const s = bulbPlaneMean(tile, tile.solver.field('minoxidil')) * 1e3 * sulfated;
    sum += 1 + ((rule.saturation - 1) * s) / (rule.halfMax + s);
    n++;
    vegfPeak = Math.max(vegfPeak, bulbPlaneMean(tile, tile.solver.field('vegf')) / tile.vegfRef);
  }
  return { factor: sum / n, vegfPeak };
}

it('minoxidil acts through its dose: halving the concentration or the frequency weakens the telogen-exit effect; VEGF stays within ~3x', () => {
  const full = effect(2, 50);
  const halfConc = effect(2, 25);
  const onceDaily = effect(1, 50);
  assert.ok(full.factor - 1 > 1.2 * (halfConc.factor - 1), `5 % ${full.factor} vs 2.5 % ${halfConc.factor}`);
  assert.ok(full.factor - 1 > 1.2 * (onceDaily.factor - 1), `twice ${full.factor} vs once daily ${onceDaily.factor}`);
  assert.ok(full.factor < 0.9 * rule.saturation, `not saturated: ${full.factor}`);
  assert.ok(full.vegfPeak <= 3.2, `VEGF fold ${full.vegfPeak}`);
});
