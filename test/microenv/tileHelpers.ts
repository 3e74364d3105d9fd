import { microenvSchema } from '../../src/microenv/schema.ts';
import { FollicleSheet } from '../../src/microenv/perifollicularKernel.ts';
import { MicroenvironmentTile } from '../../src/microenv/tile.ts';
import { patchSchema } from '../../src/patch/schema.ts';
import { assembleSkin } from '../../src/parameters/assemble/skin.ts';
import { assembleTile } from '../../src/parameters/assemble/tile.ts';
import { layerThicknessesM, skinSchema } from '../../src/skin/schema.ts';

const BULB_DEPTH_M = 150e-6;

/** A mouse tile with follicles at telogen depth in every column; options override mechanisms and treatment. */
export function testTile(opts: {
  patch?: Record<string, unknown> | null;
  mechanisms?: Record<string, boolean>;
  couplingStepH?: number;
  /** Transport scheme (default 'lod', the tile's own default). */
  transportScheme?: 'lod' | 'modal';
  minoxidilDays?: number[];
  voxelUm?: number;
  /** Parameter values by dotted path (e.g. 'minoxidil.concentrationMgPerMl'). */
  values?: Record<string, number>;
}): MicroenvironmentTile {
  const env = microenvSchema.parse({ mechanisms: opts.mechanisms ?? {}, voxelUm: opts.voxelUm ?? 50 });
  const skin = skinSchema.parse({ species: 'mouseDorsal' });
  const tile = new MicroenvironmentTile({
    params: assembleTile(opts.values ?? {}),
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
    transportScheme: opts.transportScheme,
    startS: 0,
  });
  const g = tile.grid;
  const tel = new Float64Array(g.voxelCount);
  sheet(tile).deposit(1, tel);
  tile.setFollicleDensities(tel, new Float64Array(g.voxelCount));
  tile.spinUp(2);
  return tile;
}

/** The test tile's follicles: a laterally uniform sheet of telogen bulbs at 150 µm, spread by the default kernel. */
function sheet(tile: MicroenvironmentTile): FollicleSheet {
  return new FollicleSheet(tile.grid, tile.firstViablePlane, BULB_DEPTH_M, assembleSkin({}, 'mouseDorsal').perifollicularSigmaM);
}

/** Kernel-weighted mean of a per-voxel quantity around the test tile's follicles (the bulb readout). */
export function bulbPlaneMean(tile: MicroenvironmentTile, values: ArrayLike<number>, stride = 1, offset = 0): number {
  return sheet(tile).average(values, stride, offset);
}
