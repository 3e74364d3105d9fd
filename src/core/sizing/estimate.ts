import type { HumanScenario, MouseStudyScenario, PatchDeliveryScenario, Scenario } from '../../scenario/schema.ts';
import { latticeSize } from '../../follicle/mouse/model.ts';
import { RATES } from './rates.ts';

/**
 * Size of a run before it starts, from the resolved scenario alone (platform-neutral: no clocks, no OS).
 * Peak memory is counted from the arrays each model allocates (bytes, with a factor for solver scratch
 * and JS overhead); work is counted in the model's own units and turned into seconds at rates measured
 * on the reference machine (see rates.ts). The CLI compares both with the machine and a time budget.
 */
export interface RunEstimate {
  model: Scenario['model'];
  /** Estimated peak memory (bytes). */
  peakBytes: number;
  /** Estimated work (model units, e.g. voxel·substance updates) and what the unit is. */
  workUnits: number;
  workUnit: string;
  /** Estimated single-thread wall time (s) at the measured rate; divided by threads where they apply. */
  seconds: number;
  /** Scenario field that drives memory, with the derived size (e.g. "skin.voxelUm: 60 x 60 x 40 voxels"). */
  memoryDriver: string;
  /** Scenario field that drives time. */
  timeDriver: string;
}

const F64 = 8;
/** Solver scratch, per-substance coefficient arrays and JS overhead over the bare fields. */
const OVERHEAD = 1.5;
const axis = (lengthUm: number, voxelUm: number) => Math.max(1, Math.round(lengthUm / voxelUm));

function patchEstimate(s: PatchDeliveryScenario): RunEstimate {
  const { x, y, depth } = s.skin.windowUm;
  const v = s.skin.voxelUm;
  const [nx, ny, nz] = [axis(x, v), axis(y, v), axis(depth, v)];
  const voxels = nx * ny * nz;
  const substances = 2;
  // per substance: field, source, decay, three tridiagonal coefficient lines and a sweep buffer
  const fieldBytes = voxels * substances * 7 * F64 + voxels * 4; // + layer index and mask bytes
  const steps = Math.round((s.durationDays * 86400) / s.transport.dtS);
  const snapshotBytes = s.snapshots.hours.length * 2 * (nx * nz + nx * ny) * F64;
  const work = steps * voxels * substances;
  return {
    model: 'patchDelivery',
    peakBytes: OVERHEAD * (fieldBytes + snapshotBytes) + RATES.baseBytes,
    workUnits: work,
    workUnit: 'voxel·substance updates',
    seconds: work / RATES.patchUpdatesPerS,
    memoryDriver: `skin.voxelUm = ${v} (with skin.windowUm): ${nx} x ${ny} x ${nz} = ${voxels} voxels x ${substances} substances`,
    timeDriver: `transport.dtS = ${s.transport.dtS} (with durationDays): ${steps} steps x ${voxels} voxels`,
  };
}

function mouseEstimate(s: MouseStudyScenario): RunEstimate {
  const { nx, ny } = latticeSize(s.skin);
  const sites = nx * ny;
  const mice = s.arms.length * s.animals.perArm;
  const env = s.microenvironment;
  const pitches = [500, ...s.arms.map((a) => a.patch?.pitchUm ?? 500)];
  const tileVoxels = Math.max(...pitches.map((p) => axis(p, env.voxelUm) ** 2 * Math.max(2, axis(env.depthUm, env.voxelUm))));
  const latticeSteps = Math.round(s.durationDays / s.skin.lattice.dtDays);
  const couplingSteps = Math.ceil((s.durationDays * 24) / env.couplingStepH);
  const samples = Math.floor(s.durationDays / s.record.everyDays) + 1;
  const readouts = 22;
  const photoBytes = s.photos.days.length * s.photos.widthPx * s.photos.heightPx * 4;
  // one mouse in flight: ~20 per-site arrays + per-site signals; tile: ~40 arrays per voxel
  const perMouse = sites * (20 * F64 + 12 * F64) + tileVoxels * 40 * F64;
  // every mouse's series and photos are kept until the study is summarised
  const kept = mice * (samples * readouts * F64 + photoBytes);
  const latticeWork = mice * latticeSteps * sites;
  const tileWork = mice * couplingSteps * tileVoxels;
  const seconds = latticeWork / RATES.mouseSiteStepsPerS + tileWork / RATES.tileVoxelStepsPerS;
  const latticeDominates = latticeWork / RATES.mouseSiteStepsPerS > tileWork / RATES.tileVoxelStepsPerS;
  return {
    model: 'mouseStudy',
    peakBytes: OVERHEAD * (perMouse + kept) + RATES.baseBytes,
    workUnits: latticeWork + tileWork,
    workUnit: 'lattice site-steps + tile voxel-steps',
    seconds,
    memoryDriver: perMouse > kept
      ? `skin.lattice (${nx} x ${ny} = ${sites} follicles) and microenvironment.voxelUm (${tileVoxels} tile voxels) per mouse`
      : `animals.perArm x arms (${mice} mice) x record.everyDays (${samples} samples) and photos`,
    timeDriver: latticeDominates
      ? `animals.perArm x arms (${mice} mice) x skin.lattice (${sites} follicles) x skin.lattice.dtDays (${latticeSteps} steps)`
      : `animals.perArm x arms (${mice} mice) x microenvironment.couplingStepH (${couplingSteps} steps) x microenvironment.voxelUm (${tileVoxels} voxels)`,
  };
}

