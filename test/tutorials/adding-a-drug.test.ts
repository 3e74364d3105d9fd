//> # Tutorial: adding a drug
//>
//> The microenvironment tile is physics only: named fields with a diffusivity and a decay rate on a grid
//> (after BioFVM). Biology enters as **registered processes** (`TileProcess`): each declares the fields it
//> transports and acts before transport (sources) and/or after it (local reactions). Every step runs every
//> process's `beforeTransport`, then the implicit transport of every field, then every `afterTransport`,
//> in registration order. The built-in processes are delivery (patch → ceria and wound), VEGF, minoxidil,
//> ROS chemistry and vasculature (src/microenv/processes/).
//>
//> Here we add a hypothetical topical drug that shortens telogen: its own transported field, a dosing
//> schedule, and a signal through which a rule lets it act on follicles. Nothing in the engine is edited.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createMouseHooks } from '../../src/follicle/mouse/lattice.ts';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { FollicleCoupling, type ExtraSignal } from '../../src/microenv/follicleCoupling.ts';
import { viableDiffusion, type TileProcess } from '../../src/microenv/tileProcess.ts';
import { compileRules, SIGNALS, type RuleOn } from '../../src/microenv/rules.ts';
import { microenvSchema } from '../../src/microenv/schema.ts';
import { MicroenvironmentTile } from '../../src/microenv/tile.ts';
import { assembleFollicleSignals } from '../../src/parameters/assemble/signals.ts';
import { assembleSkin } from '../../src/parameters/assemble/skin.ts';
import { assembleTile } from '../../src/parameters/assemble/tile.ts';
import { layerThicknessesM, skinSchema } from '../../src/skin/schema.ts';

//> ## 1. The drug as a process
//>
//> The process owns one field, `drugX` (mol/m³), diffusing in viable tissue (not in the stratum corneum)
//> and cleared with a half-life of hours. Each application delivers a dose per skin area, absorbed at a
//> constant rate over two hours into the first viable plane. All units are SI inside.
const DRUG = {
  diffusionM2PerS: 300e-12,
  halfLifeS: 4 * 3600,
  molPerM2PerApplication: 1e-4,
  absorptionS: 2 * 3600,
};

function drugProcess(timesS: readonly number[]): TileProcess {
  return {
    name: 'drugX',
    substrates: (g) => [{ name: 'drugX', diffusionM2PerS: viableDiffusion(g, DRUG.diffusionM2PerS), decayPerS: Math.LN2 / DRUG.halfLifeS, bulkSource: true }],
    beforeTransport(f, tS, dtS) {
      const source = f.solver.sourceRate('drugX');
      source.fill(0);
      // the fraction of this step that falls inside an absorption window
      let active = 0;
      for (const t0 of timesS) active += Math.max(0, Math.min(tS + dtS, t0 + DRUG.absorptionS) - Math.max(tS, t0)) / dtS;
      if (active === 0) return;
      const g = f.grid;
      const rate = (DRUG.molPerM2PerApplication / DRUG.absorptionS / g.dxM) * active;
      const k = f.firstViablePlane;
      for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) source[v] = rate;
    },
  };
}

//> ## 2. A tile with the drug registered
//>
//> A mouse tile (one 500 µm needle pitch, 50 µm voxels), with the drug applied once a day.
function mouseTile(dosingDays: number[]): MicroenvironmentTile {
  const env = microenvSchema.parse({ voxelUm: 50 });
  return new MicroenvironmentTile({
    params: assembleTile({}),
    pitchM: 500e-6,
    voxelM: env.voxelUm * 1e-6,
    depthM: 800e-6,
    layers: layerThicknessesM(skinSchema.parse({ species: 'mouseDorsal' }), assembleSkin({}, 'mouseDorsal')),
    mechanisms: env.mechanisms,
    patch: null,
    minoxidilTimesS: [],
    minoxidilDoseFactor: 1,
    rosFactor: 1,
    couplingStepS: 3600,
    startS: 0,
    processes: [drugProcess(dosingDays.map((d) => d * 86400))],
  });
}

