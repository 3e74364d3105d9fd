import { microenvSchema } from '../../src/microenv/schema.ts';
import { MicroenvironmentTile } from '../../src/microenv/tile.ts';
import { patchSchema } from '../../src/patch/schema.ts';
import { assembleSkin } from '../../src/parameters/assemble/skin.ts';
import { assembleTile } from '../../src/parameters/assemble/tile.ts';
import { layerThicknessesM, skinSchema } from '../../src/skin/schema.ts';

/** A mouse tile with follicles at telogen depth in every column; options override mechanisms and treatment. */
export function testTile(opts: {
  patch?: Record<string, unknown> | null;
  mechanisms?: Record<string, boolean>;
  couplingStepH?: number;
  minoxidilDays?: number[];
  voxelUm?: number;
}): MicroenvironmentTile {
  const env = microenvSchema.parse({ mechanisms: opts.mechanisms ?? {}, voxelUm: opts.voxelUm ?? 50 });
  const skin = skinSchema.parse({ species: 'mouseDorsal' });
  const tile = new MicroenvironmentTile({
    params: assembleTile({}),
    pitchM: 500e-6,
    voxelM: env.voxelUm * 1e-6,
    depthM: 800e-6,
    layers: layerThicknessesM(skin, assembleSkin({}, 'mouseDorsal')),
    mechanisms: env.mechanisms,
    patch: opts.patch === null || opts.patch === undefined ? null : patchSchema.parse(opts.patch),
    minoxidilTimesS: (opts.minoxidilDays ?? []).map((d) => d * 86400),
    minoxidilDoseFactor: 1,
    rosFactor: 1,
    couplingStepS: (opts.couplingStepH ?? 1) * 3600,
    startS: 0,
  });
  const g = tile.grid;
  const tel = new Float64Array(g.voxelCount);
  const k = Math.floor(150e-6 / g.dxM);
  for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) tel[v] = 1;
  tile.setFollicleMaps(tel, new Float64Array(g.voxelCount));
  tile.spinUp(2);
  return tile;
}

/** Mean of a per-voxel quantity over the follicle (bulb) plane. */
export function bulbPlaneMean(tile: MicroenvironmentTile, values: ArrayLike<number>, stride = 1, offset = 0): number {
  const g = tile.grid;
  const k = Math.floor(150e-6 / g.dxM);
  let s = 0;
  for (let v = k * g.planeSize; v < (k + 1) * g.planeSize; v++) s += values[stride * v + offset];
  return s / g.planeSize;
}
