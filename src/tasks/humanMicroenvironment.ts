import type { HumanScalpModel } from '../follicle/human/model.ts';
import { compileRules, evaluateRules, BEHAVIOURS, SIGNALS, type CompiledRules } from '../microenv/rules.ts';
import { damageRatePerS, type FollicleSignalParams } from '../microenv/follicleCoupling.ts';
import { FollicleSheet } from '../microenv/perifollicularKernel.ts';
import { MicroenvironmentTile, type TileParams } from '../microenv/tile.ts';
import type { TileProcess } from '../microenv/tileProcess.ts';
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

/** Steady signals at the anagen bulbs of one human region tile (dimensionless indices, 1 = healthy reference). */
export interface BulbSignals {
  rosIndex: number;
  superoxideIndex: number;
  damage: number;
  perfusion: number;
  vegfFold: number;
}

/**
 * Holds the active ceria field at a fixed level (kg/m³) in viable tissue during the run under androgen: the
 * time-mean level the 3-D depth–dose gives at the bulbs (docs/model.md §9.6) stands for the repeated
 * patches, whose weekly ripple the steady readouts would average anyway. Set before transport, so the
 * ROS chemistry of the step sees the level less one step of clearance.
 */
function heldCeriaProcess(levelKgPerM3: number): TileProcess {
  return {
    name: 'heldCeria',
    substrates: () => [],
    beforeTransport(f, _tS, _dtS, ctx) {
      if (ctx.spinningUp) return;
      const c = f.solver.field('ceria');
      for (let v = 0; v < c.length; v++) c[v] = f.viable[v] ? levelKgPerM3 : 0;
    },
  };
}

/**
 * Steady perifollicular signals at the anagen bulbs of a human scalp tile (unit cell, one anagen follicle per
 * cell producing and read through its kernel): spun up healthy, then `steadyDays` at androgen exposure `dht`
 * and, if given, active ceria held at `ceriaKgPerM3` around the bulbs. Telogen follicles sit ~2.5 mm higher,
 * beyond the reach of VEGF (√(D/k) ≈ 0.23 mm) and of the local ROS chemistry, so they are left out.
 */
export function solveBulbSignals(P: HumanTileParams, cfg: MicroenvConfig, dht: number, ceriaKgPerM3 = 0): BulbSignals {
  const skin = skinSchema.parse({ species: 'humanScalp' });
  const { anagenM } = bulbDepthsM(P.skin);
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
    transportScheme: cfg.transportScheme,
    // readouts and vessels against the fixed H_ref, as the trial calibration (δ, drift, g) was fitted
    rosReference: 'fixed',
    processes: ceriaKgPerM3 > 0 ? [heldCeriaProcess(ceriaKgPerM3)] : [],
  });
  const g = tile.grid;
  // one anagen follicle per unit cell, laterally uniform (the cell stands for follicles at random positions)
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
  const kRep = P.signals.damageRepairPerS;
  const kDmg = damageRatePerS(P.signals);
  return {
    rosIndex: ros,
    superoxideIndex: superoxideRef > 0 ? atBulbs(tile.chem, 3, 0) / superoxideRef : 1,
    damage: (kDmg * ros) / (kDmg * ros + kRep),
    perfusion: atBulbs(tile.vessels, 1, 0),
    vegfFold: atBulbs(tile.solver.field('vegf'), 1, 0) / tile.vegfRef,
  };
}

/**
 * Behaviour factors (BEHAVIOURS order) the rules give at bulb signals `b` with androgen signal `dht` and no
 * wound or minoxidil signal; p-S6 at steady state is its rule target, so the target is iterated once with
 * p-S6 in the signals. Returns the factors and that p-S6.
 */
export function bulbRuleFactors(rules: CompiledRules, b: BulbSignals, dht: number, pS6Basal: number): { factors: Float64Array; pS6: number } {
  const sig = new Float64Array(SIGNALS.length);
  const put = (k: (typeof SIGNALS)[number], x: number) => (sig[SIGNALS.indexOf(k)] = x);
  put('ros', b.rosIndex);
  put('superoxide', b.superoxideIndex);
  put('damage', b.damage);
  put('perfusion', b.perfusion);
  put('vegf', b.vegfFold);
  put('dht', dht);
  const fac = new Float64Array(BEHAVIOURS.length);
  put('pS6', pS6Basal);
  evaluateRules(rules, sig, fac);
  const pS6 = Math.min(1, Math.max(0, pS6Basal * fac[BEHAVIOURS.indexOf('pS6')]));
  put('pS6', pS6);
  evaluateRules(rules, sig, fac);
  return { factors: fac, pS6 };
}

/**
 * The microenvironment of each scalp region at steady state under the subject's androgen level
 * (`solveBulbSignals` at the region's mean exposure x = A·S_r·E[u]). Readouts only: the human scalp run's
 * AGA stays the calibrated per-cycle miniaturization (docs/model.md §1.4); the virtual trials feed the same
 * tile back into the follicles (src/trial/microenvironment.ts, docs/model.md §9.10).
 */
export function humanRegionMicroenvironment(
  model: HumanScalpModel,
  cfg: MicroenvConfig,
  values: ParameterValues,
): Record<string, RegionMicroenvironment> {
  const P = assembleHumanTiles(values);
  const meanSusceptibility = Number.isNaN(model.susceptibilityA) ? model.susceptibilityB : model.susceptibilityA / (model.susceptibilityA + model.susceptibilityB);
  const rules = compileRules(cfg.rules);
  const out: Record<string, RegionMicroenvironment> = {};
  model.regionIds.forEach((id, r) => {
    const dht = Math.min(1, model.androgenLevel * model.regionSensitivity[r] * meanSusceptibility);
    const b = solveBulbSignals(P, cfg, dht);
    const { factors, pS6 } = bulbRuleFactors(rules, b, dht, P.signals.pS6Basal);
    out[id] = {
      dhtExposure: dht,
      ...b,
      pS6,
      behaviour: Object.fromEntries(BEHAVIOURS.map((k, i) => [k, factors[i]])) as RegionMicroenvironment['behaviour'],
    };
  });
  return out;
}
