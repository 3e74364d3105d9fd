import { z } from 'zod';
import { pow } from '../core/pow.ts';

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

/** A rule on any signal name: the built-in SIGNALS or one registered by an extra process (programmatic use). */
export type RuleOn<S extends string = string> = Omit<Rule, 'signal'> & { signal: S };

/** A compiled rule set: flat typed arrays for a fast per-follicle loop. */
export interface CompiledRules {
  count: number;
  signal: Int32Array;
  behaviour: Int32Array;
  halfMaxPowHill: Float64Array;
  hill: Float64Array;
  gain: Float64Array;
  /** 1 / (the rule's raw factor at the healthy reference signal): every rule is neutral (×1) in healthy skin. */
  norm: Float64Array;
  /** Declared bounds of each behaviour's combined factor (BEHAVIOURS order). */
  minFactor: Float64Array;
  maxFactor: Float64Array;
  /** Behaviours with at least one rule (ascending): only their products need clamping. */
  used: Int32Array;
  /** Starting factor per behaviour: 1 where rules act, else the bounded neutral factor (1 clamped to the bounds). */
  start: Float64Array;
}

/** The `used` and `start` fields of a rule set acting on `behaviour` (indices) with the given bounds. */
function evaluationPlan(behaviour: Int32Array, min: Float64Array, max: Float64Array): { used: Int32Array; start: Float64Array } {
  const on = new Set(behaviour);
  return {
    used: Int32Array.from([...on].sort((a, b) => a - b)),
    start: Float64Array.from(min, (lo, b) => (on.has(b) ? 1 : Math.min(max[b], Math.max(lo, 1)))),
  };
}

/** Options of `compileRules`: healthy reference signal levels and bounds per behaviour. */
export interface RuleCompileOptions {
  /**
   * Signal values (in `signals` order) of healthy, untreated skin; each rule is divided by its value there
   * so that the table is neutral at the reference. Omitted: reference 0 (raw Hill factors, as before).
   */
  reference?: ArrayLike<number>;
  /** Bounds of each behaviour's combined factor (BEHAVIOURS order). Omitted: unbounded. */
  bounds?: { min: ArrayLike<number>; max: ArrayLike<number> };
}

/** Raw Hill factor 1 + g·sⁿ/(Kⁿ + sⁿ) (dimensionless). */
function hillFactor(gain: number, halfMaxPowHill: number, hill: number, s: number): number {
  const sn = pow(Math.max(0, s), hill);
  return 1 + (gain * sn) / (halfMaxPowHill + sn);
}

/**
 * Compiles enabled rules into typed arrays (signal and behaviour as indices into `signals`/BEHAVIOURS);
 * `signals` is SIGNALS, optionally followed by registered extra signals (the built-in indices never move).
 */
export function compileRules(rules: readonly RuleOn[], signals: readonly string[] = SIGNALS, opts: RuleCompileOptions = {}): CompiledRules {
  const on = rules.filter((r) => r.enabled);
  for (const r of on) {
    if (!signals.includes(r.signal)) throw new RangeError(`rule on unknown signal '${r.signal}' (known: ${signals.join(', ')})`);
  }
  const ref = opts.reference;
  const nB = BEHAVIOURS.length;
  const behaviour = Int32Array.from(on, (r) => BEHAVIOURS.indexOf(r.behaviour));
  const minFactor = Float64Array.from({ length: nB }, (_, b) => opts.bounds?.min[b] ?? 0);
  const maxFactor = Float64Array.from({ length: nB }, (_, b) => opts.bounds?.max[b] ?? Infinity);
  return {
    count: on.length,
    signal: Int32Array.from(on, (r) => signals.indexOf(r.signal)),
    behaviour,
    halfMaxPowHill: Float64Array.from(on, (r) => pow(r.halfMax, r.hill)),
    hill: Float64Array.from(on, (r) => r.hill),
    gain: Float64Array.from(on, (r) => r.saturation - 1),
    norm: Float64Array.from(on, (r) => (ref ? 1 / hillFactor(r.saturation - 1, pow(r.halfMax, r.hill), r.hill, ref[signals.indexOf(r.signal)] ?? 0) : 1)),
    minFactor,
    maxFactor,
    ...evaluationPlan(behaviour, minFactor, maxFactor),
  };
}

