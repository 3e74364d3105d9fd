import { validateScenario, type HumanScenario } from '../../src/scenario/index.ts';

const TINY = 1e-9; // a region with (almost) no area holds no follicles

/** A human scenario built from overrides of the defaults (throws on invalid input). */
export function humanScenario(overrides: Record<string, unknown>): HumanScenario {
  const r = validateScenario({ model: 'humanScalp', durationDays: 365, ...overrides });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  if (r.value.model !== 'humanScalp') throw new Error('not a human scenario');
  return r.value;
}

/** Scalp section with only the vertex populated (areaCm2 × 250 follicles/cm²). */
export function vertexOnly(areaCm2: number, vertex: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    frontal: { areaCm2: TINY },
    midScalp: { areaCm2: TINY },
    occipital: { areaCm2: TINY },
    vertex: { areaCm2, ...vertex },
  };
}
