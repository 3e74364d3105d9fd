import { fillSources, placeApplications, type Application } from '../delivery/applications.ts';
import { ceriaSubstrate, woundSubstrate, type ParticleTransportParams, type WoundSignalParams } from '../delivery/substrates.ts';
import { BatchIntegrator } from '../ode/batch.ts';
import type { InsertionParams } from '../patch/geometry.ts';
import type { PatchConfig } from '../patch/schema.ts';
import { createTransportGrid, type TransportGrid } from '../transport/grid.ts';
import { createSolver, type SubstrateSpec, type TransportSolver } from '../transport/solver.ts';
import { ceriaActiveArea, rosSystem, withCeriaSwitches, type ChemistryInputs, type ChemistryParams } from './chemistry.ts';
import type { Mechanisms } from './schema.ts';

/**
 * The perifollicular microenvironment of one animal, solved on a periodic unit cell of the patch array
 * (one needle pitch square, the full skin depth): with no-flux side faces this is exact by symmetry for
 * an array covering the treated skin. Operator splitting (Lie) at the coupling step Δt:
 *   1. transport (LOD, implicit) of ceria, wound signal, VEGF and minoxidil with their sources;
 *   2. ROS chemistry per voxel (stiff, batched TR-BDF2) reading the ceria field;
 *   3. vessel density relaxes toward its VEGF- and ROS-dependent target.
 * H2O2 and superoxide are solved locally per voxel: their reaction-diffusion length √(D/k) ≈ 90 µm
 * (H2O2: D = 2.5e-9 m²/s, k = 0.315 /s; PMC8804256) is below two voxels.
 */

/** Model constants of the tile in SI units (assembled once from the parameter values; see src/parameters/assemble/tile.ts). */
export interface TileParams {
  chemistry: ChemistryParams;
  ros: {
    /** Reference (healthy) H2O2 level and resting GSH (mol/m³). */
    h2o2BaselineMolPerM3: number;
    glutathioneMolPerM3: number;
    /** Baseline total H2O2 removal (1/s): production balances it at the reference level. */
    clearancePerS: number;
    follicleShare: number;
    superoxideShare: number;
    /** Fractional rise of follicular production at androgen level 1. */
    androgenFactor: number;
  };
  vegf: {
    baselineMolPerM3: number;
    diffusionM2PerS: number;
    decayPerS: number;
    anagenFactor: number;
    hypoxiaGain: number;
    woundGain: number;
    minoxidilMax: number;
    minoxidilHalfMaxMolPerM3: number;
    androgenReduction: number;
  };
  vessels: { min: number; max: number; hill: number; growthS: number; regressionS: number; rosInhibition: number };
  minoxidil: {
    /** Absorbed moles per m² of skin per application at dose factor 1. */
    molPerM2PerApplication: number;
    absorptionS: number;
    diffusionM2PerS: number;
    decayPerS: number;
    /** Viable voxel planes the absorbed dose enters. */
    entryPlanes: number;
  };
  particles: ParticleTransportParams;
  wound: WoundSignalParams;
  insertion: InsertionParams;
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
  /** Scheme of the batched chemistry (default backward Euler). */
  chemistryScheme?: 'backward-euler' | 'tr-bdf2';
}


export class MicroenvironmentTile {
  readonly grid: TransportGrid;
  readonly solver: TransportSolver;
  /** Interleaved chemistry state [S, H, G] per voxel (mol/m³). */
  readonly chem: Float64Array;
  /** Relative vessel density per voxel (1 = healthy telogen skin). */
  readonly vessels: Float64Array;
  /** Viable (non-stratum-corneum) voxels: 1. */
  readonly viable: Uint8Array;
  /** Follicle counts per voxel (telogen and anagen bulbs), set by the follicle layer. */
  readonly telogenMap: Float64Array;
  readonly anagenMap: Float64Array;
  private readonly inputs: ChemistryInputs;
  private readonly integrator: BatchIntegrator;
  private readonly applications: Application[];
  private readonly halfTimeS: number;
  private readonly peakS: number;
  private readonly opts: TileOptions;
  private readonly vegfSource: Float64Array;
  private readonly mxSource: Float64Array;
  private readonly mxPlanes: number;
  private timeS = 0;

