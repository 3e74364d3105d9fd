import assert from 'node:assert/strict';
import { it } from 'node:test';
import { microenvSchema } from '../../src/microenv/schema.ts';
import { FollicleSheet } from '../../src/microenv/perifollicularKernel.ts';
import { MicroenvironmentTile } from '../../src/microenv/tile.ts';
import { patchSchema } from '../../src/patch/schema.ts';
import { assembleSkin } from '../../src/parameters/assemble/skin.ts';
import { assembleTile } from '../../src/parameters/assemble/tile.ts';
import { layerThicknessesM, skinSchema, bulbDepthsM } from '../../src/skin/schema.ts';

const HUMAN_SKIN = assembleSkin({}, 'humanScalp');
import { rosChemistry as R } from '../../src/species/microenv.ts';

/** One anagen follicle per unit cell at the human anagen depth, laterally uniform. */
const bulbs = (t: MicroenvironmentTile) => new FollicleSheet(t.grid, t.firstViablePlane, bulbDepthsM(HUMAN_SKIN).anagenM, HUMAN_SKIN.perifollicularSigmaM);

/** The microenvironment is species-agnostic: the same tile runs on human scalp skin (thicker layers, deeper bulbs). */
function humanTile(patch: boolean): MicroenvironmentTile {
  const skin = skinSchema.parse({ species: 'humanScalp' });
  const env = microenvSchema.parse({ voxelUm: 125, depthUm: 4000 });
  const tile = new MicroenvironmentTile({
    params: assembleTile({}),
    pitchM: 500e-6,
    voxelM: env.voxelUm * 1e-6,
    depthM: env.depthUm * 1e-6,
    layers: layerThicknessesM(skin, HUMAN_SKIN),
    mechanisms: env.mechanisms,
    patch: patch ? patchSchema.parse({ needleHeightUm: 1500, baseDiameterUm: 500, cargo: { massPerNeedleNg: 100 } }) : null,
    minoxidilTimesS: [],
    minoxidilDoseFactor: 1,
    rosFactor: 1,
    couplingStepS: 3600,
    startS: 0,
  });
  const g = tile.grid;
  const ana = new Float64Array(g.voxelCount);
  bulbs(tile).deposit(1, ana);
  tile.setFollicleDensities(new Float64Array(g.voxelCount), ana);
  tile.spinUp(2);
  return tile;
}

it('human scalp tile: AGA raises ROS at the (deep) anagen bulbs; a long-needle ceria patch lowers it', () => {
  const bulbRos = (t: MicroenvironmentTile) => bulbs(t).average(t.chem, 3, 1) / R.h2o2BaselineMolPerM3.value;
  const run = (t: MicroenvironmentTile, days: number, dht: number) => {
    for (let h = 0; h < days * 24; h++) t.step(3600, dht);
    return t;
  };
  const healthy = run(humanTile(false), 2, 0);
  const aga = run(humanTile(false), 2, 1);
  assert.ok(Math.abs(bulbRos(healthy) - 1) < 0.1, `healthy ${bulbRos(healthy)}`);
  assert.ok(bulbRos(aga) > 1.5, `AGA ${bulbRos(aga)}`);
  // 1.5 mm needles inserted to 0.9 mm deposit ceria far above 3.5 mm-deep bulbs: it must reach them by diffusion
  const treated = run(humanTile(true), 2, 1);
  // it does, but weakly (about −10 % after 2 days here, against about −80 % at the shallow mouse bulbs)
  assert.ok(bulbRos(treated) < 0.97 * bulbRos(aga), `treated ${bulbRos(treated)} vs ${bulbRos(aga)}`);
  assert.ok(bulbRos(treated) > 0.5 * bulbRos(aga), 'depth limits the human effect');
});

it('human scalp run: per-region microenvironment readouts follow the androgen pattern', async () => {
  const { validateScenario } = await import('../../src/scenario/index.ts');
  const { runHumanScalpTask } = await import('../../src/tasks/humanScalpRun.ts');
  const r = validateScenario({
    model: 'humanScalp',
    durationDays: 365,
    scalp: { regions: { frontal: { areaCm2: 1 }, midScalp: { areaCm2: 1 }, vertex: { areaCm2: 1 }, occipital: { areaCm2: 1 } } },
    microenvironment: { enabled: true },
  });
  if (!r.ok || r.value.model !== 'humanScalp') throw new Error('invalid');
  type Env = { rosIndex: number; damage: number; perfusion: number; pS6: number };
  const regions = (runHumanScalpTask(r.value, { seed: 1 }).summary as { regions: Record<string, { microenvironment: Env }> }).regions;
  const env = (id: string) => regions[id].microenvironment;
  assert.ok(Math.abs(env('occipital').rosIndex - 1) < 0.05, 'androgen-insensitive occipital scalp stays at the reference ROS');
  assert.ok(env('vertex').rosIndex > env('midScalp').rosIndex && env('midScalp').rosIndex > env('occipital').rosIndex);
  assert.ok(env('vertex').damage > env('occipital').damage);
  assert.ok(env('vertex').perfusion < env('occipital').perfusion);
  assert.ok(env('vertex').pS6 < env('occipital').pS6);
});
