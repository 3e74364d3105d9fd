import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { carryOverS, type ExposureCourse } from '../../src/trial/exposureIntegral.ts';
import { ceriaDepthDose, ceriaLevelsAt, depthDoseParams } from '../../src/trial/ceriaDepthDose.ts';
import { subjectSchedule } from '../../src/trial/regimen.ts';
import { drawSubject } from '../../src/trial/population.ts';
import { trialSchema } from '../../src/trial/schema.ts';
import { depthDoseLookup } from '../../src/trial/ceriaDepthDose.ts';

const DAY = 86400;

/** A one-plane course of an instant release decaying at rate k (1/s): step means of e^(−kt) over steps of dt, then the exact geometric tail. */
function exponentialCourse(kPerS: number, dtS: number, steps: number): ExposureCourse {
  const timesS = Float64Array.from({ length: steps }, (_, i) => (i + 1) * dtS);
  const planeLevels = Float64Array.from({ length: steps }, (_, i) => (Math.exp(-kPerS * i * dtS) - Math.exp(-kPerS * (i + 1) * dtS)) / (kPerS * dtS));
  return { timesS, massFraction: planeLevels.slice(), planeLevels, nz: 1, tailStepS: dtS, tailRatio: Math.exp(-kPerS * dtS) };
}

describe('carry-over of a patch regimen after its last patch (exposureIntegral.ts carryOverS)', () => {
  it('equals τ·e^(−kτ)/(1 − e^(−kτ)) for an exponentially cleared release, whatever the course length', () => {
    for (const kPerDay of [0.2, 0.455, 1.5]) {
      const k = kPerDay / DAY;
      const tau = 7 * DAY;
      const exact = (tau * Math.exp(-k * tau)) / (1 - Math.exp(-k * tau));
      // course cut at 3 d and at 60 d: the tail beyond the cut carries the rest exactly
      for (const steps of [24, 480]) {
        const got = carryOverS(exponentialCourse(k, 3 * 3600, steps), 50, 25, tau);
        assert.ok(Math.abs(got / exact - 1) < 1e-9, `k ${kPerDay}/d, ${steps} steps: ${got / DAY} d vs ${exact / DAY} d`);
      }
    }
    // no interval, or no exposure: nothing carries over
    assert.equal(carryOverS(exponentialCourse(1 / DAY, 3600, 10), 50, 25, 0), 0);
  });

  it('the human patch: the bulbs lag the bulge (diffusion), both far below the old 1/0.75 d tail, and a man\'s ceria window ends that much after his last patch', () => {
    const p = assembleTrial();
    const dd = ceriaDepthDose(600, 7, depthDoseParams(p));
    for (let i = 0; i < 3; i++) {
      assert.ok(dd.bulgeCarryOverDays[i] > 0 && dd.bulbCarryOverDays[i] > dd.bulgeCarryOverDays[i], `${dd.bulgeCarryOverDays[i]} / ${dd.bulbCarryOverDays[i]} d`);
      assert.ok(dd.bulbCarryOverDays[i] < 7, 'weekly patches: most of a patch is cleared within its week');
    }
    const s = trialSchema.parse({ model: 'trial', durationWeeks: 12, visitsWeeks: [0, 12], arms: [{ id: 'ceria', n: 1, treatments: { ceriaPatch: { stopWeek: 6 } } }] });
    const man = drawSubject(s, 3, 0, p);
    const enrolS = 10 * 365.25 * DAY;
    const { schedule } = subjectSchedule(s.arms[0], { ...man, dropoutWeek: Infinity, adherence: 1 }, 3, enrolS, 12, 0, 4, 2, p, depthDoseLookup([], depthDoseParams(p)));
    const act = schedule.regions[2].activation;
    assert.ok(act);
    // the activation factor (bulge) ends at the stop + the man's bulge carry-over
    const breaks = Array.from(act.breaksS);
    const stopS = enrolS + 6 * 7 * DAY;
    const lastCeria = breaks.filter((b) => b > stopS);
    assert.ok(lastCeria.length > 0);
    const carry = (Math.max(...lastCeria) - stopS) / DAY;
    assert.ok(carry > Math.min(...dd.bulgeCarryOverDays) - 1e-9 && carry < Math.max(...dd.bulgeCarryOverDays) + 1e-9, `carry-over ${carry} d`);
  });
});