  constructor(opts: TileOptions) {
    this.opts = opts;
    const P = opts.params;
    this.vegfProductionScale = P.vegf.baselineMolPerM3;
    this.vegfReference = P.vegf.baselineMolPerM3;
    const n = Math.max(1, Math.round(opts.pitchM / opts.voxelM));
    this.grid = createTransportGrid({ nx: n, ny: n, nz: Math.max(2, Math.round(opts.depthM / opts.voxelM)), dxM: opts.voxelM, layers: opts.layers });
    const g = this.grid;
    const viableD = (d: number) => Array.from(g.layerOfZ, (l) => (g.layers[l].name === 'stratumCorneum' ? 0 : d));
    const substrates: SubstrateSpec[] = [
      ceriaSubstrate(g, P.particles, { clearance: true }),
      woundSubstrate(g, P.wound),
      {
        name: 'vegf',
        diffusionM2PerS: viableD(P.vegf.diffusionM2PerS),
        decayPerS: P.vegf.decayPerS,
        initial: 0,
        bulkSource: true,
      },
      {
        name: 'minoxidil',
        diffusionM2PerS: viableD(P.minoxidil.diffusionM2PerS),
        decayPerS: P.minoxidil.decayPerS,
        bulkSource: true,
      },
    ];
    this.solver = createSolver(g, substrates, opts.couplingStepS);
    this.vegfSource = this.solver.sourceRate('vegf');
    this.mxSource = this.solver.sourceRate('minoxidil');
    this.viable = Uint8Array.from({ length: g.voxelCount }, (_, v) => (g.layers[g.layerOfZ[Math.floor(v / g.planeSize)]].name === 'stratumCorneum' ? 0 : 1));
    // minoxidil enters through the first viable planes (epidermis and the first dermal plane)
    let firstViable = 0;
    while (firstViable < g.nz && g.layers[g.layerOfZ[firstViable]].name === 'stratumCorneum') firstViable++;
    this.mxPlanes = Math.min(g.nz - firstViable, P.minoxidil.entryPlanes);
    this.telogenMap = new Float64Array(g.voxelCount);
    this.anagenMap = new Float64Array(g.voxelCount);
    this.vessels = new Float64Array(g.voxelCount).fill(1);
    this.chem = new Float64Array(3 * g.voxelCount);
    const p = withCeriaSwitches(P.chemistry, { ceriaSod: opts.mechanisms.ceriaSod, ceriaCat: opts.mechanisms.ceriaCat });
    this.inputs = { prodS: new Float64Array(g.voxelCount), prodH: new Float64Array(g.voxelCount), ceriaArea: new Float64Array(g.voxelCount) };
    for (let v = 0; v < g.voxelCount; v++) {
      this.chem[3 * v + 1] = P.ros.h2o2BaselineMolPerM3;
      this.chem[3 * v + 2] = P.ros.glutathioneMolPerM3;
    }
    this.integrator = new BatchIntegrator(rosSystem(p, this.inputs), g.voxelCount, {
      newtonAtol: [1e-15, 1e-11, 1e-8],
      newtonRtol: 1e-6,
      scheme: opts.chemistryScheme ?? 'backward-euler',
    });
    this.timeS = opts.startS;
    if (opts.patch) {
      if (opts.patch.cargo.substance === 'minoxidil') throw new RangeError("patch.cargo.substance = 'minoxidil': minoxidil-loaded patches are not modelled in the microenvironment yet (allowed here: ceria, none)");
      this.applications = placeApplications(opts.patch, g, P.insertion).applications;
      this.halfTimeS = opts.patch.matrix.dissolutionHalfTimeMin * 60;
      this.peakS = opts.patch.injury.peakDays * 86400;
      if (!opts.patch.injury.enabled) this.peakS = 0;
    } else {
      this.applications = [];
      this.halfTimeS = 1;
      this.peakS = 0;
    }
  }

  /** Current time (s). */
  get time(): number {
    return this.timeS;
  }

