import { z } from 'zod';

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

/** A species' skin in SI units: default layer thicknesses and bulb depths (m), from the parameter values. */
export interface SkinParams {
  layersM: Readonly<Record<'stratumCorneum' | 'epidermis' | 'dermis' | 'hypodermis', number>>;
  telogenBulbDepthM: number;
  anagenBulbDepthM: number;
  /** Width σ (m) of the Gaussian perifollicular kernel (production and sensing around a bulb). */
  perifollicularSigmaM: number;
  /** Largest random shift of a placed follicle from its lattice site (fraction of the spacing, ±). */
  follicleJitterFraction: number;
}

/** Layer thicknesses (m) of a skin config; absent layers take the species defaults in `p`. */
export function layerThicknessesM(cfg: SkinConfig, p: SkinParams): { name: string; thicknessM: number }[] {
  const l = cfg.layers;
  const um = (x: number | undefined, fallbackM: number) => (x === undefined ? fallbackM : x * 1e-6);
  return [
    { name: 'stratumCorneum', thicknessM: um(l.stratumCorneumUm, p.layersM.stratumCorneum) },
    { name: 'epidermis', thicknessM: um(l.epidermisUm, p.layersM.epidermis) },
    { name: 'dermis', thicknessM: um(l.dermisUm, p.layersM.dermis) },
    { name: 'hypodermis', thicknessM: um(l.hypodermisUm, p.layersM.hypodermis) },
  ];
}

/** Bulb depths (m) of telogen and anagen follicles. */
export function bulbDepthsM(p: SkinParams): { telogenM: number; anagenM: number } {
  return { telogenM: p.telogenBulbDepthM, anagenM: p.anagenBulbDepthM };
}
