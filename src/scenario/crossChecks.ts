import type { z } from 'zod';
import { MIN_DURATION_DAYS } from '../core/scenario/common.ts';
import type { HumanScalpConfig } from '../follicle/human/schema.ts';
import type { MouseSkinConfig } from '../follicle/mouse/schema.ts';
import { DEFAULT_COMPARE_DAYS, DEFAULT_PHOTO_DAYS } from '../study/schema.ts';

const sameDays = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Cross-field checks of whole scenarios (fields that are valid alone but not together): every step fits
 * in the run, every requested day lies inside it, every reference names something that exists, and
 * derived grid sizes stay allocatable. Each issue names the field, its value and the allowed range, so
 * an input that would silently do nothing (or crash deep in a solver) is refused before the run.
 */

/** Largest grid a single field may have (voxels): a Float64 field of 1e9 voxels is already 8 GB. */
export const MAX_GRID_VOXELS = 1e9;
/** Largest number of recorded samples per series (durationDays / record.everyDays). */
export const MAX_SAMPLES = 1e6;
/** Largest lattice side (follicles), the same as the nx/ny bound of the schema. */
export const MAX_LATTICE_SIDE = 4000;

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const issue = (ctx: Ctx, path: Path, input: unknown, message: string) => ctx.addIssue({ code: 'custom', path, input, message });

/** Common checks: sample count and step ≤ run. */
function samples(s: { durationDays: number; record: { everyDays: number } }, ctx: Ctx): void {
  if (!validDuration(s.durationDays)) return;
  const n = s.durationDays / s.record.everyDays;
  if (n > MAX_SAMPLES) issue(ctx, ['record', 'everyDays'], s.record.everyDays, `gives ${Math.round(n)} samples; allowed at most ${MAX_SAMPLES} (>= durationDays / ${MAX_SAMPLES} = ${s.durationDays / MAX_SAMPLES} days)`);
}

/** An out-of-range duration is reported on its own field; checks against it would only add noise. */
const validDuration = (d: number): boolean => Number.isFinite(d) && d >= MIN_DURATION_DAYS;

function daysWithin(ctx: Ctx, path: Path, days: readonly number[], durationDays: number, unit = 'day', scale = 1): void {
  if (!validDuration(durationDays)) return;
  days.forEach((d, i) => {
    if (d > durationDays * scale + 1e-9) issue(ctx, [...path, i], d, `${unit} ${d} is after the end of the run: allowed 0 to ${durationDays * scale} (durationDays ${durationDays})`);
  });
}

function stepWithin(ctx: Ctx, path: Path, stepDays: number, durationDays: number, unit: string, perDay: number): void {
  if (!validDuration(durationDays)) return;
  if (stepDays > durationDays + 1e-12) issue(ctx, path, stepDays * perDay, `step longer than the run: allowed at most durationDays = ${durationDays * perDay} ${unit}`);
}

/** Voxel count of a box (µm) with voxel edge (µm), as the solvers round it. */
const axis = (lengthUm: number, voxelUm: number) => Math.max(1, Math.round(lengthUm / voxelUm));

function tileCheck(ctx: Ctx, path: Path, env: { voxelUm: number; depthUm: number; couplingStepH: number }, durationDays: number, pitchUm: number): void {
  const n = axis(pitchUm, env.voxelUm) ** 2 * axis(env.depthUm, env.voxelUm);
  if (n > MAX_GRID_VOXELS) issue(ctx, [...path, 'voxelUm'], env.voxelUm, `gives a ${n.toExponential(2)}-voxel tile; allowed at most ${MAX_GRID_VOXELS} voxels`);
  stepWithin(ctx, [...path, 'couplingStepH'], env.couplingStepH / 24, durationDays, 'h', 24);
}

/** humanScalp: microenvironment tile size (it runs for a fixed 20 days, so its step is not tied to the run). */
export function humanCrossChecks(s: { durationDays: number; record: { everyDays: number }; scalp: HumanScalpConfig; microenvironment: { voxelUm: number; depthUm: number; couplingStepH: number } }, ctx: Ctx): void {
  samples(s, ctx);
  const env = s.microenvironment;
  const n = axis(500, env.voxelUm) ** 2 * axis(env.depthUm, env.voxelUm);
  if (n > MAX_GRID_VOXELS) issue(ctx, ['microenvironment', 'voxelUm'], env.voxelUm, `gives a ${n.toExponential(2)}-voxel tile; allowed at most ${MAX_GRID_VOXELS} voxels`);
}

interface PatchLike {
  durationDays: number;
  record: { everyDays: number };
  skin: { windowUm: { x: number; y: number; depth: number }; voxelUm: number };
  patch: { schedule: { days: number[] } };
  transport: { dtS: number };
  snapshots: { hours: number[]; planeDepthUm: number };
}

