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
  { signal: 'minoxidil', direction: 'increases', behaviour: 'activationRate', halfMax: 20, hill: 1, saturation: 3, why: 'minoxidil sulfate shortens telogen (rat telogen ~20 d to 1-2 d, no anagen prolongation: PMID 2380431); half effect at 20 µM sulfate, near the level of the 5 % twice-daily regimen so dose and frequency matter' },
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
  { signal: 'perfusion', direction: 'increases', behaviour: 'sizeRetention', halfMax: 1.5, hill: 4, saturation: 1.3, why: 'VEGF-driven perifollicular angiogenesis enlarges follicles and hair diameter (Yano 2001): better perfused follicles keep more of their size at each new anagen, so treatments that restore perfusion protect against miniaturization' },
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

const bound = (value: number, what: string, why: string, range: readonly [number, number]): Parameter =>
  assumed(value, '1', what, why, [range[0], range[1], 'assumed bound'] as const);

/**
 * Declared bounds of each behaviour's combined rule factor (`ruleBounds.<behaviour>.min|max`): however the
 * rules combine, a behaviour stays within them. All assumptions, reasoned in `why`.
 */
export const ruleBounds = {
  'pS6.min': bound(0.1, 'lowest combined factor on the p-S6 target', 'a tenth of basal: activation suppressed, not abolished', [0.01, 0.5]),
  'pS6.max': bound(10, 'highest combined factor on the p-S6 target', 'basal 0.1 × 10 = fully activated (the target is capped at 1 anyway)', [2, 20]),
  'activationRate.min': bound(0.05, 'lowest combined factor on the telogen-exit hazard', 'a twentyfold delay of telogen exit: androgen delays, it does not arrest regrowth (TP delays regrowth, gempharmatech)', [0.01, 0.5]),
  'activationRate.max': bound(20, 'highest combined factor on the telogen-exit hazard', 'minoxidil shortens rat telogen from ~20 d to 1-2 d (PMID 2380431): at most a ten- to twentyfold faster exit', [5, 50]),
  'propagation.min': bound(0.2, 'lowest combined factor on neighbour propagation of anagen', 'assumed: one fifth of healthy wave propagation', [0.05, 0.8]),
  'propagation.max': bound(3, 'highest combined factor on neighbour propagation of anagen', 'assumed: waves at most three times faster', [1.2, 10]),
  'refractoryDuration.min': bound(0.5, 'lowest combined factor on the refractory telogen duration', 'assumed: refractory telogen at least halved', [0.2, 0.9]),
  'refractoryDuration.max': bound(3, 'highest combined factor on the refractory telogen duration', 'assumed: at most tripled by androgen', [1.2, 5]),
  'anagenDuration.min': bound(0.3, 'lowest combined factor on anagen duration', 'assumed: anagen (~17 d in mouse) not shorter than ~5 d', [0.1, 0.8]),
  'anagenDuration.max': bound(1.5, 'highest combined factor on anagen duration', 'rodent anagen is little prolonged by treatments (minoxidil does not prolong it, PMID 2380431); perfusion at most +50 %', [1.1, 3]),
  'growthRate.min': bound(0.3, 'lowest combined factor on shaft growth rate', 'assumed: damaged or androgen-exposed shafts grow at least at 30 %', [0.1, 0.8]),
  'growthRate.max': bound(1.5, 'highest combined factor on shaft growth rate', 'assumed: shafts (~1 mm/day, Chase 1951) at most 50 % faster', [1.1, 3]),
  'sizeRetention.min': bound(0.3, 'lowest combined factor on the size kept per cycle', 'assumed: at most a 70 % size loss per cycle', [0.1, 0.9]),
  'sizeRetention.max': bound(1.2, 'highest combined factor on the size kept per cycle', 'assumed: recovery of at most 20 % per cycle (size is capped at terminal anyway)', [1, 2]),
} satisfies ParameterSet;