function humanEstimate(s: HumanScenario): RunEstimate {
  const regions = Object.entries(s.scalp.regions);
  const follicles = regions.reduce((n, [, r]) => n + Math.round(r.areaCm2 * r.follicleDensityPerCm2), 0);
  const c = s.scalp.cycle;
  const cycleDays = Math.max(1e-3, Math.min(c.anagen.meanDays, s.scalp.follicle.vellusAnagenMeanDays) + c.catagen.meanDays + c.telogen.meanDays);
  const simulatedDays = s.durationDays + s.scalp.spinUpDays;
  // ~4 phase changes per cycle; every follicle costs at least its setup
  const events = follicles * (1 + (4 * simulatedDays) / cycleDays);
  const samples = Math.floor(s.durationDays / s.record.everyDays) + 2;
  const recorderBytes = regions.length * 10 * samples * 2 * F64;
  const tableBytes = (regions.length + 1) * samples * 16 * F64 * 3; // series, table columns, CSV text
  let tileWork = 0;
  let tileBytes = 0;
  if (s.microenvironment.enabled) {
    const env = s.microenvironment;
    const voxels = axis(500, env.voxelUm) ** 2 * Math.max(2, axis(env.depthUm, env.voxelUm));
    tileWork = regions.length * voxels * Math.ceil((20 * 24) / env.couplingStepH);
    tileBytes = voxels * 40 * F64;
  }
  const seconds = events / RATES.humanEventsPerS + tileWork / RATES.tileVoxelStepsPerS;
  return {
    model: 'humanScalp',
    peakBytes: OVERHEAD * (recorderBytes + tableBytes + tileBytes) + RATES.baseBytes,
    workUnits: events + tileWork,
    workUnit: 'follicle phase events + tile voxel-steps',
    seconds,
    memoryDriver: tileBytes > recorderBytes + tableBytes ? `microenvironment.voxelUm (tile)` : `record.everyDays = ${s.record.everyDays}: ${samples} samples`,
    timeDriver: tileWork / RATES.tileVoxelStepsPerS > events / RATES.humanEventsPerS
      ? `microenvironment.voxelUm and couplingStepH (${tileWork.toExponential(2)} tile voxel-steps)`
      : `scalp.regions.*.areaCm2 x follicleDensityPerCm2 (${follicles} follicles) x durationDays + spinUpDays (${simulatedDays} days) / cycle (${cycleDays.toFixed(1)} days)`,
  };
}

/** Estimates peak memory (bytes) and work (units and seconds at the measured rates) of a resolved scenario. */
export function estimateRun(s: Scenario): RunEstimate {
  switch (s.model) {
    case 'patchDelivery':
      return patchEstimate(s);
    case 'mouseStudy':
      return mouseEstimate(s);
    case 'humanScalp':
      return humanEstimate(s);
    case 'trial':
      return trialEstimate(s);
  }
}

/** Years of AGA history simulated per subject before enrolment (onset at ~25, enrolled up to ~49; an upper bound). */
const TRIAL_HISTORY_YEARS = 25;
/** Follicles per cm² assumed for sizing (the scalp's ~250; trials count a few cm²). */
const TRIAL_DENSITY_PER_CM2 = 250;

/** A virtual trial: every screened man's target-area follicles over his AGA history plus the trial. */
function trialEstimate(s: Extract<Scenario, { model: 'trial' }>): RunEstimate {
  const randomized = s.arms.reduce((a, arm) => a + arm.n, 0);
  const screened = s.population.candidates ?? 4 * randomized;
  const follicles = s.targetArea.areaCm2 * TRIAL_DENSITY_PER_CM2;
  const years = TRIAL_HISTORY_YEARS + (s.durationWeeks * 7) / 365.25;
  const cycleYears = 3;
  const events = (screened + randomized) * follicles * (years / cycleYears) * 4;
  return {
    model: 'trial',
    peakBytes: RATES.baseBytes + randomized * 64 * 1024,
    workUnits: events,
    workUnit: 'follicle phase events',
    seconds: events / RATES.humanEventsPerS,
    memoryDriver: `arms[*].n: ${randomized} randomized subjects`,
    timeDriver: `population.candidates and arms[*].n (${screened} screened, ${randomized} randomized) x targetArea.areaCm2 (${s.targetArea.areaCm2} cm²)`,
  };
}
