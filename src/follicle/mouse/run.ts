import { RandomStream } from '../../core/random/stream.ts';
import type { SeedPath } from '../../core/random/seeds.ts';
import { androgenExposure, applyAgaMultipliers, sampleAndrogenSusceptibility } from './aga.ts';
import { copyMouseHooks, createMouseHooks, MouseLattice, type MouseHooks } from './lattice.ts';
import { sampleMouseTraits, type MouseLatticeModel, type MouseTraits } from './model.ts';
import { MOUSE_READOUT_COUNT, MOUSE_READOUT_NAMES, writeMouseReadouts, type MouseReadoutName } from './readouts.ts';

/**
 * One simulated mouse: traits, lattice and androgen exposure drawn from separate streams keyed by
 * (seed, path, 'traits' | 'lattice' | 'aga'), so an animal keeps its traits and follicle susceptibility
 * across arms (common random numbers) and adding animals never shifts another animal's streams.
 */
export interface MouseAnimal {
  lattice: MouseLattice;
  traits: MouseTraits;
  /** Per-follicle androgen exposure x_i ∈ [0, 1] once androgen acts (all 0 when androgenLevel is 0). */
  exposure: Float64Array;
  /** Hooks with the androgen effects only (all ones without androgen); constant over time. */
  agaHooks: MouseHooks;
}

/** Per-animal overrides of `createMouseAnimal`. */
export interface MouseAnimalOptions {
  /** Use these traits instead of drawing them (e.g. `typicalMouseTraits(model)`). */
  traits?: MouseTraits;
  /** Androgen level of this animal's arm (default: model.androgenLevel). */
  androgenLevel?: number;
}

/**
 * Creates an animal: `path` identifies it, e.g. ['mouse', 3] (leave the arm out of the path to give the
 * same animal, with the same traits and susceptibilities, to every arm).
 */
export function createMouseAnimal(model: MouseLatticeModel, seed: number, path: SeedPath = [], opts: MouseAnimalOptions = {}): MouseAnimal {
  const m = opts.androgenLevel === undefined ? model : { ...model, androgenLevel: opts.androgenLevel };
  const tr = opts.traits ?? sampleMouseTraits(m, RandomStream.fromSeed(seed, [...path, 'traits']));
  const lattice = new MouseLattice(m, tr, RandomStream.fromSeed(seed, [...path, 'lattice']));
  const susceptibility = sampleAndrogenSusceptibility(m, RandomStream.fromSeed(seed, [...path, 'aga']));
  const exposure = androgenExposure(m.androgenLevel, tr.androgenSensitivity, susceptibility);
  const agaHooks = createMouseHooks(m.n);
  if (m.androgenLevel > 0) applyAgaMultipliers(m.aga, exposure, agaHooks);
  return { lattice, traits: tr, exposure, agaHooks };
}

/** Options of a single-animal run. */
export interface MouseRunOptions {
  durationDays: number;
  /** Sampling interval (days, rounded to whole steps; default 1). */
  recordEveryDays?: number;
  /**
   * Called before every step with hooks already holding the androgen effects (or ones): multiply further
   * effects into them (e.g. from a microenvironment rules table). Without it the androgen hooks are used
   * directly.
   */
  beforeStep?: (lattice: MouseLattice, hooks: MouseHooks) => void;
}

/** Time series of one animal: sample times (days) and one Float64Array per readout. */
export interface MouseRunResult {
  timesDays: Float64Array;
  series: Record<MouseReadoutName, Float64Array>;
}

/** Runs one animal for `durationDays`, sampling the readouts at t = 0 and every `recordEveryDays`. */
export function runMouseAnimal(animal: MouseAnimal, opts: MouseRunOptions): MouseRunResult {
  const { lattice, agaHooks } = animal;
  const m = lattice.model;
  const dt = m.dtDays;
  const nSteps = Math.round(opts.durationDays / dt);
  const every = Math.max(1, Math.round((opts.recordEveryDays ?? 1) / dt));
  const nSamples = Math.floor(nSteps / every) + 1;
  const timesDays = new Float64Array(nSamples);
  const table = new Float64Array(nSamples * MOUSE_READOUT_COUNT);
  const ones = createMouseHooks(m.n);
  const work = opts.beforeStep ? createMouseHooks(m.n) : ones;
  const androgen = m.androgenLevel > 0;

  let k = 0;
  timesDays[k] = lattice.timeDays;
  writeMouseReadouts(lattice, table, 0);
  k++;
  for (let s = 1; s <= nSteps; s++) {
    const agaOn = androgen && lattice.timeDays >= m.agaStartDay - 1e-9;
    let hooks: MouseHooks = agaOn ? agaHooks : ones;
    if (opts.beforeStep) {
      copyMouseHooks(hooks, work);
      opts.beforeStep(lattice, work);
      hooks = work;
    }
    lattice.step(hooks);
    if (s % every === 0) {
      timesDays[k] = lattice.timeDays;
      writeMouseReadouts(lattice, table, k * MOUSE_READOUT_COUNT);
      k++;
    }
  }
  const series = {} as Record<MouseReadoutName, Float64Array>;
  MOUSE_READOUT_NAMES.forEach((name, j) => {
    const col = new Float64Array(nSamples);
    for (let r = 0; r < nSamples; r++) col[r] = table[r * MOUSE_READOUT_COUNT + j];
    series[name] = col;
  });
  return { timesDays, series };
}

/** First time (days, linear interpolation) at which a series reaches `level`; NaN if never. */
export function timeToReach(timesDays: Float64Array, values: Float64Array, level: number): number {
  if (values.length === 0) return Number.NaN;
  if (values[0] >= level) return timesDays[0];
  for (let k = 1; k < values.length; k++) {
    if (values[k] >= level) {
      const f = (level - values[k - 1]) / (values[k] - values[k - 1]);
      return timesDays[k - 1] + f * (timesDays[k] - timesDays[k - 1]);
    }
  }
  return Number.NaN;
}
