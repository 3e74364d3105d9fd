import { needleGeometry, needlePositions, type InsertionParams, type NeedleGeometry } from '../patch/geometry.ts';
import { dissolvedFraction, needleVolumeWeights, woundEmission } from '../patch/release.ts';
import type { PatchConfig } from '../patch/schema.ts';
import type { TransportGrid } from '../transport/grid.ts';

/** One patch application placed in the grid: when, where, how much. */
export interface Application {
  startS: number;
  /** Voxel weights of the inserted needle volume (sum 1 over the window's needles). */
  weights: Float64Array;
  /** Voxels of the needle tracks (weights > 0). */
  trackVoxels: Int32Array;
  needles: number;
  /** Cargo deposited in the skin by this application over its whole dissolution (kg). */
  insertedCargoKg: number;
  /** Cargo loaded on the needles inside the window (kg). */
  loadedCargoKg: number;
  /** Time after application when release stops (s): Infinity for detachable needles, else the wear time. */
  releaseEndS: number;
}

/** Places every scheduled application of a patch in the grid. */
export function placeApplications(cfg: PatchConfig, grid: TransportGrid, insertion: InsertionParams): { geometry: NeedleGeometry; applications: Application[] } {
  const g = needleGeometry(cfg, insertion);
  const wx = grid.nx * grid.dxM;
  const wy = grid.ny * grid.dxM;
  const applications = cfg.schedule.days.map((day, idx) => {
    const positions = needlePositions(cfg, wx, wy, idx);
    const weights = needleVolumeWeights(grid, g, positions);
    const track: number[] = [];
    for (let v = 0; v < weights.length; v++) if (weights[v] > 0) track.push(v);
    const loaded = cfg.cargo.substance === 'none' ? 0 : positions.length * cfg.cargo.massPerNeedleNg * 1e-12;
    return {
      startS: day * 86400,
      weights,
      trackVoxels: Int32Array.from(track),
      needles: positions.length,
      insertedCargoKg: loaded * g.insertedCargoFraction,
      loadedCargoKg: loaded,
      releaseEndS: cfg.matrix.detachable ? Infinity : cfg.matrix.wearTimeMin * 60,
    };
  });
  return { geometry: g, applications };
}

/**
 * Fills the bulk source arrays for the step [t, t + dt]: cargo released by dissolution in that step
 * (exact amount, so mass balance holds for any dt) and the wound signal emitted by the tracks; `gain`
 * scales the track emission so the default patch gives ~1 a.u. tissue-mean level at peak.
 */
export function fillSources(
  apps: readonly Application[],
  tS: number,
  dtS: number,
  voxelVolumeM3: number,
  halfTimeS: number,
  cargoSource: Float64Array | null,
  wound: { source: Float64Array; peakS: number; decayPerS: number; gain: number } | null,
): number {
  if (cargoSource) cargoSource.fill(0);
  if (wound) wound.source.fill(0);
  let released = 0;
  for (const a of apps) {
    const age0 = tS - a.startS;
    const age1 = age0 + dtS;
    if (age1 <= 0) continue;
    if (cargoSource && a.insertedCargoKg > 0) {
      // a non-detachable patch takes its undissolved matrix away with the backing
      const end = a.releaseEndS;
      const amount = a.insertedCargoKg * (dissolvedFraction(Math.min(age1, end), halfTimeS) - dissolvedFraction(Math.min(age0, end), halfTimeS));
      if (amount > 0) {
        released += amount;
        const rate = amount / dtS / voxelVolumeM3;
        for (const v of a.trackVoxels) cargoSource[v] += rate * a.weights[v];
      }
    }
    if (wound) {
      // emission evaluated mid-step
      const e = woundEmission(0.5 * (age0 + age1), wound.peakS) * wound.decayPerS * wound.gain;
      if (e > 0) for (const v of a.trackVoxels) wound.source[v] += e;
    }
  }
  return released;
}
