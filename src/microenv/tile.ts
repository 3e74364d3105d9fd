import type { PatchConfig } from '../patch/schema.ts';
import { createTransportGrid, type TransportGrid } from '../transport/grid.ts';
import { createSolver, type TransportSolver } from '../transport/solver.ts';
import type { ChemistryParams } from './chemistry.ts';
import type { TileFields, TileProcess, TileStepContext } from './tileProcess.ts';
import { deliveryProcess, type DeliveryParams } from './processes/delivery.ts';
import { minoxidilProcess, type MinoxidilParams } from './processes/minoxidil.ts';
import { rosProcess, type RosParams } from './processes/ros.ts';
import { vasculatureProcess, type VesselParams } from './processes/vasculature.ts';
import { vegfProcess, type VegfParams, type VegfProcess } from './processes/vegf.ts';
import { kernelWeightedMeanDensity } from './perifollicularKernel.ts';
import type { Mechanisms } from './schema.ts';

/**
 * The perifollicular microenvironment of one animal, solved on a periodic unit cell of the patch array
 * (one needle pitch square, the full skin depth): with no-flux side faces this is exact by symmetry for
 * an array covering the treated skin. After BioFVM/PhysiCell the tile is physics only (`TileFields`:
 * named fields with D and decay on the grid) and biology enters as registered processes
 * (src/microenv/processes/). Operator splitting (Lie) at the transport step Δt: every process's
 * `beforeTransport` (sources) → implicit LOD transport of every field → every process's
 * `afterTransport` (ROS chemistry, vessels), in registration order:
 * delivery, VEGF, minoxidil, ROS, vasculature, then any extra processes.
 */

/** Model constants of the tile in SI units (assembled once from the parameter values; see src/parameters/assemble/tile.ts). */
export interface TileParams extends DeliveryParams {
  chemistry: ChemistryParams;
  ros: RosParams;
  vegf: VegfParams;
  vessels: VesselParams;
  minoxidil: MinoxidilParams;
}

export interface TileOptions {
  params: TileParams;
  pitchM: number;
  voxelM: number;
  depthM: number;
  layers: { name: string; thicknessM: number }[];
  mechanisms: Mechanisms;
  /** Patch applications delivered to this animal (null: none). */
  patch: PatchConfig | null;
  /** Minoxidil application times (s) and the per-animal absorbed-dose multiplier. */
  minoxidilTimesS: readonly number[];
  minoxidilDoseFactor: number;
  /** Multiplier on ROS production (inter-animal variability). */
  rosFactor: number;
  /** Operator-splitting (and transport) step (s). */
  couplingStepS: number;
  /** Start time (s, ≤ 0): a negative start spins the tile up to its steady state before treatments. */
  startS: number;
  /**
   * Transport scheme (default 'lod'): 'modal' is the exact step by lateral cosine modes
   * (src/transport/cosineModes.ts), whose steady states do not depend on the step.
   */
  transportScheme?: 'lod' | 'modal';
  /** Scheme of the batched chemistry (default backward Euler). */
  chemistryScheme?: 'backward-euler' | 'tr-bdf2';
  /**
   * What the vessels' ROS inhibition compares with: the tile's healthy twin (default) or the fixed reference
   * level H_ref (human region tiles: their trial calibration predates the twin); with 'fixed' the twin is not
   * stepped (`chemHealthy` keeps its initial state: nothing reads it).
   */
  rosReference?: 'healthyTwin' | 'fixed';
  /** Extra processes (e.g. a new drug), run after the built-in ones; their fields are transported too. */
  processes?: readonly TileProcess[];
}

export class MicroenvironmentTile implements TileFields {
  readonly grid: TransportGrid;
  readonly solver: TransportSolver;
  readonly chem: Float64Array;
  readonly chemHealthy: Float64Array;
  /** True when the healthy twin is stepped (rosReference 'healthyTwin'): follicle couplings read it. */
  readonly healthyTwin: boolean;
  readonly vessels: Float64Array;
  readonly viable: Uint8Array;
  readonly firstViablePlane: number;
  readonly telogenPerM3: Float64Array;
  readonly anagenPerM3: Float64Array;
  private referenceDensity = 0;
  /** The registered processes in execution order. */
  readonly processes: readonly TileProcess[];
  private readonly vegf: VegfProcess;
  private readonly opts: TileOptions;
  private timeS = 0;

