import type { TrialMicroenvParams } from '../parameters/assemble/trialMicroenvironment.ts';
import { MOUSE_RULE_BEHAVIOURS, type FollicleBehaviour } from '../follicle/behaviour.ts';
import { BEHAVIOURS, compileRules, type CompiledRules, type Rule } from '../microenv/rules.ts';
import { bulbRuleFactors, solveBulbSignals, type BulbSignals } from '../tasks/humanMicroenvironment.ts';
import { pow } from '../core/pow.ts';

/**
 * The per-region perifollicular microenvironment coupled into the trial's follicles (docs/model.md §9.10).
 * The human region tile (§1.9) is solved once per trial plan on a grid of its two drivers that vary between
 * men and over time: the region's mean androgen exposure x (after 5α-reductase inhibitors) and the time-mean
 * active ceria level at the anagen bulbs (from the 3-D depth–dose). A man's schedule piece interpolates the
 * steady bulb signals bilinearly, and the mouse's rules table turns them into behaviour factors relative to
 * healthy skin (x = 0, no ceria), with the rules' own androgen signal at 0: androgen acts on size through the
 * automaton's δx and, here, only through what it does to ROS and VEGF (counted once per pathway).
 */

/** Grid numerics of the lookup (not model constants): exposure nodes, and ceria nodes as fractions of the trial's highest bulb level. */
export const MICROENV_LOOKUP_NUMERICS = {
  exposures: [0, 0.125, 0.25, 0.5, 0.75, 1],
  ceriaFractions: [0, 0.25, 0.5, 1],
} as const;

const SIGNAL_KEYS = ['rosIndex', 'superoxideIndex', 'damage', 'perfusion', 'vegfFold'] as const;

/** The lookup as plain data (structured-clonable: it travels with every unit to the worker threads). */
export interface MicroenvTable {
  /** Exposure nodes x (ascending, from 0). */
  exposures: number[];
  /** Ceria nodes: time-mean bulb level relative to the mouse study's bulb level (ascending, from 0). */
  ceriaRel: number[];
  /** Steady bulb signals at node (i, j), index i·ceriaRel.length + j. */
  signals: Record<(typeof SIGNAL_KEYS)[number], number[]>;
  rules: Rule[];
  pS6Basal: number;
}

const tableCache = new Map<string, MicroenvTable>();

/**
 * Solves the region tile at every node (memoised on the parameters and nodes: a trial solves it once).
 * `maxCeriaRel` is the highest bulb level any man of the trial gets (0 without ceria arms: one ceria node),
 * `mouseBulbLevelKgM3` converts relative levels into the tile's ceria concentration.
 */
export function microenvTable(mp: TrialMicroenvParams, maxCeriaRel: number, mouseBulbLevelKgM3: number): MicroenvTable {
  const ceriaRel = maxCeriaRel > 0 ? MICROENV_LOOKUP_NUMERICS.ceriaFractions.map((f) => f * maxCeriaRel) : [0];
  const exposures = [...MICROENV_LOOKUP_NUMERICS.exposures];
  const key = JSON.stringify([mp, ceriaRel, mouseBulbLevelKgM3]);
  const hit = tableCache.get(key);
  if (hit) return hit;
  const signals = Object.fromEntries(SIGNAL_KEYS.map((k) => [k, [] as number[]])) as MicroenvTable['signals'];
  for (const x of exposures) {
    for (const c of ceriaRel) {
      const b = solveBulbSignals(mp.tiles, mp.config, x, c * mouseBulbLevelKgM3);
      for (const k of SIGNAL_KEYS) signals[k].push(b[k]);
    }
  }
  const out: MicroenvTable = { exposures, ceriaRel, signals, rules: mp.rules, pS6Basal: mp.tiles.signals.pS6Basal };
  tableCache.set(key, out);
  return out;
}

/** Index k and weight t of `v` between nodes k and k + 1 (clamped to the grid). */
function bracket(nodes: readonly number[], v: number): [number, number] {
  const last = nodes.length - 1;
  if (last === 0) return [0, 0];
  let k = 0;
  while (k < last - 1 && v > nodes[k + 1]) k++;
  return [k, Math.min(1, Math.max(0, (v - nodes[k]) / (nodes[k + 1] - nodes[k])))];
}

/** Steady bulb signals at exposure x and relative ceria level c, bilinear in the table (exact at the nodes). */
export function bulbSignalsAt(t: MicroenvTable, x: number, c: number): BulbSignals {
  const nc = t.ceriaRel.length;
  const [i, tx] = bracket(t.exposures, x);
  const [j, tc] = bracket(t.ceriaRel, c);
  const i1 = Math.min(i + 1, t.exposures.length - 1);
  const j1 = Math.min(j + 1, nc - 1);
  const at = (y: number[]) =>
    (1 - tx) * ((1 - tc) * y[i * nc + j] + tc * y[i * nc + j1]) + tx * ((1 - tc) * y[i1 * nc + j] + tc * y[i1 * nc + j1]);
  return { rosIndex: at(t.signals.rosIndex), superoxideIndex: at(t.signals.superoxideIndex), damage: at(t.signals.damage), perfusion: at(t.signals.perfusion), vegfFold: at(t.signals.vegfFold) };
}

/** Behaviour factors of the human automaton that the coupling sets (the mapped mouse rule behaviours). */
export type CoupledBehaviour = Exclude<(typeof MOUSE_RULE_BEHAVIOURS)[keyof typeof MOUSE_RULE_BEHAVIOURS], null>;
export type CoupledFactors = Record<CoupledBehaviour, number>;

const MAPPED = (Object.entries(MOUSE_RULE_BEHAVIOURS) as [(typeof BEHAVIOURS)[number], FollicleBehaviour | null][]).flatMap(([rule, human]) =>
  human ? [{ index: BEHAVIOURS.indexOf(rule), human: human as CoupledBehaviour }] : [],
);

const compiled = new WeakMap<MicroenvTable, { rules: CompiledRules; healthy: Float64Array }>();

function prepared(t: MicroenvTable): { rules: CompiledRules; healthy: Float64Array } {
  let c = compiled.get(t);
  if (!c) {
    const rules = compileRules(t.rules);
    c = { rules, healthy: bulbRuleFactors(rules, bulbSignalsAt(t, 0, 0), 0, t.pS6Basal).factors };
    compiled.set(t, c);
  }
  return c;
}

/**
 * Behaviour factors at exposure x and bulb ceria c, each relative to healthy skin (x = 0, c = 0), where it is
 * exactly 1, raised to the human gain γ (`trialProgression.microenvironmentGain`). The rules read dht = 0 (androgen is already in the automaton's δx), and no wound or minoxidil
 * signal: injury and minoxidil reach the follicles through their own pharmacology (§9.4–9.5), and the
 * roller's wound does not reach the bulbs 3.5–5 mm deep.
 */
export function coupledFactors(t: MicroenvTable, x: number, c: number, gain = 1): CoupledFactors {
  const { rules, healthy } = prepared(t);
  const out = { activation: 1, anagenDuration: 1, sizeRetention: 1 } as CoupledFactors;
  if ((x <= 0 && c <= 0) || gain === 0) return out;
  const f = bulbRuleFactors(rules, bulbSignalsAt(t, x, c), 0, t.pS6Basal).factors;
  // the human gain γ scales the log of each factor: 1 stays the healthy value, γ = 1 the mouse rules
  for (const m of MAPPED) out[m.human] = gain === 1 ? f[m.index] / healthy[m.index] : pow(f[m.index] / healthy[m.index], gain);
  return out;
}
