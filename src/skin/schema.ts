import { z } from 'zod';
import { humanScalpSkin, mouseDorsalSkin } from '../species/skin.ts';

/** Layer thickness overrides (µm); absent values take the species defaults. */
const layersSchema = z
  .strictObject({
    stratumCorneumUm: z.number().min(1).max(1000).optional().describe('stratum corneum thickness (µm)'),
    epidermisUm: z.number().min(1).max(2000).optional().describe('viable epidermis thickness (µm)'),
    dermisUm: z.number().min(1).max(10000).optional().describe('dermis thickness (µm)'),
    hypodermisUm: z.number().min(1).max(20000).optional().describe('hypodermis thickness (µm); the grid bottom closes it'),
  })
  .prefault({});

/** Schema of the simulated skin window: species, layers, grid, and the follicles in it. */
export const skinSchema = z
  .strictObject({
    species: z.enum(['mouseDorsal', 'humanScalp']).default('mouseDorsal').describe('which skin'),
    layers: layersSchema,
    windowUm: z
      .strictObject({
        x: z.number().min(10).max(20000).default(2500).describe('window width along x (µm, 10 to 20000)'),
        y: z.number().min(10).max(20000).default(2500).describe('window width along y (µm, 10 to 20000)'),
        depth: z.number().min(10).max(20000).default(1000).describe('window depth below the surface (µm, 10 to 20000)'),
      })
      .prefault({}),
    voxelUm: z.number().min(1).max(1000).default(25).describe('voxel edge (µm, 1 to 1000: below 1 µm the continuum model does not hold; the voxel count is checked against the window)'),
    follicles: z
      .strictObject({
        densityPerMm2: z.number().min(0).max(1000).default(10).describe('follicle density (per mm²)'),
        anagenFraction: z.number().min(0).max(1).default(0).describe('fraction of follicles in anagen (deep bulbs); the rest are telogen'),
        perifollicularRadiusUm: z.number().min(1).max(5000).default(100).describe('radius around each bulb counted as perifollicular (µm)'),
      })
      .prefault({}),
  })
  .prefault({});

export type SkinConfig = z.output<typeof skinSchema>;

/** Layer thicknesses (m) of a skin config, defaults from the species parameter set. */
export function layerThicknessesM(cfg: SkinConfig): { name: string; thicknessM: number }[] {
  const d = cfg.species === 'mouseDorsal' ? mouseDorsalSkin : humanScalpSkin;
  const l = cfg.layers;
  return [
    { name: 'stratumCorneum', thicknessM: (l.stratumCorneumUm ?? d.stratumCorneumUm.value) * 1e-6 },
    { name: 'epidermis', thicknessM: (l.epidermisUm ?? d.epidermisUm.value) * 1e-6 },
    { name: 'dermis', thicknessM: (l.dermisUm ?? d.dermisUm.value) * 1e-6 },
    { name: 'hypodermis', thicknessM: (l.hypodermisUm ?? d.hypodermisUm.value) * 1e-6 },
  ];
}

/** Bulb depths (m) of telogen and anagen follicles for the species. */
export function bulbDepthsM(cfg: SkinConfig): { telogenM: number; anagenM: number } {
  const d = cfg.species === 'mouseDorsal' ? mouseDorsalSkin : humanScalpSkin;
  return { telogenM: d.telogenBulbDepthUm.value * 1e-6, anagenM: d.anagenBulbDepthUm.value * 1e-6 };
}
