import type { HumanScalpModel } from '../follicle/human/model.ts';
import { compileRules, evaluateRules, BEHAVIOURS, SIGNALS } from '../microenv/rules.ts';
import { damageRatePerS, type FollicleSignalParams } from '../microenv/follicleCoupling.ts';
import { FollicleSheet } from '../microenv/perifollicularKernel.ts';
import { MicroenvironmentTile, type TileParams } from '../microenv/tile.ts';
import type { MicroenvConfig } from '../microenv/schema.ts';
import { assembleHumanTiles } from '../parameters/assemble/humanTiles.ts';
import type { ParameterValues } from '../parameters/catalog.ts';
import { bulbDepthsM, layerThicknessesM, skinSchema, type SkinParams } from '../skin/schema.ts';

/** Steady perifollicular readouts of one scalp region (at the anagen bulbs) and what the rules make of them. */
export interface RegionMicroenvironment {
  /** Mean androgen exposure x = A·S_r·E[u] of the region's follicles. */
  dhtExposure: number;
  rosIndex: number;
  superoxideIndex: number;
  damage: number;
  perfusion: number;
  vegfFold: number;
  pS6: number;
  /** Behaviour multipliers the rules table gives at these signals (1 = no effect). */
  behaviour: Record<(typeof BEHAVIOURS)[number], number>;
}

/** The region tiles' constants in SI units, assembled once from the scenario's parameter values. */
export interface HumanTileParams {
  tile: TileParams;
  signals: FollicleSignalParams;
  skin: SkinParams;
  /** Unit-cell pitch (m): the default needle pitch. */
  pitchM: number;
  spinUpDays: number;
  /** Days under androgen before the readouts are taken. */
  steadyDays: number;
}

/**
 * The microenvironment of each scalp region at steady state under the subject's androgen level: a
 * unit-cell tile of human scalp skin (one anagen follicle per cell, producing and read through its kernel),
 * spun up healthy, then run for `tile.human.steadyDays` (20) days with the region's androgen exposure. Readouts only: the human
 * automaton's AGA stays the calibrated per-cycle miniaturization (docs/model.md §1.4), so nothing is
 * counted twice.
 */
export function humanRegionMicroenvironment(
  model: HumanScalpModel,
  cfg: MicroenvConfig,
  values: ParameterValues,
): Record<string, RegionMicroenvironment> {
  const P = assembleHumanTiles(values);
  const skin = skinSchema.parse({ species: 'humanScalp' });
  const { anagenM } = bulbDepthsM(P.skin);
  const meanSusceptibility = Number.isNaN(model.susceptibilityA) ? model.susceptibilityB : model.susceptibilityA / (model.susceptibilityA + model.susceptibilityB);
  const rules = compileRules(cfg.rules);
  const out: Record<string, RegionMicroenvironment> = {};
  model.regionIds.forEach((id, r) => {
    const dht = Math.min(1, model.androgenLevel * model.regionSensitivity[r] * meanSusceptibility);
    const tile = new MicroenvironmentTile({
      params: P.tile,
      pitchM: P.pitchM,
      voxelM: cfg.voxelUm * 1e-6,
      depthM: Math.max(cfg.depthUm * 1e-6, anagenM + 4 * cfg.voxelUm * 1e-6),
      layers: layerThicknessesM(skin, P.skin),
      mechanisms: cfg.mechanisms,
      patch: null,
      minoxidilTimesS: [],
      minoxidilDoseFactor: 1,
      rosFactor: 1,
      couplingStepS: cfg.couplingStepH * 3600,
      startS: 0,
      chemistryScheme: cfg.chemistryScheme,
    });
    const g = tile.grid;
    // the readouts are at the anagen bulbs: one anagen follicle per unit cell, laterally uniform (the cell
    // stands for follicles at random positions), spread in depth by its perifollicular kernel. Telogen
    // follicles sit ~2.5 mm higher, beyond the reach of VEGF (√(D/k) ≈ 0.23 mm) and of the local ROS
    // chemistry, so they do not change these readouts and are left out.
    const anaSheet = new FollicleSheet(g, tile.firstViablePlane, anagenM, P.skin.perifollicularSigmaM);
    const tel = new Float64Array(g.voxelCount);
    const ana = new Float64Array(g.voxelCount);
    anaSheet.deposit(1, ana);
    tile.setFollicleDensities(tel, ana);
    tile.spinUp(P.spinUpDays);
    // readouts at the anagen bulbs: kernel-weighted averages around them
    const atBulbs = (values: ArrayLike<number>, stride: number, offset: number) => anaSheet.average(values, stride, offset);
    const superoxideRef = atBulbs(tile.chem, 3, 0);
    const dt = tile.solver.dtS;
    for (let t = 0; t < P.steadyDays * 86400 - 1e-6; t += dt) tile.step(dt, dht);
    const ros = atBulbs(tile.chem, 3, 1) / P.signals.h2o2RefMolPerM3;
    const superoxide = superoxideRef > 0 ? atBulbs(tile.chem, 3, 0) / superoxideRef : 1;
    const perfusion = atBulbs(tile.vessels, 1, 0);
    const vegfFold = atBulbs(tile.solver.field('vegf'), 1, 0) / tile.vegfRef;
    const kRep = P.signals.damageRepairPerS;
    const kDmg = damageRatePerS(P.signals);
    const damage = (kDmg * ros) / (kDmg * ros + kRep);
    const sig = new Float64Array(SIGNALS.length);
    const put = (k: (typeof SIGNALS)[number], x: number) => (sig[SIGNALS.indexOf(k)] = x);
    put('ros', ros);
    put('superoxide', superoxide);
    put('damage', damage);
    put('perfusion', perfusion);
    put('vegf', vegfFold);
    put('dht', dht);
    const fac = new Float64Array(BEHAVIOURS.length);
    // p-S6 at steady state is its rule target; iterate the target once more with p-S6 in the signals
    put('pS6', P.signals.pS6Basal);
    evaluateRules(rules, sig, fac);
    const pS6 = Math.min(1, Math.max(0, P.signals.pS6Basal * fac[BEHAVIOURS.indexOf('pS6')]));
    put('pS6', pS6);
    evaluateRules(rules, sig, fac);
    out[id] = {
      dhtExposure: dht,
      rosIndex: ros,
      superoxideIndex: superoxide,
      damage,
      perfusion,
      vegfFold,
      pS6,
      behaviour: Object.fromEntries(BEHAVIOURS.map((b, i) => [b, fac[i]])) as RegionMicroenvironment['behaviour'],
    };
  });
  return out;
}
