import type { Rule } from './rules.ts';

/**
 * Default behaviour rules (all magnitudes are assumptions; see docs/model.md §3.6 for the reasoning of
 * each row). Signals: ros, superoxide, vegf = fold over the healthy reference; perfusion = relative
 * vessel density; damage, pS6 in 0-1; wound in a.u.; minoxidil in µM; dht = androgen level (AGA = 1).
 */
export const DEFAULT_RULES: Rule[] = [
  // stem-cell activation (p-S6 / mTORC1), the study's readout of telogen exit
  { signal: 'wound', direction: 'increases', behaviour: 'pS6', halfMax: 0.3, hill: 2, saturation: 6, enabled: true },
  { signal: 'perfusion', direction: 'increases', behaviour: 'pS6', halfMax: 1.5, hill: 4, saturation: 3, enabled: true },
  { signal: 'damage', direction: 'decreases', behaviour: 'pS6', halfMax: 0.3, hill: 2, saturation: 0.2, enabled: true },
  { signal: 'dht', direction: 'decreases', behaviour: 'pS6', halfMax: 0.5, hill: 1, saturation: 0.4, enabled: true },
  { signal: 'pS6', direction: 'increases', behaviour: 'activationRate', halfMax: 0.4, hill: 3, saturation: 15, enabled: true },
  { signal: 'minoxidil', direction: 'increases', behaviour: 'activationRate', halfMax: 20, hill: 1, saturation: 3, enabled: true },
  // androgen (x = the follicle's exposure): delayed telogen exit, shorter anagen, miniaturization;
  // magnitudes at x = 1 match the lattice's AGA factors in src/species/mouse.ts (mouseAga)
  { signal: 'dht', direction: 'decreases', behaviour: 'activationRate', halfMax: 0.3, hill: 1, saturation: 0.3, enabled: true },
  { signal: 'dht', direction: 'increases', behaviour: 'refractoryDuration', halfMax: 0.3, hill: 1, saturation: 1.65, enabled: true },
  { signal: 'dht', direction: 'decreases', behaviour: 'propagation', halfMax: 0.3, hill: 1, saturation: 0.6, enabled: true },
  { signal: 'dht', direction: 'decreases', behaviour: 'anagenDuration', halfMax: 0.3, hill: 1, saturation: 0.6, enabled: true },
  { signal: 'dht', direction: 'decreases', behaviour: 'growthRate', halfMax: 0.3, hill: 1, saturation: 0.8, enabled: true },
  { signal: 'dht', direction: 'decreases', behaviour: 'sizeRetention', halfMax: 0.3, hill: 1, saturation: 0.5, enabled: true },
  // oxidative damage: early catagen, miniaturization, slower shafts
  { signal: 'damage', direction: 'decreases', behaviour: 'anagenDuration', halfMax: 0.4, hill: 2, saturation: 0.5, enabled: true },
  { signal: 'damage', direction: 'decreases', behaviour: 'sizeRetention', halfMax: 0.3, hill: 2, saturation: 0.7, enabled: true },
  { signal: 'damage', direction: 'decreases', behaviour: 'growthRate', halfMax: 0.4, hill: 2, saturation: 0.6, enabled: true },
  // perfusion sustains anagen and shaft growth
  { signal: 'perfusion', direction: 'increases', behaviour: 'anagenDuration', halfMax: 1.5, hill: 4, saturation: 1.3, enabled: true },
  { signal: 'perfusion', direction: 'increases', behaviour: 'growthRate', halfMax: 1.5, hill: 4, saturation: 1.3, enabled: true },
];
