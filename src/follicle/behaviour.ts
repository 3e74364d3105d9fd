import type { Behaviour as MouseRuleBehaviour } from '../microenv/rules.ts';
import type { MouseHookName } from './mouse/lattice.ts';

/**
 * Species-neutral follicle behaviours: what a treatment or the microenvironment may change on a follicle.
 * Every behaviour is a dimensionless multiplier with neutral value 1 (no effect); effects on the same
 * behaviour combine by multiplication (as the rules table does). The bounds catch unit slips and keep the
 * samplers well posed; the reason for each is in `reason` and in docs/model.md §1.10.
 */
export const FOLLICLE_BEHAVIOURS = ['activation', 'anagenDuration', 'sizeRetention', 'androgenExposure'] as const;
export type FollicleBehaviour = (typeof FOLLICLE_BEHAVIOURS)[number];

/** Declared meaning and bounds of one behaviour multiplier. */
export interface BehaviourSpec {
  /** The value that leaves the follicle unchanged. */
  neutral: 1;
  min: number;
  max: number;
  /** Unit of the multiplier (all are ratios). */
  unit: '1';
  meaning: string;
  reason: string;
}

export const BEHAVIOUR_SPECS: Readonly<Record<FollicleBehaviour, BehaviourSpec>> = {
  activation: {
    neutral: 1,
    min: 0,
    max: 100,
    unit: '1',
    meaning: 'multiplier on the exit hazard of the resting phases (telogen and latency/kenogen): > 1 shortens rest, 0 arrests it',
    reason: '0 is a full block of telogen exit; the default mouse rules reach 45 (p-S6 × minoxidil), 100 leaves headroom and rejects percentages typed as factors',
  },
  anagenDuration: {
    neutral: 1,
    min: 0.1,
    max: 10,
    unit: '1',
    meaning: 'multiplier on the anagen duration: the anagen clock runs at 1/f (> 1 prolongs anagen)',
    reason: 'below 0.1 a terminal anagen would be shorter than catagen; above 10 longer than any recorded human anagen (~10 y)',
  },
  sizeRetention: {
    neutral: 1,
    min: 0,
    max: 2,
    unit: '1',
    meaning: 'multiplier on the relative size kept at each new anagen (size ← min(1, size × kept × factor); < 1 miniaturizes, > 1 restores)',
    reason: '0 empties the follicle at its next cycle (dormant); 2 = at most doubling per cycle, and size is capped at terminal (1) anyway',
  },
  androgenExposure: {
    neutral: 1,
    min: 0,
    max: 10,
    unit: '1',
    meaning: "multiplier on the follicle's androgen (DHT) exposure at each miniaturization step (e.g. a 5α-reductase inhibitor < 1)",
    reason: '0 is a complete androgen blockade; 10 is the span of aga.androgenLevel (0-10); exposure stays capped at 1',
  },
};

/** True when `factor` lies within the declared bounds of `behaviour`. */
export function withinBounds(behaviour: FollicleBehaviour, factor: number): boolean {
  const s = BEHAVIOUR_SPECS[behaviour];
  return Number.isFinite(factor) && factor >= s.min && factor <= s.max;
}

/** `factor` clamped into the declared bounds of `behaviour` (products of valid factors may leave them). */
export function clampToBounds(behaviour: FollicleBehaviour, factor: number): number {
  const s = BEHAVIOUR_SPECS[behaviour];
  return factor < s.min ? s.min : factor > s.max ? s.max : factor;
}

/**
 * The mouse rules table's behaviour names (src/microenv/rules.ts) in the shared vocabulary; null = a
 * mouse-only behaviour with no human counterpart (no refractory telogen, no neighbour propagation and no
 * shaft-growth readout in the human automaton; pS6 is a follicle state, not a behaviour). The mouse path
 * has no androgenExposure behaviour: its androgen enters as the `dht` signal.
 */
export const MOUSE_RULE_BEHAVIOURS = {
  activationRate: 'activation',
  anagenDuration: 'anagenDuration',
  sizeRetention: 'sizeRetention',
  propagation: null,
  refractoryDuration: null,
  growthRate: null,
  pS6: null,
} as const satisfies Record<MouseRuleBehaviour, FollicleBehaviour | null>;

/** The mouse lattice's hook arrays in the shared vocabulary (same semantics as MOUSE_RULE_BEHAVIOURS). */
export const MOUSE_HOOK_BEHAVIOURS = {
  activationRateFactor: 'activation',
  anagenDurationFactor: 'anagenDuration',
  sizeRetentionFactor: 'sizeRetention',
  propagationFactor: null,
  refractoryFactor: null,
  growthRateFactor: null,
} as const satisfies Record<MouseHookName, FollicleBehaviour | null>;
