import { Clock } from '../core/clock.ts';
import { RandomStream } from '../core/random/stream.ts';
import { TableRecorder } from '../core/recorder.ts';
import { fillSources, placeApplications } from '../delivery/applications.ts';
import { ceriaSubstrate, woundSubstrate } from '../delivery/substrates.ts';
import { assembleDelivery } from '../parameters/assemble/delivery.ts';
import { assembleSkin } from '../parameters/assemble/skin.ts';
import { perifollicularMask, placeFollicles } from '../skin/follicles.ts';
import { layerThicknessesM } from '../skin/schema.ts';
import { createTransportGrid, totalAmount, type TransportGrid } from '../transport/grid.ts';
import { createSolver } from '../transport/solver.ts';
import type { PatchDeliveryScenario } from '../scenario/schema.ts';
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
/** kg/m³ → µg/mL */
const KGM3_TO_UGML = 1e3;

function sliceXZ(field: Float64Array, g: TransportGrid, j: number): Float64Array {
  const out = new Float64Array(g.nx * g.nz);
  for (let k = 0; k < g.nz; k++) for (let i = 0; i < g.nx; i++) out[k * g.nx + i] = field[i + g.nx * (j + g.ny * k)];
  return out;
}

function sliceXY(field: Float64Array, g: TransportGrid, k: number): Float64Array {
  return field.slice(k * g.planeSize, (k + 1) * g.planeSize);
}

function maskedSum(field: Float64Array, mask: Uint8Array, volume: number): number {
  let s = 0;
  for (let v = 0; v < field.length; v++) if (mask[v]) s += field[v];
  return s * volume;
}

/** Runs one or more patch applications into a skin window and tracks cargo and wound signal (no I/O). */
export function runPatchDeliveryTask(scenario: PatchDeliveryScenario, options: TaskOptions): TaskOutput & { snapshots: FieldSnapshot[] } {
  const { skin, patch, transport } = scenario;
  const skinP = assembleSkin(scenario.parameters, skin.species);
  const P = assembleDelivery(scenario.parameters);
  const dx = skin.voxelUm * 1e-6;
  const grid = createTransportGrid({
    nx: Math.max(1, Math.round(skin.windowUm.x / skin.voxelUm)),
    ny: Math.max(1, Math.round(skin.windowUm.y / skin.voxelUm)),
    nz: Math.max(1, Math.round(skin.windowUm.depth / skin.voxelUm)),
    dxM: dx,
    layers: layerThicknessesM(skin, skinP),
  });
  const injury = patch.injury.enabled;
  const withCargo = patch.cargo.substance !== 'none';
  const substrates = [ceriaSubstrate(grid, P.ceria, { clearance: transport.clearance, deepSink: transport.deepFace === 'sink' }), woundSubstrate(grid, P.wound)];
  const solver = createSolver(grid, substrates, transport.dtS);
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
  const woundCfg = injury ? { source: woundSrc, peakS: patch.injury.peakDays * 86400, decayPerS: P.wound.decayPerS, gain: P.wound.trackSourceGain } : null;

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
  const profiles: Record<string, Record<string, ArrayLike<number> | readonly string[]>> = {};
  const profileOf = () => {
    const out = { depthUm: [] as number[], layer: [] as string[], ceriaUgPerMl: [] as number[], woundAu: [] as number[] };
    for (let k = 0; k < grid.nz; k++) {
      let c = 0;
      let w = 0;
      for (let v = k * grid.planeSize; v < (k + 1) * grid.planeSize; v++) {
        c += ceria[v];
        w += wound[v];
      }
      out.depthUm.push((k + 0.5) * skin.voxelUm);
      out.layer.push(grid.layers[grid.layerOfZ[k]].name);
      out.ceriaUgPerMl.push((c / grid.planeSize) * KGM3_TO_UGML);
      out.woundAu.push(w / grid.planeSize);
    }
    return out;
  };
  const snap = (hours: number) => {
    profiles[`depth-profile-${String(hours).padStart(3, '0')}h`] = profileOf();
    for (const [name, f, scale] of [['ceria', ceria, KGM3_TO_UGML], ['wound', wound, 1]] as const) {
      const xz = sliceXZ(f, grid, yRow).map((x) => x * scale);
      const xy = sliceXY(f, grid, kPlane).map((x) => x * scale);
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
    tables: { timeseries: columns, ...profiles, 'depth-profile-end': profileOf() },
    solver: { method: 'LOD implicit (x, y, z Thomas sweeps), operator-split sources', dtS: transport.dtS, voxelUm: skin.voxelUm, steps: clock.totalSteps },
    stats: { voxels: grid.voxelCount, steps: clock.totalSteps, substrates: substrates.length },
    streams: ['skin/follicles'],
    snapshots,
  };
}
