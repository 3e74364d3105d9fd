/**
 * Multi-substrate reaction–diffusion solver on a Cartesian grid (BioFVM-style LOD, implicit Euler):
 *
 *   ∂c/∂t = ∇·(D(z)∇c) − λ(z)·c + S(x) − U(x)·c   (+ point sources)
 *
 * One step of length dt = point sources (explicit impulse) → bulk source/uptake (pointwise, implicit in U)
 * → implicit x, y and z diffusion sweeps, each carrying a third of the decay (λ·dt/3, implicit). Each sweep
 * is a set of tridiagonal systems solved by the Thomas algorithm with coefficients precomputed at creation.
 * First order in time, second order in space, unconditionally stable, non-negative (see thomas.ts).
 * Scheme 'modal' (option) replaces the sweeps by the exact step of cosineModes.ts where the side faces are
 * no-flux: no splitting error, exact in time for sources constant over the step.
 *
 * Work is organised in two passes that the parallel edge (src/node/transport) splits across threads:
 *   sweepPlanes(z0, z1): for every z-plane, source/uptake, then x lines, then y (vectorised across x rows);
 *   sweepColumns(y0, y1): z sweep for every y row, vectorised across the row's x cells.
 * Platform-neutral: no Node imports. Fields may live on SharedArrayBuffers (see `allocate`).
 */
import { FACES, perLayer, voxelAt } from './grid.ts';
import type { Face, TransportGrid } from './grid.ts';
import { modalCoefficientsCached, modalScratchLength, modalStep, type ModalCoefficients } from './cosineModes.ts';
import { lineCoefficients, reactRange, sweepAcrossRows, sweepContiguousLines } from './thomas.ts';
import type { LineCoefficients } from './thomas.ts';

/** A point source inside the grid: rate in amount/s, spread over the voxel that contains the point. */
export interface PointSource {
  /** Position along x (m). */
  xM: number;
  /** Position along y (m). */
  yM: number;
  /** Depth below the surface (m). */
  zM: number;
  /** Release rate (amount/s, ≥ 0). */
  rate: number;
}

/** One substrate in SI units (concentrations in amount/m³, where "amount" is mol, kg or particles). */
export interface SubstrateSpec {
  /** Unique name used by `field(name)`. */
  name: string;
  /** Diffusion coefficient (m²/s, ≥ 0): one value, or one per z-plane (length nz). */
  diffusionM2PerS: number | ArrayLike<number>;
  /** First-order decay/clearance rate λ (1/s, ≥ 0): one value or one per z-plane. Default 0. */
  decayPerS?: number | ArrayLike<number>;
  /** Initial uniform concentration (amount/m³, ≥ 0). Default 0. */
  initial?: number;
  /** Dirichlet values (amount/m³, ≥ 0) at the faces named; other faces are no-flux. */
  dirichlet?: Partial<Record<Face, number>>;
  /** Allocate a bulk source-rate array S (amount/m³/s) that other modules fill. Default false. */
  bulkSource?: boolean;
  /**
   * The bulk source is a release that enters at the start of each step (amount dt·S as an impulse), not a
   * constant rate over it: for releases much faster than the step (a dissolving needle matrix). LOD treats every
   * source so; the 'modal' scheme integrates constant-rate sources exactly unless this is set. Default false.
   */
  sourceAtStepStart?: boolean;
  /** Allocate a bulk uptake-rate array U (1/s) that other modules fill. Default false. */
  bulkUptake?: boolean;
  /** Initial point sources. */
  pointSources?: readonly PointSource[];
}

/** Options of `createSolver`. */
export interface SolverOptions {
  /**
   * Allocates every per-voxel array (fields, then source, then uptake, substrate by substrate, in that
   * order). Pass one returning SharedArrayBuffer-backed arrays to share the state with worker threads.
   * Default: `new Float64Array(length)`.
   */
  allocate?: (length: number) => Float64Array;
  /** Fill fields with their initial values (default true; parallel workers attach to filled arrays). */
  initialise?: boolean;
  /**
   * 'lod' (default): three implicit 1-D sweeps (splitting error O(dt²) per step, O(dt) at a steady state).
   * 'modal': the exact step by lateral cosine modes (cosineModes.ts: no splitting, exact in time for bulk
   * sources constant over the step; point sources stay impulses at the step's start); needs no-flux x and y
   * faces and no bulk uptake, and is serial only (no `sweepPlanes` / `sweepColumns`).
   */
  scheme?: 'lod' | 'modal';
}