/**
 * The rules of a compiled set that act on the behaviours `keep` accepts, in their original order (so each
 * behaviour's product is formed exactly as in the full set); bounds are kept for every behaviour. Lets a
 * caller that reads only some behaviours skip the other rules.
 */
export function selectRules(rules: CompiledRules, keep: (behaviour: number) => boolean): CompiledRules {
  const idx: number[] = [];
  for (let r = 0; r < rules.count; r++) if (keep(rules.behaviour[r])) idx.push(r);
  const pick = <T extends Float64Array | Int32Array>(a: T, make: (xs: number[]) => T): T => make(idx.map((r) => a[r]));
  const behaviour = pick(rules.behaviour, (xs) => Int32Array.from(xs));
  return {
    count: idx.length,
    signal: pick(rules.signal, (xs) => Int32Array.from(xs)),
    behaviour,
    halfMaxPowHill: pick(rules.halfMaxPowHill, (xs) => Float64Array.from(xs)),
    hill: pick(rules.hill, (xs) => Float64Array.from(xs)),
    gain: pick(rules.gain, (xs) => Float64Array.from(xs)),
    norm: pick(rules.norm, (xs) => Float64Array.from(xs)),
    minFactor: rules.minFactor,
    maxFactor: rules.maxFactor,
    ...evaluationPlan(behaviour, rules.minFactor, rules.maxFactor),
  };
}

/**
 * Evaluates the rules for one follicle: `signals` holds one value per compiled signal, `out` receives
 * BEHAVIOURS.length multiplicative factors (reset to 1 first), each rule divided by its value at the
 * healthy reference and each behaviour's product clamped to its declared bounds. The follicle's signals may
 * start at `offset` of a larger array (one row per follicle).
 */
export function evaluateRules(rules: CompiledRules, signals: Float64Array, out: Float64Array, offset = 0): void {
  const { start, count, signal, hill, behaviour, gain, halfMaxPowHill, norm, used, minFactor, maxFactor } = rules;
  for (let b = 0; b < out.length; b++) out[b] = start[b];
  for (let r = 0; r < count; r++) {
    const s = Math.max(0, signals[offset + signal[r]]);
    const h = hill[r];
    // integer Hill coefficients (the common case) avoid Math.pow in this per-follicle loop
    const sn = h === 1 ? s : h === 2 ? s * s : h === 3 ? s * s * s : h === 4 ? s * s * s * s : pow(s, h);
    out[behaviour[r]] *= (1 + (gain[r] * sn) / (halfMaxPowHill[r] + sn)) * norm[r];
  }
  // the combined factor of each behaviour stays within its declared bounds (behaviours without rules
  // start at their bounded neutral factor)
  for (let k = 0; k < used.length; k++) {
    const b = used[k];
    out[b] = Math.min(maxFactor[b], Math.max(minFactor[b], out[b]));
  }
}

/**
 * `evaluateRules` for `count` follicles at once: follicle i's signals start at signals[i·stride], its
 * BEHAVIOURS.length factors go to out[i·BEHAVIOURS.length…]. Rule by rule over the follicles (the rule's
 * constants stay in registers over a long loop), each product formed in the same rule order as
 * `evaluateRules`, so every factor is bitwise the same.
 */
export function evaluateRulesBatch(rules: CompiledRules, signals: Float64Array, stride: number, count: number, out: Float64Array): void {
  const { start, signal, hill, behaviour, gain, halfMaxPowHill, norm, used, minFactor, maxFactor } = rules;
  const nB = start.length;
  for (let i = 0; i < count; i++) for (let b = 0; b < nB; b++) out[i * nB + b] = start[b];
  for (let r = 0; r < rules.count; r++) {
    const sig = signal[r];
    const h = hill[r];
    const g = gain[r];
    const kn = halfMaxPowHill[r];
    const nr = norm[r];
    const b = behaviour[r];
    for (let i = 0; i < count; i++) {
      const s = Math.max(0, signals[i * stride + sig]);
      const sn = h === 1 ? s : h === 2 ? s * s : h === 3 ? s * s * s : h === 4 ? s * s * s * s : pow(s, h);
      out[i * nB + b] *= (1 + (g * sn) / (kn + sn)) * nr;
    }
  }
  for (let k = 0; k < used.length; k++) {
    const b = used[k];
    const lo = minFactor[b];
    const hi = maxFactor[b];
    for (let i = 0; i < count; i++) out[i * nB + b] = Math.min(hi, Math.max(lo, out[i * nB + b]));
  }
}
