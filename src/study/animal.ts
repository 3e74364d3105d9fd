import { RandomStream } from '../core/random/stream.ts';
import { subjectPath } from '../experiment/cohort.ts';
import { androgenExposure, sampleAndrogenSusceptibility } from '../follicle/mouse/aga.ts';
import { createMouseHooks, MOUSE_PHASE } from '../follicle/mouse/lattice.ts';
import { assembleMouseLattice } from '../follicle/mouse/model.ts';
import { checkRecordedRow } from '../core/finite.ts';
import { MOUSE_READOUT_COUNT, MOUSE_READOUT_NAMES, writeMouseReadouts } from '../follicle/mouse/readouts.ts';
import { renderDorsalPhoto } from '../follicle/mouse/render.ts';
import { createMouseAnimal } from '../follicle/mouse/run.ts';
import { FollicleCoupling, healthyReferenceSignals, type FollicleSignalParams, type FollicleView } from '../microenv/follicleCoupling.ts';
import { compileRules, SIGNALS } from '../microenv/rules.ts';
import { MicroenvironmentTile, type TileParams } from '../microenv/tile.ts';
import { assembleAnimal } from '../parameters/assemble/animal.ts';
import { layerThicknessesM, skinSchema, type SkinParams } from '../skin/schema.ts';
import type { MouseStudyScenario } from '../scenario/schema.ts';
import type { ArmConfig } from './schema.ts';

/** Microenvironment readouts recorded per animal and day, after the lattice readouts. */
export const MICROENV_READOUT_NAMES = ['rosIndex', 'superoxideIndex', 'damage', 'pS6', 'perfusion', 'vegfFold', 'woundAu', 'minoxidilUm', 'ceriaUgPerMl'] as const;
export const ANIMAL_READOUT_NAMES = [...MOUSE_READOUT_NAMES, ...MICROENV_READOUT_NAMES] as const;
export type AnimalReadoutName = (typeof ANIMAL_READOUT_NAMES)[number];

/** p-S6 level at which a follicle scores as p-S6 positive in the readout (half of full activation). */
export const P_S6_POSITIVE = 0.5;

/** One animal's daily series and photos. */
export interface AnimalResult {
  timesDays: Float64Array;
  series: Record<AnimalReadoutName, Float64Array>;
  photos: { day: number; rgba: Uint8ClampedArray; width: number; height: number }[];
}

/** One mouse's model constants in SI units, assembled once from the scenario's parameter values. */
export interface AnimalParams {
  tile: TileParams;
  signals: FollicleSignalParams;
  skin: SkinParams;
  /** Needle pitch (m) that sets the unit cell when the arm has no patch. */
  defaultPitchM: number;
  /** Days the spin-up brings the healthy tile to steady state before t = 0. */
  spinUpDays: number;
  /** Time constant (days) of the build-up of androgen exposure after dosing starts on day 0. */
  dhtBuildUpDays: number;
}
const SIG = Object.fromEntries(SIGNALS.map((s, i) => [s, i])) as Record<(typeof SIGNALS)[number], number>;

/**
 * Simulates one mouse (subject id `subject`: its seed path, independent of the arm) under one arm's regimen.
 * `photos: false` skips the dorsal photos (pure functions of the lattice, so nothing else changes): a study
 * shows only its representative mouse per arm.
 */
