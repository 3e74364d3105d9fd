import { BEHAVIOURS, type RuleOn } from './rules.ts';

const SIGNAL_WORDS: Record<string, string> = {
  ros: 'H2O2 at the bulb (× healthy)',
  superoxide: 'superoxide at the bulb (× healthy)',
  damage: 'oxidative damage of the dermal papilla (0-1)',
  perfusion: 'perifollicular vessel density (× healthy)',
  vegf: 'VEGF at the bulb (× healthy)',
  wound: 'the needle-injury signal (a.u.)',
  minoxidil: 'minoxidil sulfate at the bulb (µM)',
  dht: 'androgen (DHT) exposure (0-1)',
  pS6: 'p-S6 (mTORC1) activation (0-1)',
};

const BEHAVIOUR_WORDS: Record<(typeof BEHAVIOURS)[number], string> = {
  pS6: 'the p-S6 activation target',
  activationRate: 'the rate of telogen exit',
  propagation: 'neighbour propagation of anagen',
  refractoryDuration: 'the refractory telogen duration',
  anagenDuration: 'anagen duration',
  growthRate: 'shaft growth rate',
  sizeRetention: 'the follicle size kept per cycle',
};

const num = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 100 || Math.abs(x) < 0.01 ? x.toPrecision(2) : String(Math.round(x * 1000) / 1000));

/**
 * One rule as an English sentence, e.g. "Androgen (DHT) exposure (0-1) decreases the rate of telogen exit:
 * half the effect at 0.3, Hill 1, at most ×0.3; neutral (×1) at the healthy level 0." `reference` is the
 * signal's healthy level (the rule is normalised to ×1 there).
 */
export function ruleSentence(r: RuleOn, reference?: number): string {
  const sig = SIGNAL_WORDS[r.signal] ?? `signal '${r.signal}'`;
  const beh = BEHAVIOUR_WORDS[r.behaviour];
  const ref = reference === undefined ? '' : `; neutral (×1) at the healthy level ${num(reference)}`;
  const off = r.enabled ? '' : ' (switched off)';
  const head = sig.startsWith('p-') ? sig : `${sig[0].toUpperCase()}${sig.slice(1)}`;
  return `${head} ${r.direction} ${beh}: half the effect at ${num(r.halfMax)}, Hill ${num(r.hill)}, at most ×${num(r.saturation)}${ref}${off}.`;
}

/** The rules table as Markdown bullet sentences, each with its signal's healthy level when known. */
export function rulesMarkdown(rules: readonly RuleOn[], reference: (signal: string) => number | undefined): string {
  return rules.map((r) => `- ${ruleSentence(r, reference(r.signal))}`).join('\n') + '\n';
}