  /** Advances the tile by dtS with the androgen level `dht` (coupling step; dtS a multiple of the transport step). */
  step(dtS: number, dht: number): void {
    const g = this.grid;
    const m = this.opts.mechanisms;
    const steps = Math.max(1, Math.round(dtS / this.solver.dtS));
    const dt = this.solver.dtS;
    for (let s = 0; s < steps; s++) {
      // 1. sources for transport
      fillSources(
        this.applications,
        this.timeS,
        dt,
        g.voxelVolumeM3,
        this.halfTimeS,
        this.opts.patch?.cargo.substance === 'ceria' ? this.solver.sourceRate('ceria') : null,
        this.peakS > 0 ? { source: this.solver.sourceRate('wound'), peakS: this.peakS, decayPerS: this.opts.params.wound.decayPerS, gain: this.opts.params.wound.trackSourceGain } : null,
      );
      this.fillVegfSource(dht);
      this.fillMinoxidilSource(dt);
      this.solver.step();
      // 2. chemistry
      this.fillChemistryInputs(dht);
      this.integrator.step(this.chem, this.timeS, dt);
      // 3. vessels
      if (!this.vesselsFrozen) this.updateVessels(dt, m.rosVesselInhibition);
      this.timeS += dt;
    }
  }

  private fillVegfSource(dht: number): void {
    const m = this.opts.mechanisms;
    const g = this.grid;
    const V = this.opts.params.vegf;
    const k = V.decayPerS;
    const wound = this.solver.field('wound');
    const mx = this.solver.field('minoxidil');
    const fA = V.anagenFactor;
    const androgen = m.androgenVegf ? 1 - V.androgenReduction * Math.min(1, dht) : 1;
    const mxMax = V.minoxidilMax;
    const mxK = V.minoxidilHalfMaxMolPerM3;
    const woundGain = m.injuryAngiogenesis ? V.woundGain : 0;
    const hypGain = m.hypoxiaVegf ? V.hypoxiaGain : 0;
    for (let v = 0; v < g.voxelCount; v++) {
      const t = this.telogenMap[v];
      const a = this.anagenMap[v];
      if (t + a === 0 || !this.viable[v]) {
        this.vegfSource[v] = 0;
        continue;
      }
      const hyp = Math.max(0, 1 - this.vessels[v]);
      const minox = m.minoxidilVegf ? 1 + (mxMax * mx[v]) / (mxK + mx[v]) : 1;
      // occupied voxels produce; anagen tissue (ORS) produces fA times more (Yano 2001)
      this.vegfSource[v] = k * this.vegfProductionScale * ((t + fA * a) / (t + a)) * (1 + hypGain * hyp) * (1 + woundGain * wound[v]) * minox * androgen;
    }
  }

  /** VEGF production scale (mol/m³) and the VEGF level that counts as fold 1, set by `spinUp`. */
  private vegfProductionScale: number;
  private vegfReference: number;
  private vesselsFrozen = false;

  /** VEGF level (mol/m³) that counts as the healthy reference (fold 1) at the follicle bulbs. */
  get vegfRef(): number {
    return this.vegfReference;
  }

  /**
   * Brings healthy skin (no androgen, no treatment) to steady state before t = 0 and calibrates VEGF:
   * production is scaled so the mean VEGF over follicle-bearing voxels equals the reference level
   * (1 pM), and that level defines fold 1 for vessels and rules (derived, not fitted).
   */
  spinUp(days: number): void {
    const dt = this.solver.dtS;
    const steps = Math.max(1, Math.round((days * 86400) / dt));
    const t0 = this.timeS;
    this.timeS = t0 - steps * dt;
    this.vesselsFrozen = true;
    const vegf = this.solver.field('vegf');
    for (let pass = 0; pass < 2; pass++) {
      this.timeS = t0 - steps * dt;
      for (let s = 0; s < steps; s++) this.step(dt, 0);
      let sum = 0;
      let n = 0;
      for (let v = 0; v < vegf.length; v++) {
        if (this.telogenMap[v] + this.anagenMap[v] > 0) {
          sum += vegf[v];
          n++;
        }
      }
      const mean = n > 0 ? sum / n : 0;
      if (mean > 0) {
        const scale = this.opts.params.vegf.baselineMolPerM3 / mean;
        this.vegfProductionScale *= scale;
        for (let v = 0; v < vegf.length; v++) vegf[v] *= scale;
      }
    }
    this.vegfReference = this.opts.params.vegf.baselineMolPerM3;
    this.vesselsFrozen = false;
    this.timeS = t0;
  }

