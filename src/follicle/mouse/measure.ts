import { RandomStream } from '../../core/random/stream.ts';
import { MouseLattice } from './lattice.ts';
import { typicalMouseTraits, type MouseLatticeModel } from './model.ts';

/** Result of a wave-speed measurement. */
export interface WaveSpeed {
  /** Front speed in follicles (lattice sites) per day: 1 / slope of activation day against distance. */
  folliclesPerDay: number;
  /** The same in mm/day (× site spacing). */
  mmPerDay: number;
  /** Pearson correlation of activation day with Euclidean distance from the seed patch. */
  correlation: number;
  /** Fraction of the follicles outside the seed patch that the front reached. */
  reachedFraction: number;
}

/**
 * Measures the anagen wave speed of a model's coupling: on its lattice with every follicle competent
 * (no depilation, no spontaneous activation, typical traits), a 3×3 anagen patch is seeded at the centre
 * and the lattice runs until every follicle has activated (or `maxDays`). The speed is the inverse slope of
 * the least-squares line of activation day against Euclidean distance (in sites) from the centre.
 */
export function measureWaveSpeed(model: MouseLatticeModel, seed: number, maxDays = 60): WaveSpeed {
  const m: MouseLatticeModel = {
    ...model,
    spontaneousActivationPerDay: 0,
    initialCompetentFraction: 1,
    depilation: { ...model.depilation, method: 'none', peakRatePerDay: 0 },
  };
  const lat = new MouseLattice(m, { ...typicalMouseTraits(m), competentFraction: 1 }, RandomStream.fromSeed(seed, ['waveSpeed']));
  const nx = lat.nx;
  const ny = lat.ny;
  const cx = Math.floor(nx / 2);
  const cy = Math.floor(ny / 2);
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const x = cx + dx;
      const y = cy + dy;
      if (x >= 0 && y >= 0 && x < nx && y < ny) lat.seedAnagen(y * nx + x);
    }
  }
  const done = (): boolean => {
    for (let i = 0; i < lat.n; i++) if (lat.cycles[i] === 0) return false;
    return true;
  };
  while (!done() && lat.timeDays < maxDays) lat.step();
  let n = 0;
  let outside = 0;
  let sr = 0;
  let st = 0;
  let srr = 0;
  let stt = 0;
  let srt = 0;
  for (let i = 0; i < lat.n; i++) {
    const dx = (i % nx) - cx;
    const dy = Math.floor(i / nx) - cy;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < 2) continue;
    outside++;
    if (lat.cycles[i] === 0) continue;
    const r = Math.hypot(dx, dy);
    const t = lat.anagenOnsetDay[i];
    n++;
    sr += r;
    st += t;
    srr += r * r;
    stt += t * t;
    srt += r * t;
  }
  const sxy = srt - (sr * st) / n;
  const sxx = srr - (sr * sr) / n;
  const syy = stt - (st * st) / n;
  const folliclesPerDay = sxx / sxy;
  return {
    folliclesPerDay,
    mmPerDay: (folliclesPerDay * m.siteSpacingUm) / 1000,
    correlation: sxy / Math.sqrt(sxx * syy),
    reachedFraction: outside > 0 ? n / outside : 1,
  };
}
