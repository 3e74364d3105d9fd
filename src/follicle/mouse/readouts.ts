import { MOUSE_PHASE, type MouseLattice } from './lattice.ts';

/** Readouts of one lattice at one time, in a fixed order (recorder columns). */
export const MOUSE_READOUT_NAMES = [
  'anagenFraction',
  'catagenFraction',
  'telogenFraction',
  'refractoryFraction',
  'competentFraction',
  /** Mean pigmentation over follicles (0 = pink telogen skin, 1 = black). */
  'skinDarkness',
  /** Fraction of follicles whose shaft is longer than the visibility threshold. */
  'hairCoverage',
  /** Visible hairs per mm² (coverage × follicle density). */
  'visibleHairsPerMm2',
  /** Mean shaft length over all follicles (bald = 0), mm. */
  'meanShaftLengthMm',
  /** Mean diameter of the visible hairs (µm; 0 when none). */
  'meanHairDiameterUm',
  /** Follicles with relative size ≥ the miniaturization threshold (count). */
  'nonMiniaturizedFollicles',
  'nonMiniaturizedFraction',
  /** Mean anagen entries per follicle since t = 0. */
  'meanCycles',
] as const;

export type MouseReadoutName = (typeof MOUSE_READOUT_NAMES)[number];
export type MouseReadouts = Record<MouseReadoutName, number>;
export const MOUSE_READOUT_COUNT = MOUSE_READOUT_NAMES.length;

/**
 * Writes the readouts (order of MOUSE_READOUT_NAMES) into `out` from `offset`: one pass, no allocation.
 */
export function writeMouseReadouts(lattice: MouseLattice, out: Float64Array, offset = 0): void {
  const m = lattice.model;
  const n = lattice.n;
  let ana = 0;
  let cat = 0;
  let ref = 0;
  let comp = 0;
  let pig = 0;
  let visible = 0;
  let lenSum = 0;
  let diamSum = 0;
  let full = 0;
  let cycles = 0;
  const vis = m.visibleLengthMm;
  const miniBelow = m.miniaturizedBelowSize;
  for (let i = 0; i < n; i++) {
    const ph = lattice.phase[i];
    if (ph === MOUSE_PHASE.anagen) ana++;
    else if (ph === MOUSE_PHASE.catagen) cat++;
    else if (ph === MOUSE_PHASE.refractory) ref++;
    else comp++;
    pig += lattice.pigmentation[i];
    const len = lattice.shaftLengthMm[i];
    lenSum += len;
    if (len > vis) {
      visible++;
      diamSum += lattice.shaftDiameterUm[i];
    }
    if (lattice.size[i] >= miniBelow) full++;
    cycles += lattice.cycles[i];
  }
  const inv = n > 0 ? 1 / n : 0;
  out[offset] = ana * inv;
  out[offset + 1] = cat * inv;
  out[offset + 2] = (ref + comp) * inv;
  out[offset + 3] = ref * inv;
  out[offset + 4] = comp * inv;
  out[offset + 5] = pig * inv;
  out[offset + 6] = visible * inv;
  out[offset + 7] = visible * inv * m.follicleDensityPerMm2;
  out[offset + 8] = lenSum * inv;
  out[offset + 9] = visible > 0 ? diamSum / visible : 0;
  out[offset + 10] = full;
  out[offset + 11] = full * inv;
  out[offset + 12] = cycles * inv;
}

/** The readouts as a named object (allocates; use writeMouseReadouts in loops). */
export function mouseReadouts(lattice: MouseLattice): MouseReadouts {
  const buf = new Float64Array(MOUSE_READOUT_COUNT);
  writeMouseReadouts(lattice, buf);
  const out = {} as MouseReadouts;
  MOUSE_READOUT_NAMES.forEach((k, j) => {
    out[k] = buf[j];
  });
  return out;
}