/** patchDelivery: grid size, time step, snapshot times and plane inside the run and the window. */
export function patchCrossChecks(s: PatchLike, ctx: Ctx): void {
  samples(s, ctx);
  const w = s.skin.windowUm;
  const v = s.skin.voxelUm;
  const n = axis(w.x, v) * axis(w.y, v) * axis(w.depth, v);
  if (n > MAX_GRID_VOXELS) issue(ctx, ['skin', 'voxelUm'], v, `gives a ${axis(w.x, v)} x ${axis(w.y, v)} x ${axis(w.depth, v)} grid (${n.toExponential(2)} voxels); allowed at most ${MAX_GRID_VOXELS} voxels`);
  stepWithin(ctx, ['transport', 'dtS'], s.transport.dtS / 86400, s.durationDays, 's', 86400);
  daysWithin(ctx, ['snapshots', 'hours'], s.snapshots.hours, s.durationDays, 'hour', 24);
  daysWithin(ctx, ['patch', 'schedule', 'days'], s.patch.schedule.days, s.durationDays);
  if (s.snapshots.planeDepthUm > w.depth) issue(ctx, ['snapshots', 'planeDepthUm'], s.snapshots.planeDepthUm, `is below the window: allowed 0 to skin.windowUm.depth = ${w.depth}`);
}

interface MouseLike {
  durationDays: number;
  record: { everyDays: number };
  animals: { perArm: number };
  skin: MouseSkinConfig;
  microenvironment: { voxelUm: number; depthUm: number; couplingStepH: number };
  arms: { id: string; patch?: { pitchUm: number; schedule: { days: number[] } } }[];
  endpoints: { compareDays: number[]; reference: string };
  photos: { days: number[] };
}

/** mouseStudy: reference arm exists, compare/photo/application days inside the run, steps and sizes. */
export function mouseCrossChecks(s: MouseLike, ctx: Ctx): void {
  samples(s, ctx);
  const ids = s.arms.map((a) => a.id);
  // with one arm there is nothing to compare (the default reference may name no arm); with more, a
  // reference that names no arm would silently give no comparisons
  if (ids.length > 1 && !ids.includes(s.endpoints.reference)) {
    issue(ctx, ['endpoints', 'reference'], s.endpoints.reference, `names no arm: allowed one of: ${ids.map((x) => JSON.stringify(x)).join(', ')}`);
  }
  if (s.animals.perArm < 2 && s.arms.length > 1) {
    issue(ctx, ['animals', 'perArm'], s.animals.perArm, 'comparing arms needs a spread: allowed >= 2 mice per arm when there is more than one arm');
  }
  // the built-in default lists are cut to the run (see mouseStudyRun); days a user writes must lie in it
  if (!sameDays(s.endpoints.compareDays, DEFAULT_COMPARE_DAYS)) daysWithin(ctx, ['endpoints', 'compareDays'], s.endpoints.compareDays, s.durationDays);
  if (!sameDays(s.photos.days, DEFAULT_PHOTO_DAYS)) daysWithin(ctx, ['photos', 'days'], s.photos.days, s.durationDays);
  s.arms.forEach((a, i) => {
    if (a.patch) daysWithin(ctx, ['arms', i, 'patch', 'schedule', 'days'], a.patch.schedule.days, s.durationDays);
    if (a.patch) tileCheck(ctx, ['microenvironment'], s.microenvironment, s.durationDays, a.patch.pitchUm);
  });
  tileCheck(ctx, ['microenvironment'], s.microenvironment, s.durationDays, 500);
  stepWithin(ctx, ['skin', 'lattice', 'dtDays'], s.skin.lattice.dtDays, s.durationDays, 'days', 1);
  // the tile advances in whole coupling steps per lattice step: any remainder would put the clocks out of step
  const latticeH = s.skin.lattice.dtDays * 24;
  const ratio = latticeH / s.microenvironment.couplingStepH;
  if (Number.isFinite(ratio) && Math.abs(ratio - Math.round(ratio)) > 1e-9 * Math.max(1, ratio)) {
    const divisors = [1, 2, 3, 4, 6].map((k) => +(latticeH / k).toPrecision(6)).join(', ');
    issue(ctx, ['microenvironment', 'couplingStepH'], s.microenvironment.couplingStepH, `does not divide the lattice step skin.lattice.dtDays = ${s.skin.lattice.dtDays} d (${+latticeH.toPrecision(6)} h): allowed a whole divisor of it, e.g. ${divisors} h`);
  }
  const lat = s.skin.lattice;
  if (lat.areaMm2 !== undefined) {
    const side = Math.round(Math.sqrt(lat.areaMm2 * lat.follicleDensityPerMm2));
    if (side > MAX_LATTICE_SIDE) {
      issue(ctx, ['skin', 'lattice', 'areaMm2'], lat.areaMm2, `gives a lattice side of ${side} follicles; allowed at most ${MAX_LATTICE_SIDE} (areaMm2 x follicleDensityPerMm2 <= ${MAX_LATTICE_SIDE ** 2})`);
    }
  }
}
