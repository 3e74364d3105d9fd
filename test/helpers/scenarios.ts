import { validateScenario } from '../../src/scenario/index.ts';
import type { MouseStudyScenario } from '../../src/scenario/schema.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';

/** A small mouse study (2 arms × 3 mice × 4 days on an 8 × 8 lattice: six units of a few seconds each) named `name`. */
export function smallMouseStudy(name: string): Record<string, unknown> {
  return {
    name,
    model: 'mouseStudy',
    durationDays: 4,
    animals: { perArm: 3 },
    skin: { lattice: { nx: 8, ny: 8 } },
    arms: [{ id: 'agaControl' }, { id: 'normal', androgenLevel: 0 }],
    photos: { days: [4], widthPx: 16, heightPx: 16 },
    endpoints: { compareDays: [4] },
  };
}

/**
 * The fast coupled mouse study of the convergence tests: one patch (day 0) and minoxidil against AGA control,
 * 2 mice per arm on a 20 × 20 lattice for 4 days after a 1-day spin-up, with `microenvironment` settings given.
 */
export function smallCoupledStudy(microenvironment: Record<string, unknown>): MouseStudyScenario {
  const r = validateScenario({
    model: 'mouseStudy',
    durationDays: 4,
    animals: { perArm: 2 },
    skin: { lattice: { nx: 20, ny: 20 }, depilation: { method: 'cream', day: 0 } },
    microenvironment,
    parameters: { 'study.spinUpDays': 1 },
    arms: [
      { id: 'agaControl', androgenLevel: 1 },
      { id: 'ceriaPatch', androgenLevel: 1, patch: { cargo: { substance: 'ceria', massPerNeedleNg: 30 }, schedule: { days: [0] } } },
      { id: 'minoxidil', androgenLevel: 1, minoxidil: { timesPerDay: 2, startDay: 0, endDay: 4 } },
    ],
    photos: { days: [] },
    endpoints: { compareDays: [4], reference: 'agaControl' },
  });
  if (!r.ok || r.value.model !== 'mouseStudy') throw new Error(JSON.stringify(r));
  return r.value;
}

/** A trial scenario validated as the CLI would (throws with the issues when invalid). */
export function validTrial(input: Record<string, unknown>): TrialScenario {
  const r = validateScenario({ model: 'trial', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.value.model !== 'trial') throw new Error(`expected a trial scenario, got ${r.value.model}`);
  return r.value;
}
