import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { woundCourse } from '../../src/patch/release.ts';
import { assembleDelivery } from '../../src/parameters/assemble/delivery.ts';
import { bulbPlaneMean, testTile } from './tileHelpers.ts';

const DAY = 86400;
/** Daily bulb-plane mean wound signal (a.u.) over `days` for a patch applied on `schedule`. */
function woundByDay(schedule: number[], days: number): number[] {
  const tile = testTile({ patch: { cargo: { substance: 'none' }, schedule: { days: schedule, positions: 'rotate' } }, voxelUm: 125 });
  const out: number[] = [];
  for (let d = 0; d < days * 4; d++) {
    tile.step(DAY / 4, 1);
    out.push(bulbPlaneMean(tile, tile.solver.field('wound')));
  }
  return out;
}

describe('needle-injury (wound) signal', () => {
  it('one application: pores reseal within a day, the cytokine response peaks at day 6 with a tail of days', () => {
    const w = assembleDelivery({}).wound;
    const c = { peakS: 6 * DAY, shape: w.responseShape, poreHalfLifeS: w.poreHalfLifeS, acuteAmplitude: w.acuteAmplitude };
    const acuteLeft = w.acuteAmplitude * Math.pow(2, -DAY / w.poreHalfLifeS);
    assert.ok(acuteLeft <= 0.25 * w.acuteAmplitude, `acute part after a day: ${acuteLeft}`);
    const series = woundByDay([0], 14);
    const peak = Math.max(...series);
    const peakDay = (series.indexOf(peak) + 1) / 4;
    assert.ok(peakDay >= 5 && peakDay <= 7, `peak on day ${peakDay}`);
    const above = series.map((x, i) => [(i + 1) / 4, x] as const).filter(([, x]) => x >= peak / 2);
    assert.ok(above[0][0] >= 2 && above[above.length - 1][0] <= 12, `above half-peak on days ${above[0][0]}-${above[above.length - 1][0]}`);
    assert.ok(woundCourse(6 * DAY, c) > woundCourse(2 * DAY, c));
  });

  it('nine patches every four days do not accumulate without limit', () => {
    const series = woundByDay([0, 4, 8, 12, 16, 20, 24, 28, 32], 36);
    const first = Math.max(...series.slice(0, 16));
    const last = Math.max(...series.slice(-16));
    const w = assembleDelivery({}).wound;
    assert.ok(Math.max(...series) <= w.ceiling, `peak ${Math.max(...series)} vs ceiling ${w.ceiling}`);
    assert.ok(last < 2.5 * first, `first-window peak ${first}, last-window peak ${last}`);
  });
});
