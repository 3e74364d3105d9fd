import type { TransportGrid } from '../transport/grid.ts';
import type { SubstrateSpec, TransportSolver } from '../transport/solver.ts';
import type { Mechanisms } from './schema.ts';

/**
 * The tile's physical state (after BioFVM's split): the grid, the transported fields in `solver`, and the
 * non-transported per-voxel state. Biology does not live here; it enters as registered processes.
 */
export interface TileFields {
  readonly grid: TransportGrid;
  /** Transported fields (each with its name, D and decay) and their source arrays. */
  readonly solver: TransportSolver;
  /** Viable (non-stratum-corneum) voxels: 1. */
  readonly viable: Uint8Array;
  /** Index of the first viable z-plane (below the stratum corneum). */
  readonly firstViablePlane: number;
  /**
   * Size-weighted densities (per m³) of telogen and anagen follicles, each deposited through its
   * perifollicular kernel (Σ_v K_i·ΔV = 1), set by the follicle layer.
   */
  readonly telogenPerM3: Float64Array;
  readonly anagenPerM3: Float64Array;
  /** Kernel-weighted mean follicle density of healthy skin (per m³): the density at which a follicle produces at the reference rate. */
  readonly referenceDensityPerM3: number;
  /** Interleaved chemistry state [S, H, G] per voxel (mol/m³). */
  readonly chem: Float64Array;
  /**
   * The same chemistry in healthy, untreated skin with the same follicles in the same places (no androgen,
   * no ceria, the population's production): the reference that "ROS × healthy" divides by, voxel by voxel.
   */
  readonly chemHealthy: Float64Array;
  /** Relative vessel density per voxel (1 = healthy telogen skin). */
  readonly vessels: Float64Array;
}

/** What every process sees besides the fields during one transport step. */
export interface TileStepContext {
  /** Androgen level of the animal (0 none, 1 the AGA reference). */
  readonly dht: number;
  readonly mechanisms: Mechanisms;
  /** True while the healthy tile is spun up before t = 0 (slow tissue remodelling is held). */
  readonly spinningUp: boolean;
}

/**
 * One biological or delivery process acting on the tile (a PhysiCell/BioFVM-style registered process):
 * it declares the fields it transports and acts before and/or after each transport step. The tile calls
 * every process's `beforeTransport` (sources), then the solver, then every `afterTransport` (local
 * reactions and state updates), in registration order.
 */
export interface TileProcess {
  readonly name: string;
  /** Transported fields this process owns (may be none). */
  substrates(grid: TransportGrid): SubstrateSpec[];
  /** Called once the solver exists (allocate state, set initial values). */
  init?(f: TileFields): void;
  /** Sets sources for the step [tS, tS + dtS] (s). */
  beforeTransport?(f: TileFields, tS: number, dtS: number, ctx: TileStepContext): void;
  /** Local update after transport over [tS, tS + dtS] (s). */
  afterTransport?(f: TileFields, tS: number, dtS: number, ctx: TileStepContext): void;
}

/** Per-z-plane diffusivity (m²/s) that is `d` in viable tissue and 0 in the stratum corneum. */
export function viableDiffusion(grid: TransportGrid, d: number): number[] {
  return Array.from(grid.layerOfZ, (l) => (grid.layers[l].name === 'stratumCorneum' ? 0 : d));
}
