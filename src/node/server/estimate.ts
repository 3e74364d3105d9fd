/**
 * Run sizing for the server's limits: memory and single-core work of a scenario, from its dimensions alone.
 * A deliberately simple stand-in with hand-measured constants (2-core dev machine, Node 20); the `robust`
 * branch's estimator (the one the CLI will use) replaces it at merge behind the same signature.
 * Platform-neutral: nothing from Node.
 */

/** Estimated size of one run. */
export interface RunEstimate {
  /** Peak memory (bytes). */
  bytes: number;
  /** Work on one core (seconds). */
  seconds: number;
}

// eslint-free loose view: validated scenarios come in several shapes and only a few fields matter here
type Loose = Record<string, any>;

// Measured: a 12x12-lattice mouse, 10 days ≈ 1.2 s (the microenvironment tile dominates, not the lattice).
const MOUSE_SECONDS_PER_DAY = 0.12;
const MOUSE_BYTES = 40e6;
// LOD transport ≈ 1.25e8 voxel·substrate updates per second per core; ~3 substrates, ~12 arrays of doubles each.
const VOXEL_UPDATES_PER_S = 1.25e8;
// Halloy automaton: ~5e8 follicle-days per second; follicle state ≈ 64 bytes.
const FOLLICLE_DAYS_PER_S = 5e8;

/** Estimated memory and work of a validated scenario (never throws; unknown models get a small guess). */
export function estimateRun(scenario: object): RunEstimate {
  const s = scenario as Loose;
  const days = Number(s.durationDays ?? 1);
  if (s.model === 'mouseStudy') {
    const animals = (s.arms?.length ?? 1) * (s.animals?.perArm ?? 1);
    const cells = (s.skin?.lattice?.nx ?? 40) * (s.skin?.lattice?.ny ?? 40);
    return { bytes: MOUSE_BYTES + animals * (cells * days * 64 + 2e6), seconds: animals * days * MOUSE_SECONDS_PER_DAY * Math.max(1, cells / 1600) ** 0.25 };
  }
  if (s.model === 'patchDelivery') {
    const w = s.skin?.windowUm ?? { x: 1500, y: 1500, depth: 1000 };
    const v = s.skin?.voxelUm ?? 25;
    const voxels = Math.ceil(w.x / v) * Math.ceil(w.y / v) * Math.ceil(w.depth / v);
    const steps = (days * 86400) / (s.transport?.dtS ?? 600);
    return { bytes: 30e6 + voxels * 3 * 12 * 8, seconds: (voxels * 3 * steps) / VOXEL_UPDATES_PER_S };
  }
  if (s.model === 'humanScalp') {
    const regions = Object.values((s.scalp?.regions ?? {}) as Record<string, { areaCm2?: number }>);
    const follicles = regions.reduce((n, r) => n + (r.areaCm2 ?? 0) * 250, 0) || 1e5;
    const simDays = days + Number(s.scalp?.spinUpDays ?? 0);
    return { bytes: 30e6 + follicles * 64, seconds: (follicles * simDays) / FOLLICLE_DAYS_PER_S + (s.microenvironment?.enabled ? 5 : 0) };
  }
  return { bytes: 50e6, seconds: days };
}
