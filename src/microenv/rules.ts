import { z } from 'zod';

/**
 * PhysiCell-style behaviour rules as data: "signal increases/decreases behaviour" with a Hill response.
 * Each rule multiplies its behaviour by
 *     factor = 1 + (saturation − 1) · sⁿ / (halfMaxⁿ + sⁿ)
 * so `saturation` is the fold change at saturating signal (> 1 to increase, < 1 to decrease); rules on
 * the same behaviour multiply. Signals are dimensionless indices (1 = healthy reference).
 */
export const SIGNALS = ['ros', 'superoxide', 'damage', 'perfusion', 'vegf', 'wound', 'minoxidil', 'dht', 'pS6'] as const;
export const BEHAVIOURS = ['pS6', 'activationRate', 'propagation', 'refractoryDuration', 'anagenDuration', 'growthRate', 'sizeRetention'] as const;
export type Signal = (typeof SIGNALS)[number];
export type Behaviour = (typeof BEHAVIOURS)[number];

export const ruleSchema = z
  .strictObject({
    signal: z.enum(SIGNALS).describe('signal read at the follicle'),
    direction: z.enum(['increases', 'decreases']).describe('whether the signal raises or lowers the behaviour'),
    behaviour: z.enum(BEHAVIOURS).describe('follicle behaviour acted on'),
    halfMax: z.number().min(1e-6).max(1e6).describe('signal level of half the effect (1e-6 to 1e6; signals are relative indices near 1)'),
    hill: z.number().min(0.01).max(20).default(1).describe('Hill coefficient (> 0)'),
    saturation: z.number().min(1e-3).max(1e3).describe('fold change of the behaviour at saturating signal (> 1 for increases, < 1 for decreases)'),
    enabled: z.boolean().default(true).describe('switch a rule off to ablate it'),
  })
  .superRefine((r, ctx) => {
    if ((r.direction === 'increases') !== r.saturation > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['saturation'],
        input: r.saturation,
        message: `must be ${r.direction === 'increases' ? '> 1 for an increasing' : '< 1 for a decreasing'} rule`,
      });
    }
  });

export type Rule = z.output<typeof ruleSchema>;

/** A compiled rule set: flat typed arrays for a fast per-follicle loop. */
export interface CompiledRules {
  count: number;
  signal: Int32Array;
  behaviour: Int32Array;
  halfMaxPowHill: Float64Array;
  hill: Float64Array;
  gain: Float64Array;
}

/** Compiles enabled rules into typed arrays (signal and behaviour as indices into SIGNALS/BEHAVIOURS). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const on = rules.filter((r) => r.enabled);
  return {
    count: on.length,
    signal: Int32Array.from(on, (r) => SIGNALS.indexOf(r.signal)),
    behaviour: Int32Array.from(on, (r) => BEHAVIOURS.indexOf(r.behaviour)),
    halfMaxPowHill: Float64Array.from(on, (r) => Math.pow(r.halfMax, r.hill)),
    hill: Float64Array.from(on, (r) => r.hill),
    gain: Float64Array.from(on, (r) => r.saturation - 1),
  };
}

/**
 * Evaluates the rules for one follicle: `signals` holds SIGNALS.length values, `out` receives
 * BEHAVIOURS.length multiplicative factors (reset to 1 first).
 */
export function evaluateRules(rules: CompiledRules, signals: Float64Array, out: Float64Array): void {
  out.fill(1);
  for (let r = 0; r < rules.count; r++) {
    const s = Math.max(0, signals[rules.signal[r]]);
    const h = rules.hill[r];
    // integer Hill coefficients (the common case) avoid Math.pow in this per-follicle loop
    const sn = h === 1 ? s : h === 2 ? s * s : h === 3 ? s * s * s : h === 4 ? s * s * s * s : Math.pow(s, h);
    out[rules.behaviour[r]] *= 1 + (rules.gain[r] * sn) / (rules.halfMaxPowHill[r] + sn);
  }
}