/** The solver state and its operations. Fields are live views: write into them to set a state. */
export interface TransportSolver {
  readonly grid: TransportGrid;
  /** Time step (s). */
  readonly dtS: number;
  /** Simulated time since creation (s). */
  readonly timeS: number;
  /** Number of steps taken. */
  readonly stepCount: number;
  /** Substrate names in creation order. */
  readonly names: readonly string[];
  /** Advances `n` steps of dt (default 1). */
  step(n?: number): void;
  /** Concentration field of a substrate (amount/m³), index x + nx·(y + ny·z). */
  field(name: string): Float64Array;
  /** Bulk source-rate array S of a substrate (amount/m³/s); throws unless created with bulkSource. */
  sourceRate(name: string): Float64Array;
  /** Bulk uptake-rate array U of a substrate (1/s); throws unless created with bulkUptake. */
  uptakeRate(name: string): Float64Array;
  /** Replaces the point sources of a substrate (rates in amount/s, ≥ 0; points must lie inside the grid). */
  setPointSources(name: string, sources: readonly PointSource[]): void;
  /** Adds the point-source impulses rate·dt/dx³ (step part 1; for parallel edges). */
  applyPointSources(): void;
  /** Source/uptake, x and y sweeps for z-planes [z0, z1) of every substrate (step part 2; for parallel edges). */
  sweepPlanes(z0: number, z1: number): void;
  /** z sweep for y rows [y0, y1) of every substrate (step part 3; for parallel edges). */
  sweepColumns(y0: number, y1: number): void;
  /** Advances the clock by one step after parts 1–3 (for parallel edges). */
  advanceClock(): void;
}

interface SubstrateState {
  readonly name: string;
  readonly field: Float64Array;
  readonly source: Float64Array | null;
  readonly uptake: Float64Array | null;
  /** x coefficients per z-plane (shared objects between planes with equal D and λ). */
  readonly xOfZ: LineCoefficients[];
  readonly yOfZ: LineCoefficients[];
  readonly z: LineCoefficients;
  /** Coefficients of the exact step (scheme 'modal'), else null. */
  readonly modal: ModalCoefficients | null;
  readonly sourceAtStepStart: boolean;
  pointIndex: Int32Array;
  pointImpulse: Float64Array;
  /** True when no face holds a non-zero Dirichlet value (a zero field then stays exactly zero without sources). */
  readonly zeroBoundary: boolean;
}

/**
 * True when a step cannot change the substrate: field, bulk source and point sources all zero with zero
 * boundary values (each implicit sweep of a zero right-hand side returns exactly zero). Untreated animals
 * carry several such fields (drug, wound, ceria), so skipping them saves most of their transport.
 */
function quiescent(s: SubstrateState): boolean {
  if (!s.zeroBoundary) return false;
  for (let i = 0; i < s.pointImpulse.length; i++) if (s.pointImpulse[i] !== 0) return false;
  const c = s.field;
  for (let m = 0; m < c.length; m++) if (c[m] !== 0) return false;
  const src = s.source;
  if (src !== null) for (let m = 0; m < src.length; m++) if (src[m] !== 0) return false;
  return true;
}

function perPlane(grid: TransportGrid, v: number | ArrayLike<number> | undefined, what: string): Float64Array {
  const out = typeof v === 'number' || v === undefined ? perLayer(grid, v ?? 0) : Float64Array.from(v);
  if (out.length !== grid.nz) throw new RangeError(`${what}: expected ${grid.nz} values (one per z-plane), got ${out.length}`);
  for (let k = 0; k < out.length; k++) {
    if (!(out[k] >= 0) || !Number.isFinite(out[k])) throw new RangeError(`${what}: values must be finite and >= 0 (plane ${k}: ${out[k]})`);
  }
  return out;
}

/** Harmonic mean of two diffusion coefficients (flux-continuous face value; 0 if either is 0). */
export function harmonicMean(a: number, b: number): number {
  return a > 0 && b > 0 ? (2 * a * b) / (a + b) : 0;
}

/** Coefficients of the sweep along x (or y) in a plane with uniform D and decay λ. */
function inPlaneCoefficients(n: number, rFace: number, kappa: number, d0: number | undefined, d1: number | undefined): LineCoefficients {
  return lineCoefficients(new Float64Array(n + 1).fill(rFace), new Float64Array(n).fill(kappa), d0, d1);
}

/**
 * Creates a solver over `grid` for the given substrates with time step dtS (s). Coefficients are computed
 * once here; the step allocates nothing.
 */