export function runAnimal(scn: MouseStudyScenario, arm: ArmConfig, subject: number, seed: number, opts: { photos?: boolean } = {}): AnimalResult {
  const takePhotos = opts.photos ?? true;
  const path = subjectPath(subject);
  const P = assembleAnimal(scn.parameters);
  // Androgen acts on follicles through the rules table (signal 'dht'); the lattice's own AGA is off.
  const model = assembleMouseLattice({ ...scn.skin, aga: { ...scn.skin.aga, androgenLevel: 0 } });
  const animal = createMouseAnimal(model, seed, path);
  const lattice = animal.lattice;
  const susceptibility = sampleAndrogenSusceptibility(model, RandomStream.fromSeed(seed, [...path, 'dht']));
  const dht = androgenExposure(arm.androgenLevel, animal.traits.androgenSensitivity, susceptibility);
  let meanDhtFull = 0;
  for (let i = 0; i < dht.length; i++) meanDhtFull += dht[i] / dht.length;
  // androgen exposure builds up over days after daily dosing starts on day 0 (time course, not a step)
  const dhtNow = new Float64Array(dht.length);
  let meanDht = 0;
  const setDht = (tDays: number) => {
    const f = 1 - Math.exp(-Math.max(0, tDays) / P.dhtBuildUpDays);
    for (let i = 0; i < dht.length; i++) dhtNow[i] = dht[i] * f;
    meanDht = meanDhtFull * f;
  };
  setDht(0);

  const rng = RandomStream.fromSeed(seed, [...path, 'microenv']);
  const lognormalFactor = (cv: number) => (cv > 0 ? Math.exp(Math.sqrt(Math.log(1 + cv * cv)) * rng.normal() - 0.5 * Math.log(1 + cv * cv)) : 1);
  const rosFactor = lognormalFactor(scn.animals.rosCv);
  const mxFactor = lognormalFactor(scn.animals.minoxidilAbsorptionCv);
  const mx = arm.minoxidil;
  const mxTimes: number[] = [];
  if (mx) {
    for (let d = mx.startDay; d < Math.min(mx.endDay, scn.durationDays); d++) {
      for (let k = 0; k < mx.timesPerDay; k++) mxTimes.push((d + k / mx.timesPerDay) * 86400);
    }
  }
  const env = scn.microenvironment;
  const pitchM = arm.patch ? arm.patch.pitchUm * 1e-6 : P.defaultPitchM;
  const tile = new MicroenvironmentTile({
    params: P.tile,
    pitchM,
    voxelM: env.voxelUm * 1e-6,
    depthM: env.depthUm * 1e-6,
    layers: layerThicknessesM(skinSchema.parse({ species: 'mouseDorsal' }), P.skin),
    mechanisms: env.mechanisms,
    patch: arm.patch ?? null,
    minoxidilTimesS: mxTimes,
    minoxidilDoseFactor: mxFactor,
    rosFactor,
    couplingStepS: env.couplingStepH * 3600,
    startS: 0,
    chemistryScheme: env.chemistryScheme,
    transportScheme: env.transportScheme,
  });
  const spacing = model.siteSpacingUm * 1e-6;
  const n = lattice.n;
  const xM = new Float64Array(n);
  const yM = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xM[i] = ((i % lattice.nx) + 0.5) * spacing;
    yM[i] = (Math.floor(i / lattice.nx) + 0.5) * spacing;
  }
  const coupling = new FollicleCoupling(
    tile,
    {
      n,
      xM,
      yM,
      telogenDepthM: P.skin.telogenBulbDepthM,
      anagenDepthM: P.skin.anagenBulbDepthM,
      descentDays: model.emergenceDays,
      kernelSigmaM: P.skin.perifollicularSigmaM,
      // the lattice's follicles folded onto one unit cell stand for the cell's real follicles (pitch² × density)
      weight: (tile.grid.nx * tile.grid.dxM) ** 2 / (n * spacing * spacing),
    },
    // rules are neutral at the healthy reference signals and bounded per behaviour (docs/model.md §5.5)
    compileRules(env.rules, SIGNALS, { reference: healthyReferenceSignals(P.signals), bounds: P.signals.ruleBounds }),
    env.mechanisms.injuryActivation,
    P.signals,
  );
  const view: FollicleView = {
    isAnagen: (i) => lattice.phase[i] === MOUSE_PHASE.anagen,
    anagenAgeDays: (i) => lattice.phaseAgeDays[i],
    isCompetent: (i) => lattice.phase[i] === MOUSE_PHASE.competent,
    relativeSize: (i) => lattice.currentDiameterUm(i) / lattice.fullDiameterUm[i],
  };
  coupling.updateMaps(view);
  tile.spinUp(P.spinUpDays);

  const hooks = createMouseHooks(n);
  const dtDays = model.dtDays;
  const steps = Math.round(scn.durationDays / dtDays);
  const perDay = Math.max(1, Math.round(scn.record.everyDays / dtDays));
  const nSamples = Math.floor(steps / perDay) + 1;
  const nCols = MOUSE_READOUT_COUNT + MICROENV_READOUT_NAMES.length;
  const table = new Float64Array(nSamples * nCols);
  const times = new Float64Array(nSamples);
  const photoSteps = new Map(takePhotos ? scn.photos.days.map((d) => [Math.round(d / dtDays), d] as const) : []);
  const photos: AnimalResult['photos'] = [];
  const nS = coupling.signalNames.length;
  const ceria = tile.solver.field('ceria');

  const acc = new Float64Array(MICROENV_READOUT_NAMES.length);
  const record = (k: number) => {
    times[k] = lattice.timeDays;
    writeMouseReadouts(lattice, table, k * nCols);
    acc.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * nS;
      acc[0] += coupling.signals[o + SIG.ros];
      acc[1] += coupling.signals[o + SIG.superoxide];
      acc[2] += coupling.damage[i];
      // p-S6 as a stained section scores it: the share of follicles whose stem-cell compartment is positive
      acc[3] += coupling.pS6[i] >= P_S6_POSITIVE ? 1 : 0;
      acc[4] += coupling.signals[o + SIG.perfusion];
      acc[5] += coupling.signals[o + SIG.vegf];
      acc[6] += coupling.signals[o + SIG.wound];
      acc[7] += coupling.signals[o + SIG.minoxidil];
    }
    for (let j = 0; j < 8; j++) acc[j] /= n;
    let c = 0;
    let nv = 0;
    for (let v = 0; v < ceria.length; v++) {
      if (tile.viable[v]) {
        c += ceria[v];
        nv++;
      }
    }
    acc[8] = (c / Math.max(1, nv)) * 1e3;
    table.set(acc, k * nCols + MOUSE_READOUT_COUNT);
    // state check once per recorded sample, over the values just recorded
    checkRecordedRow(table, k * nCols, ANIMAL_READOUT_NAMES, lattice.timeDays, `arm ${arm.id}, subject ${subject}`);
  };
  const photo = (day: number) => {
    photos.push({ day, rgba: renderDorsalPhoto(lattice, scn.photos.widthPx, scn.photos.heightPx), width: scn.photos.widthPx, height: scn.photos.heightPx });
  };

  // signals at t = 0 for the first record
  coupling.update(0, dhtNow, view, hooks);
  record(0);
  if (photoSteps.has(0)) photo(0);
  for (let s = 1; s <= steps; s++) {
    // mid-step androgen level for the tile and the follicles
    setDht(lattice.timeDays + 0.5 * dtDays);
    tile.step(dtDays * 86400, meanDht);
    coupling.update(dtDays * 86400, dhtNow, view, hooks);
    lattice.step(hooks);
    coupling.updateMaps(view);
    if (s % perDay === 0) record(s / perDay);
    const d = photoSteps.get(s);
    if (d !== undefined) photo(d);
  }
  const series = {} as Record<AnimalReadoutName, Float64Array>;
  ANIMAL_READOUT_NAMES.forEach((name, j) => {
    const col = new Float64Array(nSamples);
    for (let r = 0; r < nSamples; r++) col[r] = table[r * nCols + j];
    series[name] = col;
  });
  return { timesDays: times, series, photos };
}
