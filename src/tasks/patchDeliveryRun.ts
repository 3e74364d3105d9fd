import { Clock } from '../core/clock.ts';
import { SimulationStateError } from '../core/finite.ts';
import { depthProfile, sliceField } from '../transport/slice.ts';
import { RandomStream } from '../core/random/stream.ts';
import { TableRecorder } from '../core/recorder.ts';
import { fillSources, placeApplications } from '../delivery/applications.ts';
import { ceriaSubstrate, woundSourceConfig, woundSubstrate } from '../delivery/substrates.ts';
import { assembleDelivery } from '../parameters/assemble/delivery.ts';
import { assembleSkin } from '../parameters/assemble/skin.ts';
import { perifollicularMask, placeFollicles } from '../skin/follicles.ts';
import { layerThicknessesM } from '../skin/schema.ts';
import { createTransportGrid, totalAmount, type TransportGrid } from '../transport/grid.ts';
import { createSolver, type SubstrateSpec, type TransportSolver } from '../transport/solver.ts';
import type { PatchDeliveryScenario } from '../scenario/schema.ts';
import { withTableUnits } from '../results/tables.ts';
import type { Task } from './task.ts';
import type { TaskOptions, TaskOutput } from './types.ts';

/** A 2-D concentration map taken during the run (values in the field's units). */
export interface FieldSnapshot {
  substance: string;
  hours: number;
  plane: 'xz' | 'xy';
  width: number;
  height: number;
  /** Row-major values; rows are z (xz) or y (xy). */
  values: Float64Array;
  /** Pixel size (µm). */
  pixelUm: number;
}

const KG_TO_NG = 1e12;
/** Concentrations below this (kg/m³ or a.u.) are a failed solve, not round-off. */
const STATE_SLACK = -1e-12;
/** kg/m³ → µg/mL */
const KGM3_TO_UGML = 1e3;

function maskedSum(field: Float64Array, mask: Uint8Array, volume: number): number {
  let s = 0;
  for (let v = 0; v < field.length; v++) if (mask[v]) s += field[v];
  return s * volume;
}

/** Output of a patch-delivery run: the generic parts plus the dose-map snapshots. */
export type PatchDeliveryOutput = TaskOutput & { snapshots: FieldSnapshot[] };

/** Patch delivery as a task: one unit (one skin window). */
export const patchDeliveryTask: Task<PatchDeliveryScenario, null, PatchDeliveryOutput, PatchDeliveryOutput> = {
  name: 'run:patchDelivery',
  description: 'microneedle patch into a skin window: dissolution, release, transport, wound signal',
  accepts: (s) => s.model === 'patchDelivery',
  plan: () => [null],
  runUnit: (scenario, _unit, seed, ctx) => {
    const factory = ctx.services?.transportSolver;
    if (!factory) return runPatchDeliveryTask(scenario, { seed, onProgress: ctx.onProgress });
    // a platform transport method (e.g. worker threads): built asynchronously, closed when done
    const { grid, substrates } = patchDeliveryTransport(scenario);
    return factory(grid, substrates, scenario.transport.dtS).then((solver) => {
      try {
        return runPatchDeliveryTask(scenario, { seed, onProgress: ctx.onProgress }, solver);
      } finally {
        void solver.close?.();
      }
    });
  },
  reduce: (_scenario, results) => results[0],
};

/** The transport grid and substrates of a patch-delivery scenario (pure; shared by every solver method). */
export function patchDeliveryTransport(scenario: PatchDeliveryScenario): { grid: TransportGrid; substrates: SubstrateSpec[] } {
  const { skin, transport } = scenario;
  const skinP = assembleSkin(scenario.parameters, skin.species);
  const P = assembleDelivery(scenario.parameters);
  const grid = createTransportGrid({
    nx: Math.max(1, Math.round(skin.windowUm.x / skin.voxelUm)),
    ny: Math.max(1, Math.round(skin.windowUm.y / skin.voxelUm)),
    nz: Math.max(1, Math.round(skin.windowUm.depth / skin.voxelUm)),
    dxM: skin.voxelUm * 1e-6,
    layers: layerThicknessesM(skin, skinP),
  });
  const substrates = [ceriaSubstrate(grid, P.ceria, { clearance: transport.clearance, deepSink: transport.deepFace === 'sink' }), woundSubstrate(grid, P.wound)];
  return { grid, substrates };
}

