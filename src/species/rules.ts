import { assumed, type Parameter, type ParameterSet } from '../core/parameter.ts';
import type { Behaviour, Signal } from '../microenv/rules.ts';

/**
 * Magnitudes of the default behaviour rules (docs/model.md §5): each rule "signal increases/decreases
 * behaviour" has a half-maximal signal, a Hill coefficient and a saturating fold change. All are
 * assumptions; the reasoning of each row is in `why`. Keys are `<signal>.<behaviour>.<field>`.
 */
export interface RuleShape {
  signal: Signal;
  direction: 'increases' | 'decreases';
  behaviour: Behaviour;
  halfMax: number;
  hill: number;
  saturation: number;
  why: string;
}

const ANDROGEN = 'androgen at exposure x = 1 matches the lattice AGA factors (mouseAga)';

/** The default rules table, in evaluation order (the order of DEFAULT_RULES). */
export const DEFAULT_RULE_SHAPES: readonly RuleShape[] = [
  // stem-cell activation (p-S6 / mTORC1), the study's readout of telogen exit
  { signal: 'wound', direction: 'increases', behaviour: 'pS6', halfMax: 0.3, hill: 2, saturation: 6, why: 'needle injury activates HFSCs (p-S6 after microneedling, study)' },
  { signal: 'perfusion', direction: 'increases', behaviour: 'pS6', halfMax: 1.5, hill: 4, saturation: 3, why: 'perifollicular angiogenesis accompanies telogen exit (Mecklenburg 2002)' },
  { signal: 'damage', direction: 'decreases', behaviour: 'pS6', halfMax: 0.3, hill: 2, saturation: 0.2, why: 'oxidative damage blocks stem-cell activation' },
  { signal: 'dht', direction: 'decreases', behaviour: 'pS6', halfMax: 0.5, hill: 1, saturation: 0.4, why: 'androgen-induced DP inhibitors (TGF-β1, DKK1) delay activation' },
  { signal: 'pS6', direction: 'increases', behaviour: 'activationRate', halfMax: 0.4, hill: 3, saturation: 15, why: 'p-S6 marks the onset of new growth (study); switch-like' },
  { signal: 'minoxidil', direction: 'increases', behaviour: 'activationRate', halfMax: 20, hill: 1, saturation: 3, why: 'minoxidil shortens telogen (K-ATP opening); half effect near 20 µM' },
  // androgen (x = the follicle's exposure): delayed telogen exit, shorter anagen, miniaturization
  { signal: 'dht', direction: 'decreases', behaviour: 'activationRate', halfMax: 0.3, hill: 1, saturation: 0.3, why: ANDROGEN },
  { signal: 'dht', direction: 'increases', behaviour: 'refractoryDuration', halfMax: 0.3, hill: 1, saturation: 1.65, why: ANDROGEN },
  { signal: 'dht', direction: 'decreases', behaviour: 'propagation', halfMax: 0.3, hill: 1, saturation: 0.6, why: ANDROGEN },
  { signal: 'dht', direction: 'decreases', behaviour: 'anagenDuration', halfMax: 0.3, hill: 1, saturation: 0.6, why: ANDROGEN },
  { signal: 'dht', direction: 'decreases', behaviour: 'growthRate', halfMax: 0.3, hill: 1, saturation: 0.8, why: ANDROGEN },
  { signal: 'dht', direction: 'decreases', behaviour: 'sizeRetention', halfMax: 0.3, hill: 1, saturation: 0.5, why: ANDROGEN },
  // oxidative damage: early catagen, miniaturization, slower shafts
  { signal: 'damage', direction: 'decreases', behaviour: 'anagenDuration', halfMax: 0.4, hill: 2, saturation: 0.5, why: 'ROS-induced early catagen (balding DPCs, BMB Rep 2013)' },
  { signal: 'damage', direction: 'decreases', behaviour: 'sizeRetention', halfMax: 0.3, hill: 2, saturation: 0.7, why: 'oxidative stress accompanies miniaturization' },
  { signal: 'damage', direction: 'decreases', behaviour: 'growthRate', halfMax: 0.4, hill: 2, saturation: 0.6, why: 'damaged matrix cells divide more slowly' },
  // perfusion sustains anagen and shaft growth
  { signal: 'perfusion', direction: 'increases', behaviour: 'anagenDuration', halfMax: 1.5, hill: 4, saturation: 1.3, why: 'VEGF/perfusion prolongs anagen (Yano 2001)' },
  { signal: 'perfusion', direction: 'increases', behaviour: 'growthRate', halfMax: 1.5, hill: 4, saturation: 1.3, why: 'better perfusion, thicker and faster shafts (Yano 2001)' },
];

/** Key prefix of a rule in the parameter set: `<signal>.<behaviour>`. */
export const ruleKey = (r: { signal: string; behaviour: string }): string => `${r.signal}.${r.behaviour}`;

function ruleParameters(r: RuleShape): [string, Parameter][] {
  const k = ruleKey(r);
  const what = `${r.signal} ${r.direction} ${r.behaviour}`;
  // an increasing rule must keep saturation > 1 and a decreasing one < 1 (the schema checks the sign)
  const sat: readonly [number, number] = r.direction === 'increases' ? [1.05, Math.max(3, 3 * r.saturation)] : [Math.min(0.05, r.saturation / 4), 0.95];
  return [
    [`${k}.halfMax`, assumed(r.halfMax, 'signal', `${what}: signal level of half the effect`, r.why, [r.halfMax / 5, r.halfMax * 5, 'assumed magnitude: one fifth to five times'])],
    [`${k}.hill`, assumed(r.hill, '1', `${what}: Hill coefficient`, r.why, [1, Math.max(4, r.hill), 'graded (1) to switch-like (4)'])],
    [`${k}.saturation`, assumed(r.saturation, '1', `${what}: fold change at saturating signal`, r.why, [sat[0], sat[1], 'keeps the direction of the rule; up to threefold the default'])],
  ];
}

/** Rule magnitudes as parameters (`<signal>.<behaviour>.halfMax|hill|saturation`). */
export const ruleMagnitudes: ParameterSet = Object.fromEntries(DEFAULT_RULE_SHAPES.flatMap(ruleParameters));