export function createSolver(
  grid: TransportGrid,
  substrates: readonly SubstrateSpec[],
  dtS: number,
  options: SolverOptions = {},
): TransportSolver {
  if (!(dtS > 0) || !Number.isFinite(dtS)) throw new RangeError(`dtS must be finite and > 0 (got ${dtS})`);
  const allocate = options.allocate ?? ((length: number) => new Float64Array(length));
  const initialise = options.initialise ?? true;
  const scheme = options.scheme ?? 'lod';
  const { nx, ny, nz, dxM, voxelCount, planeSize } = grid;
  const inv = dtS / (dxM * dxM);
  const seen = new Set<string>();
  const states: SubstrateState[] = [];
  const byName = new Map<string, SubstrateState>();

  for (const spec of substrates) {
    if (seen.has(spec.name)) throw new RangeError(`duplicate substrate name '${spec.name}'`);
    seen.add(spec.name);
    const D = perPlane(grid, spec.diffusionM2PerS, `${spec.name}.diffusionM2PerS`);
    const lambda = perPlane(grid, spec.decayPerS, `${spec.name}.decayPerS`);
    const dir = spec.dirichlet ?? {};
    for (const [face, v] of Object.entries(dir)) {
      if (!FACES.includes(face as Face)) throw new RangeError(`${spec.name}: unknown face '${face}'`);
      if (v !== undefined && (!(v >= 0) || !Number.isFinite(v))) throw new RangeError(`${spec.name}: Dirichlet value at ${face} must be finite and >= 0`);
    }
    const initial = spec.initial ?? 0;
    if (!(initial >= 0) || !Number.isFinite(initial)) throw new RangeError(`${spec.name}: initial must be finite and >= 0`);

    // In-plane coefficients, shared between planes with equal (D, λ).
    const cache = new Map<string, [LineCoefficients, LineCoefficients]>();
    const xOfZ: LineCoefficients[] = [];
    const yOfZ: LineCoefficients[] = [];
    for (let k = 0; k < nz; k++) {
      const key = `${D[k]}|${lambda[k]}`;
      let pair = cache.get(key);
      if (!pair) {
        const r = D[k] * inv;
        const kappa = (lambda[k] * dtS) / 3;
        pair = [
          inPlaneCoefficients(nx, r, kappa, dir.xMin, dir.xMax),
          inPlaneCoefficients(ny, r, kappa, dir.yMin, dir.yMax),
        ];
        cache.set(key, pair);
      }
      xOfZ.push(pair[0]);
      yOfZ.push(pair[1]);
    }
    const rz = new Float64Array(nz + 1);
    rz[0] = D[0] * inv;
    rz[nz] = D[nz - 1] * inv;
    for (let k = 1; k < nz; k++) rz[k] = harmonicMean(D[k - 1], D[k]) * inv;
    const kz = new Float64Array(nz);
    for (let k = 0; k < nz; k++) kz[k] = (lambda[k] * dtS) / 3;
    const z = lineCoefficients(rz, kz, dir.zMin, dir.zMax);
    let modal: ModalCoefficients | null = null;
    if (scheme === 'modal') {
      for (const face of ['xMin', 'xMax', 'yMin', 'yMax'] as const) {
        if (dir[face] !== undefined) throw new RangeError(`${spec.name}: scheme 'modal' needs no-flux side faces (got a Dirichlet value at ${face})`);
      }
      if (spec.bulkUptake) throw new RangeError(`${spec.name}: scheme 'modal' has no bulk uptake (use scheme 'lod')`);
      const perDx2 = 1 / (dxM * dxM);
      modal = modalCoefficientsCached(nx, ny, nz, Float64Array.from(D, (d) => d * perDx2), Float64Array.from(rz, (r) => r / dtS), lambda, dir.zMin, dir.zMax, dtS);
    }

    const field = allocate(voxelCount);
    const source = spec.bulkSource ? allocate(voxelCount) : null;
    const uptake = spec.bulkUptake ? allocate(voxelCount) : null;
    for (const a of [field, source, uptake]) {
      if (a !== null && a.length !== voxelCount) throw new RangeError(`allocate returned length ${a.length}, expected ${voxelCount}`);
    }
    if (initialise) field.fill(initial);
    const state: SubstrateState = {
      name: spec.name,
      field,
      source,
      uptake,
      xOfZ,
      yOfZ,
      z,
      modal,
      sourceAtStepStart: spec.sourceAtStepStart ?? false,
      pointIndex: new Int32Array(0),
      pointImpulse: new Float64Array(0),
      zeroBoundary: Object.values(dir).every((v) => v === undefined || v === 0),
    };
    states.push(state);
    byName.set(spec.name, state);
  }

  const get = (name: string): SubstrateState => {
    const s = byName.get(name);
    if (!s) throw new RangeError(`unknown substrate '${name}' (have: ${[...byName.keys()].join(', ')})`);
    return s;
  };

  const setPointSources = (name: string, sources: readonly PointSource[]): void => {
    const s = get(name);
    const idx = new Int32Array(sources.length);
    const imp = new Float64Array(sources.length);
    sources.forEach((p, i) => {
      const v = voxelAt(grid, p.xM, p.yM, p.zM);
      if (v < 0) throw new RangeError(`${name}: point source ${i} at (${p.xM}, ${p.yM}, ${p.zM}) m lies outside the grid`);
      if (!(p.rate >= 0) || !Number.isFinite(p.rate)) throw new RangeError(`${name}: point source ${i} rate must be finite and >= 0`);
      idx[i] = v;
      imp[i] = (p.rate * dtS) / grid.voxelVolumeM3;
    });
    s.pointIndex = idx;
    s.pointImpulse = imp;
  };
  substrates.forEach((spec) => {
    if (spec.pointSources && spec.pointSources.length > 0) setPointSources(spec.name, spec.pointSources);
  });

  const applyPointSources = (): void => {
    for (const s of states) {
      const c = s.field;
      const idx = s.pointIndex;
      const imp = s.pointImpulse;
      for (let i = 0; i < idx.length; i++) c[idx[i]] += imp[i];
    }
  };

  const planesOf = (list: readonly SubstrateState[], z0: number, z1: number): void => {
    for (const s of list) {
      const c = s.field;
      for (let k = z0; k < z1; k++) {
        const base = k * planeSize;
        if (s.source !== null || s.uptake !== null) reactRange(c, s.source, s.uptake, base, base + planeSize, dtS);
        sweepContiguousLines(c, base, ny, s.xOfZ[k]);
        sweepAcrossRows(c, base, nx, nx, s.yOfZ[k]);
      }
    }
  };

  // Rows of the z sweep are processed in blocks of contiguous y rows (one block = rowBlock·nx cells per
  // plane) so that a block's nz rows stay in cache between the forward and the backward pass.
  const rowBlock = Math.max(1, Math.min(ny, Math.floor(16384 / Math.max(1, nx * nz))));
  const columnsOf = (list: readonly SubstrateState[], y0: number, y1: number): void => {
    for (const s of list) {
      for (let j = y0; j < y1; j += rowBlock) {
        const rows = Math.min(rowBlock, y1 - j);
        sweepAcrossRows(s.field, j * nx, planeSize, rows * nx, s.z);
      }
    }
  };

  const serialOnly = (): never => {
    throw new Error("scheme 'modal' has no parallel parts (sweepPlanes / sweepColumns): use scheme 'lod' for a parallel edge");
  };
  const sweepPlanes = (z0: number, z1: number): void => (scheme === 'modal' ? serialOnly() : planesOf(states, z0, z1));
  const sweepColumns = (y0: number, y1: number): void => (scheme === 'modal' ? serialOnly() : columnsOf(states, y0, y1));
  const scratch = new Float64Array(states.length > 0 && states[0].modal ? modalScratchLength(states[0].modal) : 0);
  const modalOf = (list: readonly SubstrateState[]): void => {
    for (const s of list) {
      if (s.sourceAtStepStart && s.source !== null) reactRange(s.field, s.source, null, 0, voxelCount, dtS);
      modalStep(s.field, s.sourceAtStepStart ? null : s.source, s.modal as ModalCoefficients, scratch);
    }
  };
  // substrates a serial step must solve (the parallel edge solves all: its threads hold no shared flag)
  const active: SubstrateState[] = [];

  let timeS = 0;
  let stepCount = 0;
  const advanceClock = (): void => {
    stepCount++;
    timeS = stepCount * dtS;
  };

  return {
    grid,
    dtS,
    get timeS() {
      return timeS;
    },
    get stepCount() {
      return stepCount;
    },
    names: states.map((s) => s.name),
    step(n = 1) {
      for (let i = 0; i < n; i++) {
        applyPointSources();
        active.length = 0;
        for (const s of states) if (!quiescent(s)) active.push(s);
        if (scheme === 'modal') modalOf(active);
        else {
          planesOf(active, 0, nz);
          columnsOf(active, 0, ny);
        }
        advanceClock();
      }
    },
    field: (name) => get(name).field,
    sourceRate(name) {
      const s = get(name);
      if (s.source === null) throw new RangeError(`substrate '${name}' was created without bulkSource`);
      return s.source;
    },
    uptakeRate(name) {
      const s = get(name);
      if (s.uptake === null) throw new RangeError(`substrate '${name}' was created without bulkUptake`);
      return s.uptake;
    },
    setPointSources,
    applyPointSources,
    sweepPlanes,
    sweepColumns,
    advanceClock,
  };
}
