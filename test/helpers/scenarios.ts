import { validateScenario } from '../../src/scenario/index.ts';
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

/** A trial scenario validated as the CLI would (throws with the issues when invalid). */
export function validTrial(input: Record<string, unknown>): TrialScenario {
  const r = validateScenario({ model: 'trial', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.value.model !== 'trial') throw new Error(`expected a trial scenario, got ${r.value.model}`);
  return r.value;
}