//> ## 3. A signal and a rule
//>
//> The follicle coupling reads the built-in signals (ROS, VEGF, wound, …) around each bulb, as averages
//> weighted by the follicle's perifollicular kernel. A drug registers its own signal, read in every voxel
//> and averaged the same way, here in µM. Its index follows the built-ins, so existing rules and
//> readouts do not move. A rule on it is data like any other rule: 10 µM gives half of a threefold faster
//> telogen exit.
const drugSignal: ExtraSignal = { name: 'drugX', read: (f, v) => f.solver.field('drugX')[v] * 1e3 };
const drugShortensTelogen: RuleOn = { signal: 'drugX', direction: 'increases', behaviour: 'activationRate', halfMax: 10, hill: 1, saturation: 3, enabled: true };

it('a registered drug is transported, dosed, and acts on follicles through its own signal', () => {
  const skin = assembleSkin({}, 'mouseDorsal');
  const activation = (dosingDays: number[]) => {
    const tile = mouseTile(dosingDays);
    //> Four telogen follicles in the unit cell, coupled with the default rules plus the drug's rule.
    const n = 4;
    const geo = {
      n,
      xM: Float64Array.from([100e-6, 350e-6, 100e-6, 350e-6]),
      yM: Float64Array.from([100e-6, 100e-6, 350e-6, 350e-6]),
      telogenDepthM: skin.telogenBulbDepthM,
      anagenDepthM: skin.anagenBulbDepthM,
      descentDays: 7,
      kernelSigmaM: skin.perifollicularSigmaM,
    };
    const signals = [...SIGNALS, drugSignal.name];
    const rules = compileRules([...DEFAULT_RULES, drugShortensTelogen], signals);
    const coupling = new FollicleCoupling(tile, geo, rules, true, assembleFollicleSignals({}), [drugSignal]);
    const view = { isAnagen: () => false, anagenAgeDays: () => 0, isCompetent: () => true };
    coupling.updateMaps(view);
    tile.spinUp(1);
    const hooks = createMouseHooks(n);
    //> A day and four hours of the coupled loop (four hours after the second dose): tile step, then signals → rules → behaviour multipliers.
    for (let h = 0; h < 28; h++) {
      tile.step(3600, 0);
      coupling.update(3600, new Float64Array(n), view, hooks);
    }
    const drugUm = coupling.signals[coupling.signalNames.indexOf('drugX')];
    return { drugUm, factor: hooks.activationRateFactor[0] };
  };
  const dosed = activation([0, 1]);
  const undosed = activation([]);
  //> The drug reaches the bulbs at µM levels and speeds telogen exit there; without dosing the rule is
  //> silent (signal 0, factor exactly as with the default table).
  assert.ok(dosed.drugUm > 0.5 && dosed.drugUm < 1000, `drug at the bulb: ${dosed.drugUm} µM`);
  assert.equal(undosed.drugUm, 0);
  assert.ok(dosed.factor > 1.05 * undosed.factor, `activation factor ${dosed.factor} vs ${undosed.factor}`);
  //> Process names are unique: registering a second 'minoxidil' would be refused.
  assert.throws(() => new MicroenvironmentTile({ ...mouseTileOptions(), processes: [{ name: 'minoxidil', substrates: () => [] }] }), /registered twice/);
});

function mouseTileOptions(): ConstructorParameters<typeof MicroenvironmentTile>[0] {
  const env = microenvSchema.parse({});
  return {
    params: assembleTile({}),
    pitchM: 500e-6,
    voxelM: 125e-6,
    depthM: 800e-6,
    layers: layerThicknessesM(skinSchema.parse({ species: 'mouseDorsal' }), assembleSkin({}, 'mouseDorsal')),
    mechanisms: env.mechanisms,
    patch: null,
    minoxidilTimesS: [],
    minoxidilDoseFactor: 1,
    rosFactor: 1,
    couplingStepS: 3600,
    startS: 0,
  };
}