/**
 * Runs one or more patch applications into a skin window and tracks cargo and wound signal (no I/O).
 * `solver` may be a prebuilt solver over `patchDeliveryTransport(scenario)` (e.g. a multi-threaded one).
 */
export function runPatchDeliveryTask(scenario: PatchDeliveryScenario, options: TaskOptions, prebuilt?: TransportSolver): PatchDeliveryOutput {
  const { skin, patch, transport } = scenario;
  const skinP = assembleSkin(scenario.parameters, skin.species);
  const P = assembleDelivery(scenario.parameters);
  const dx = skin.voxelUm * 1e-6;
  const { grid, substrates } = patchDeliveryTransport(scenario);
  const injury = patch.injury.enabled;
  const withCargo = patch.cargo.substance !== 'none';
  const solver = prebuilt ?? createSolver(grid, substrates, transport.dtS);
  const { geometry, applications } = placeApplications(patch, grid, P.insertion);
  const rng = RandomStream.fromSeed(options.seed, ['skin', 'follicles']);
  const follicles = placeFollicles(skin, rng, skinP);
  const mask = perifollicularMask(grid, follicles, skin.follicles.perifollicularRadiusUm * 1e-6);

  const clock = new Clock(transport.dtS, Math.round((scenario.durationDays * 86400) / transport.dtS) * transport.dtS);
  const recordEvery = Math.max(1, Math.round((scenario.record.everyDays * 86400) / transport.dtS));
  const snapSteps = new Map(scenario.snapshots.hours.map((h) => [Math.round((h * 3600) / transport.dtS), h] as const));
  const yRow = Math.min(grid.ny - 1, Math.floor(grid.ny / 2));
  const kPlane = Math.min(grid.nz - 1, Math.floor((scenario.snapshots.planeDepthUm * 1e-6) / dx));
  const ceria = solver.field('ceria');
  const wound = solver.field('wound');
  const ceriaSrc = solver.sourceRate('ceria');
  const woundSrc = solver.sourceRate('wound');
  const halfTimeS = patch.matrix.dissolutionHalfTimeMin * 60;
  const woundCfg = injury ? woundSourceConfig(P.wound, patch.injury.peakDays * 86400, woundSrc, wound) : null;

  const table = new TableRecorder(['hours', 'releasedNg', 'retainedNg', 'clearedNg', 'perifollicularNg', 'perifollicularFractionOfDose', 'meanWoundDermisAu', 'maxCeriaUgPerMl']);
  const snapshots: FieldSnapshot[] = [];
  const dermis = grid.layers.findIndex((l) => l.name === 'dermis');
  let released = 0;
  let peakPeri = 0;
  const totalDose = applications.reduce((s, a) => s + a.insertedCargoKg, 0);
  const record = () => {
    const retained = totalAmount(ceria, grid);
    const peri = maskedSum(ceria, mask, grid.voxelVolumeM3);
    peakPeri = Math.max(peakPeri, peri);
    let wSum = 0;
    let wN = 0;
    let cMax = 0;
    for (let k = 0; k < grid.nz; k++) {
      const inDermis = grid.layerOfZ[k] === dermis;
      for (let v = k * grid.planeSize; v < (k + 1) * grid.planeSize; v++) {
        if (inDermis) {
          wSum += wound[v];
          wN++;
        }
        if (ceria[v] > cMax) cMax = ceria[v];
        // state check in the pass that already visits every voxel: NaN fails both comparisons
        if (!(ceria[v] >= STATE_SLACK && wound[v] >= STATE_SLACK)) badVoxel(v);
      }
    }
    table.push([
      clock.timeS / 3600,
      released * KG_TO_NG,
      retained * KG_TO_NG,
      (released - retained) * KG_TO_NG,
      peri * KG_TO_NG,
      totalDose > 0 ? peri / totalDose : 0,
      wN > 0 ? wSum / wN : 0,
      cMax * KGM3_TO_UGML,
    ]);
  };
  const badVoxel = (v: number) => {
    const [name, x] = !(ceria[v] >= STATE_SLACK) ? ['ceria concentration', ceria[v]] : ['wound signal', wound[v]];
    const i = v % grid.nx;
    const j = Math.floor(v / grid.nx) % grid.ny;
    const k = Math.floor(v / grid.planeSize);
    throw new SimulationStateError(name, x, clock.timeS / 86400, `voxel (${i}, ${j}, ${k}), depth ${((k + 0.5) * skin.voxelUm).toFixed(1)} µm`, Number.isNaN(x) ? 'not finite' : 'negative');
  };
  const profiles: Record<string, Record<string, ArrayLike<number> | readonly string[]>> = {};
  const profileOf = () => {
    const c = depthProfile(ceria, grid);
    return {
      depthUm: Array.from({ length: grid.nz }, (_, k) => (k + 0.5) * skin.voxelUm),
      layer: Array.from({ length: grid.nz }, (_, k) => grid.layers[grid.layerOfZ[k]].name),
      ceriaUgPerMl: Array.from(c, (x) => x * KGM3_TO_UGML),
      woundAu: Array.from(depthProfile(wound, grid)),
    };
  };
  const snap = (hours: number) => {
    profiles[`depth-profile-${String(hours).padStart(3, '0')}h`] = profileOf();
    for (const [name, f, scale] of [['ceria', ceria, KGM3_TO_UGML], ['wound', wound, 1]] as const) {
      const xz = sliceField(f, grid, { axis: 'y', index: yRow }).data.map((x) => x * scale);
      const xy = sliceField(f, grid, { axis: 'z', index: kPlane }).data.map((x) => x * scale);
      snapshots.push({ substance: name, hours, plane: 'xz', width: grid.nx, height: grid.nz, values: xz, pixelUm: skin.voxelUm });
      snapshots.push({ substance: name, hours, plane: 'xy', width: grid.nx, height: grid.ny, values: xy, pixelUm: skin.voxelUm });
    }
  };

  record();
  if (snapSteps.has(0)) snap(0);
  while (!clock.done) {
    released += fillSources(applications, clock.timeS, transport.dtS, grid.voxelVolumeM3, halfTimeS, withCargo ? ceriaSrc : null, woundCfg);
    solver.step();
    clock.tick();
    if (clock.isDue(recordEvery) || clock.done) record();
    const h = snapSteps.get(clock.step);
    if (h !== undefined) snap(h);
    if (clock.step % 50 === 0) options.onProgress?.({ fraction: clock.step / clock.totalSteps, stage: 'transport' });
  }
  const retained = totalAmount(ceria, grid);
  const loaded = applications.reduce((s, a) => s + a.loadedCargoKg, 0);
  const columns = Object.fromEntries(table.columns.map((c) => [c, table.column(c)]));
  return {
    task: 'run:patchDelivery',
    summary: {
      model: 'patchDelivery',
      needlesInWindow: applications[0]?.needles ?? 0,
      applications: applications.length,
      insertionDepthUm: geometry.insertionDepthM * 1e6,
      insertedCargoFraction: geometry.insertedCargoFraction,
      loadedNg: loaded * KG_TO_NG,
      deliveredNg: totalDose * KG_TO_NG,
      releasedNg: released * KG_TO_NG,
      retainedAtEndNg: retained * KG_TO_NG,
      retainedFractionAtEnd: totalDose > 0 ? retained / totalDose : 0,
      perifollicularPeakFractionOfDose: totalDose > 0 ? peakPeri / totalDose : 0,
      perifollicularAtEndFractionOfDose: totalDose > 0 ? maskedSum(ceria, mask, grid.voxelVolumeM3) / totalDose : 0,
      follicles: follicles.count,
      grid: { nx: grid.nx, ny: grid.ny, nz: grid.nz, voxelUm: skin.voxelUm },
    },
    ...withTableUnits({ timeseries: columns, ...profiles, 'depth-profile-end': profileOf() }),
    solver: { method: 'LOD implicit (x, y, z Thomas sweeps), operator-split sources', dtS: transport.dtS, voxelUm: skin.voxelUm, steps: clock.totalSteps },
    stats: { voxels: grid.voxelCount, steps: clock.totalSteps, substrates: substrates.length },
    streams: ['skin/follicles'],
    snapshots,
  };
}