  constructor(opts: TileOptions) {
    this.opts = opts;
    const P = opts.params;
    const n = Math.max(1, Math.round(opts.pitchM / opts.voxelM));
    this.grid = createTransportGrid({ nx: n, ny: n, nz: Math.max(2, Math.round(opts.depthM / opts.voxelM)), dxM: opts.voxelM, layers: opts.layers });
    const g = this.grid;
    this.vegf = vegfProcess(P.vegf);
    this.processes = [
      deliveryProcess(P, opts.patch, P.chemistry.activityDecayPerS),
      this.vegf,
      minoxidilProcess(P.minoxidil, opts.minoxidilTimesS, opts.minoxidilDoseFactor),
      rosProcess(P.ros, P.chemistry, opts.mechanisms, opts.rosFactor, opts.chemistryScheme ?? 'backward-euler', opts.rosReference !== 'fixed'),
      vasculatureProcess(P.vessels, P.vegf.baselineMolPerM3, opts.rosReference === 'fixed' ? P.ros.h2o2BaselineMolPerM3 : undefined),
      ...(opts.processes ?? []),
    ];
    const names = new Set<string>();
    for (const p of this.processes) {
      if (names.has(p.name)) throw new RangeError(`tile process '${p.name}' is registered twice`);
      names.add(p.name);
    }
    this.solver = createSolver(g, this.processes.flatMap((p) => p.substrates(g)), opts.couplingStepS, { scheme: opts.transportScheme ?? 'lod' });
    this.viable = Uint8Array.from({ length: g.voxelCount }, (_, v) => (g.layers[g.layerOfZ[Math.floor(v / g.planeSize)]].name === 'stratumCorneum' ? 0 : 1));
    let first = 0;
    while (first < g.nz && g.layers[g.layerOfZ[first]].name === 'stratumCorneum') first++;
    this.firstViablePlane = first;
    this.telogenPerM3 = new Float64Array(g.voxelCount);
    this.anagenPerM3 = new Float64Array(g.voxelCount);
    this.vessels = new Float64Array(g.voxelCount).fill(1);
    this.chem = new Float64Array(3 * g.voxelCount);
    this.chemHealthy = new Float64Array(3 * g.voxelCount);
    this.healthyTwin = opts.rosReference !== 'fixed';
    for (const p of this.processes) p.init?.(this);
    this.timeS = opts.startS;
  }

  /** Current time (s). */
  get time(): number {
    return this.timeS;
  }

  /** VEGF level (mol/m³) that counts as the healthy reference (fold 1) at the follicle bulbs. */
  get vegfRef(): number {
    return this.opts.params.vegf.baselineMolPerM3;
  }

  /** Advances the tile by dtS (s) with the androgen level `dht` (coupling step; dtS a multiple of the transport step). */
  step(dtS: number, dht: number): void {
    this.advance(dtS, { dht, mechanisms: this.opts.mechanisms, spinningUp: false });
  }

  private advance(dtS: number, ctx: TileStepContext): void {
    const steps = Math.max(1, Math.round(dtS / this.solver.dtS));
    const dt = this.solver.dtS;
    for (let s = 0; s < steps; s++) {
      for (const p of this.processes) p.beforeTransport?.(this, this.timeS, dt, ctx);
      this.solver.step();
      for (const p of this.processes) p.afterTransport?.(this, this.timeS, dt, ctx);
      this.timeS += dt;
    }
  }

  /**
   * Brings healthy skin (no androgen, no treatment) to steady state before t = 0 and calibrates VEGF:
   * production per follicle is scaled so the kernel-weighted VEGF around the follicles, averaged over them,
   * equals the reference level (1 pM), and that level defines fold 1 for vessels and rules (derived, not
   * fitted; grid independent).
   */
  spinUp(days: number): void {
    const dt = this.solver.dtS;
    const steps = Math.max(1, Math.round((days * 86400) / dt));
    const t0 = this.timeS;
    const ctx: TileStepContext = { dht: 0, mechanisms: this.opts.mechanisms, spinningUp: true };
    for (let pass = 0; pass < 2; pass++) {
      this.timeS = t0 - steps * dt;
      for (let s = 0; s < steps; s++) this.advance(dt, ctx);
      this.vegf.calibrate(this);
    }
    this.timeS = t0;
  }

  /**
   * Kernel-weighted mean follicle density (per m³) of the first non-empty arrangement set (the healthy one the
   * tile is spun up with): production per unit density is expressed relative to it, so a follicle of
   * healthy skin produces at the reference rate (0 until follicles are set).
   */
  get referenceDensityPerM3(): number {
    return this.referenceDensity;
  }

  /**
   * Sets the size-weighted follicle densities (per m³) of telogen and anagen follicles, each follicle
   * deposited through its perifollicular kernel (src/microenv/perifollicularKernel.ts).
   */
  setFollicleDensities(telogenPerM3: Float64Array, anagenPerM3: Float64Array): void {
    this.telogenPerM3.set(telogenPerM3);
    this.anagenPerM3.set(anagenPerM3);
    if (this.referenceDensity === 0) this.referenceDensity = kernelWeightedMeanDensity(telogenPerM3, anagenPerM3);
  }
}
