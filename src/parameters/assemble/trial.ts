import type { ParameterSet } from '../../core/parameter.ts';
import { ceriaHuman, dutasteride, finasteride, microneedling, minoxidil } from '../../species/drugs.ts';
import { trialExecution, trialMeasurement, trialMinoxidil, trialPopulation, trialProgression } from '../../species/trial.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';

/**
 * The virtual trial's constants (drugs and devices, population, progression, measurement, the minoxidil
 * gain) from resolved parameter values: one plain number per key, in the catalog's units (mg/d, d, µm, ...
 * as each parameter states; the trial's pharmacology works in these clinical units). Catalog paths:
 * `trial.<drug>.<key>` for the drug and device sets (`trial.minoxidil.ec50`; bare `minoxidil.*` is the
 * mouse microenvironment's minoxidil), `<set>.<key>` for the trial sets (`trialMeasurement.countErrorCv`).
 */

/** Catalog prefixes of the trial's parameter sets. */
export const TRIAL_SETS = {
  finasteride: { prefix: 'trial.finasteride', set: finasteride },
  dutasteride: { prefix: 'trial.dutasteride', set: dutasteride },
  minoxidil: { prefix: 'trial.minoxidil', set: minoxidil },
  microneedling: { prefix: 'trial.microneedling', set: microneedling },
  ceriaHuman: { prefix: 'trial.ceriaHuman', set: ceriaHuman },
  trialPopulation: { prefix: 'trialPopulation', set: trialPopulation },
  trialProgression: { prefix: 'trialProgression', set: trialProgression },
  trialExecution: { prefix: 'trialExecution', set: trialExecution },
  trialMeasurement: { prefix: 'trialMeasurement', set: trialMeasurement },
  trialMinoxidil: { prefix: 'trialMinoxidil', set: trialMinoxidil },
} as const;

type Values<S> = { readonly [K in keyof S]: number };
type Sets = typeof TRIAL_SETS;

/** Every trial parameter set as plain numbers, e.g. `p.minoxidil.ec50`, `p.trialMeasurement.countErrorCv`. */
export type TrialParams = { readonly [N in keyof Sets]: Values<Sets[N]['set']> };

function read<S extends ParameterSet>(set: S, prefix: string, v: (path: string) => number): Values<S> {
  return Object.fromEntries(Object.keys(set).map((k) => [k, v(`${prefix}.${k}`)])) as Values<S>;
}

/** The trial's parameter sets from resolved values (defaults for paths not given). */
export function assembleTrial(values: ParameterValues = {}): TrialParams {
  const v = parameterReader(values);
  const out: Record<string, unknown> = {};
  for (const [name, { prefix, set }] of Object.entries(TRIAL_SETS)) out[name] = read(set, prefix, v);
  return out as TrialParams;
}
