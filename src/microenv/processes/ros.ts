import { BatchIntegrator } from '../../ode/batch.ts';
import { ceriaActiveArea, rosBackwardEulerStep, rosSystem, withCeriaSwitches, type ChemistryInputs, type ChemistryParams, type ChemistryTolerances } from '../chemistry.ts';
import type { Mechanisms } from '../schema.ts';
import type { TileProcess } from '../tileProcess.ts';

/** ROS production and reference levels in SI units (mol/m³, 1/s; shares dimensionless). */
export interface RosParams {
  /** Reference (healthy) H2O2 level and resting GSH (mol/m³). */
  h2o2BaselineMolPerM3: number;
  glutathioneMolPerM3: number;
  /** Baseline total H2O2 removal (1/s): production balances it at the reference level. */
  clearancePerS: number;
  follicleShare: number;
  superoxideShare: number;
  /** Fractional rise of follicular production at androgen level 1. */
  androgenFactor: number;
}

/**
 * ROS chemistry per voxel (stiff, batched L-stable integrator) reading the ceria field after transport;
 * the follicular share of production is per follicle, through the follicle densities (docs/model.md §5.1.1).
 * H2O2 and superoxide are solved locally: their reaction-diffusion length √(D/k) ≈ 90 µm (H2O2:
 * D = 2.5e-9 m²/s, k = 0.315 /s; PMC8804256) is below two voxels. `rosFactor` is the animal's
 * production multiplier (inter-animal variability).
 */
export function rosProcess(
  R: RosParams,
  chemistry: ChemistryParams,
  mechanisms: Mechanisms,
  rosFactor: number,
  scheme: 'backward-euler' | 'tr-bdf2',
  /** Step the healthy twin (`chemHealthy`); false where nothing reads it (tiles on the fixed reference). */
  healthyTwin = true,
): TileProcess {
  let inputs: ChemistryInputs | null = null;
  let healthyInputs: ChemistryInputs | null = null;
  let integrator: BatchIntegrator | null = null;
  let healthyIntegrator: BatchIntegrator | null = null;
  let params: ChemistryParams | null = null;
  // numerical settings: the Newton tolerances of the chemistry; 200 iterations would bisect any bracket to round-off
  const tol: ChemistryTolerances = { atol: [1e-15, 1e-11, 1e-8], rtol: 1e-6, maxIterations: 200 };
  return {
    name: 'ros',
    substrates: () => [],
    init(f) {
      const n = f.grid.voxelCount;
      for (const c of [f.chem, f.chemHealthy]) {
        for (let v = 0; v < n; v++) {
          c[3 * v + 1] = R.h2o2BaselineMolPerM3;
          c[3 * v + 2] = R.glutathioneMolPerM3;
        }
      }
      const p = withCeriaSwitches(chemistry, { ceriaSod: mechanisms.ceriaSod, ceriaCat: mechanisms.ceriaCat });
      inputs = { prodS: new Float64Array(n), prodH: new Float64Array(n), ceriaArea: new Float64Array(n) };
      // the healthy twin never sees ceria: its area stays 0
      healthyInputs = { prodS: new Float64Array(n), prodH: new Float64Array(n), ceriaArea: new Float64Array(n) };
      params = p;
      // backward Euler has a dedicated exact-elimination solver (chemistry.ts); TR-BDF2 uses the batch integrator
      const batch = (inp: ChemistryInputs) => new BatchIntegrator(rosSystem(p, inp), n, { newtonAtol: [...tol.atol], newtonRtol: tol.rtol, scheme });
      integrator = scheme === 'backward-euler' ? null : batch(inputs);
      healthyIntegrator = scheme === 'backward-euler' || !healthyTwin ? null : batch(healthyInputs);
    },
    afterTransport(f, tS, dt, ctx) {
      if (!inputs || !healthyInputs || !params) throw new Error('ros process used before init');
      const m = ctx.mechanisms;
      const pTot = m.rosProduction ? R.clearancePerS * R.h2o2BaselineMolPerM3 * rosFactor : 0;
      const share = R.follicleShare;
      const sShare = R.superoxideShare;
      const androgen = m.androgenRos ? 1 + R.androgenFactor * ctx.dht : 1;
      const ceria = f.solver.field('ceria');
      const particle = chemistry.particle;
      // per follicle: the follicular share of production scales with the local follicle density relative to
      // healthy skin's kernel-weighted mean, so each follicle produces a fixed rate (mol/s) on any grid
      const ref = f.referenceDensityPerM3;
      const perDensity = ref > 0 ? (share * androgen) / ref : 0;
      // the healthy twin: the population's production with the same follicles, no androgen, no ceria
      const pHealthy = R.clearancePerS * R.h2o2BaselineMolPerM3;
      const perDensityHealthy = ref > 0 ? share / ref : 0;
      // inputs and fields as locals: the loop stores into typed arrays, after which object properties may be reloaded
      const { prodS, prodH, ceriaArea } = inputs;
      const { prodS: prodSH, prodH: prodHH } = healthyInputs;
      const { viable, telogenPerM3, anagenPerM3 } = f;
      const nVox = f.grid.voxelCount;
      for (let v = 0; v < nVox; v++) {
        if (!viable[v]) {
          prodS[v] = 0;
          prodH[v] = 0;
          prodSH[v] = 0;
          prodHH[v] = 0;
        } else {
          const density = telogenPerM3[v] + anagenPerM3[v];
          const p = pTot * (1 - share + perDensity * density);
          prodS[v] = 2 * sShare * p;
          prodH[v] = (1 - sShare) * p;
          const ph = pHealthy * (1 - share + perDensityHealthy * density);
          prodSH[v] = 2 * sShare * ph;
          prodHH[v] = (1 - sShare) * ph;
        }
        ceriaArea[v] = ceriaActiveArea(ceria[v], particle);
      }
      const hi = healthyInputs;
      if (integrator) integrator.step(f.chem, tS, dt);
      else rosBackwardEulerStep(params, inputs, f.chem, dt, tol, 0, f.grid.voxelCount);
      if (!healthyTwin) return;
      if (healthyIntegrator) healthyIntegrator.step(f.chemHealthy, tS, dt);
      else rosBackwardEulerStep(params, hi, f.chemHealthy, dt, tol, 0, f.grid.voxelCount);
    },
  };
}