  /** Sets the follicle bulb maps (counts per voxel) from the follicle layer. */
  setFollicleMaps(telogen: Float64Array, anagen: Float64Array): void {
    this.telogenMap.set(telogen);
    this.anagenMap.set(anagen);
  }

  private fillMinoxidilSource(dt: number): void {
    const g = this.grid;
    this.mxSource.fill(0);
    const MX = this.opts.params.minoxidil;
    const absorbS = MX.absorptionS;
    let active = 0;
    for (const t0 of this.opts.minoxidilTimesS) {
      const a = Math.max(this.timeS, t0);
      const b = Math.min(this.timeS + dt, t0 + absorbS);
      if (b > a) active += (b - a) / dt;
    }
    if (active === 0) return;
    // absorbed moles per m² per application, spread over the absorption window and the first viable planes
    const molPerM2 = MX.molPerM2PerApplication * this.opts.minoxidilDoseFactor;
    let first = 0;
    while (first < g.nz && !this.viable[first * g.planeSize]) first++;
    const rate = (molPerM2 / absorbS / (this.mxPlanes * g.dxM)) * active;
    for (let k = first; k < first + this.mxPlanes; k++) {
      for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) this.mxSource[v] = rate;
    }
  }

  private fillChemistryInputs(dht: number): void {
    const g = this.grid;
    const m = this.opts.mechanisms;
    const R = this.opts.params.ros;
    const pTot = m.rosProduction ? R.clearancePerS * R.h2o2BaselineMolPerM3 * this.opts.rosFactor : 0;
    const share = R.follicleShare;
    const sShare = R.superoxideShare;
    const androgen = m.androgenRos ? 1 + R.androgenFactor * dht : 1;
    const ceria = this.solver.field('ceria');
    const particle = this.opts.params.chemistry.particle;
    for (let v = 0; v < g.voxelCount; v++) {
      if (!this.viable[v]) {
        this.inputs.prodS[v] = 0;
        this.inputs.prodH[v] = 0;
      } else {
        // perifollicular voxels (any bulb in them) produce at the follicular rate
        const follicle = this.telogenMap[v] + this.anagenMap[v] > 0 ? 1 : 0;
        const p = pTot * ((1 - share) + share * follicle * androgen);
        this.inputs.prodS[v] = 2 * sShare * p;
        this.inputs.prodH[v] = (1 - sShare) * p;
      }
      this.inputs.ceriaArea[v] = ceriaActiveArea(ceria[v], particle);
    }
  }

  private updateVessels(dt: number, rosInhibition: boolean): void {
    const g = this.grid;
    const vegf = this.solver.field('vegf');
    const v0 = this.vegfReference;
    const VS = this.opts.params.vessels;
    const rhoMin = VS.min;
    const rhoMax = VS.max;
    const n = VS.hill;
    // K chosen so the target is exactly 1 at the reference VEGF fold 1: (1 − ρmin)/(ρmax − ρmin) = 1/(Kⁿ + 1)
    const kn = (rhoMax - rhoMin) / (1 - rhoMin) - 1;
    const grow = 1 - Math.exp(-dt / VS.growthS);
    const regress = 1 - Math.exp(-dt / VS.regressionS);
    const inhibit = rosInhibition ? VS.rosInhibition : 0;
    const hRef = this.opts.params.ros.h2o2BaselineMolPerM3;
    for (let v = 0; v < g.voxelCount; v++) {
      if (!this.viable[v]) continue;
      const fold = vegf[v] / v0;
      const fn = Math.pow(fold, n);
      let target = rhoMin + ((rhoMax - rhoMin) * fn) / (kn + fn);
      const ros = this.chem[3 * v + 1] / hRef;
      target /= 1 + inhibit * Math.max(0, ros - 1);
      const r = this.vessels[v];
      this.vessels[v] = r + (target - r) * (target > r ? grow : regress);
    }
  }
}

