/**
 * Scenario schema of the transport module (units in key names; converted to SI once by `resolveTransport`).
 * Concentrations are in "amount/m³", where amount is whatever unit the scenario counts (mol, kg,
 * particles); rates of point sources are in amount/s.
 */
import { z } from 'zod';
import { createTransportGrid, FACES, perLayer } from './grid.ts';
import type { Face, TransportGrid } from './grid.ts';
import type { SubstrateSpec } from './solver.ts';

const M_PER_UM = 1e-6;
const M2_PER_UM2 = 1e-12;

/** Schema of the grid: voxel counts, voxel edge (µm) and named depth layers. */
export const transportGridSchema = z
  .strictObject({
    nx: z.number().int().min(1).max(2000).default(50).describe('voxels along x (along the surface; integer 1-2000)'),
    ny: z.number().int().min(1).max(2000).default(50).describe('voxels along y (along the surface; integer 1-2000)'),
    nz: z.number().int().min(1).max(2000).default(100).describe('voxels along z (depth, downward from the skin surface; integer 1-2000)'),
    spacingUm: z.number().positive().max(1e4).default(10).describe('voxel edge length (µm, > 0); the same along x, y and z'),
    layers: z
      .array(
        z.strictObject({
          name: z.string().min(1).describe('layer name, e.g. epidermis, dermis, hypodermis'),
          thicknessUm: z.number().positive().describe('layer thickness (µm, > 0); the last layer extends to the grid bottom'),
        }),
      )
      .default([])
      .describe('tissue layers from the surface down; a voxel belongs to the layer containing its centre (empty: one layer named "tissue")'),
  })
  .prefault({})
  .describe('Cartesian voxel grid of the dermal transport solver');

const boundarySchema = z
  .union([
    z.literal('noFlux'),
    z.strictObject({
      dirichlet: z.number().min(0).describe('fixed concentration at the face (amount/m³, >= 0)'),
    }),
  ])
  .default('noFlux')
  .describe('"noFlux" (sealed face) or { dirichlet: value } (face held at a concentration, e.g. a blood sink of 0)');

const perLayerNumber = (what: string, unit: string, dflt: number) =>
  z
    .union([z.number().min(0), z.record(z.string(), z.number().min(0))])
    .default(dflt)
    .describe(`${what} (${unit}, >= 0): one value, or one per layer name { layerName: value }`);

/** Schema of one substrate (diffusing species). */
export const substrateSchema = z
  .strictObject({
    name: z.string().min(1).describe('unique substrate name, e.g. nanoceria, h2o2'),
    diffusionUm2PerS: perLayerNumber('diffusion coefficient', 'µm²/s', 100),
    decayPerS: perLayerNumber('first-order decay/clearance rate', '1/s', 0),
    initial: z.number().min(0).default(0).describe('initial uniform concentration (amount/m³, >= 0)'),
    boundaries: z
      .strictObject({
        xMin: boundarySchema,
        xMax: boundarySchema,
        yMin: boundarySchema,
        yMax: boundarySchema,
        zMin: boundarySchema.describe('skin surface face: "noFlux" or { dirichlet: amount/m³ }'),
        zMax: boundarySchema.describe('deep (blood-side) face: "noFlux" or { dirichlet: amount/m³ }, e.g. { dirichlet: 0 } as a perfect sink'),
      })
      .prefault({})
      .describe('boundary condition per face of the box'),
    pointSources: z
      .array(
        z.strictObject({
          xUm: z.number().min(0).describe('position along x (µm from the grid corner)'),
          yUm: z.number().min(0).describe('position along y (µm from the grid corner)'),
          depthUm: z.number().min(0).describe('depth below the skin surface (µm)'),
          ratePerS: z.number().min(0).describe('release rate (amount/s, >= 0)'),
        }),
      )
      .default([])
      .describe('constant point sources (each spread over the voxel containing it)'),
    bulkSource: z.boolean().default(false).describe('allocate a per-voxel source-rate array (amount/m³/s) for other modules to fill'),
    bulkUptake: z.boolean().default(false).describe('allocate a per-voxel uptake-rate array (1/s) for other modules to fill'),
  })
  .describe('a diffusing substrate');

/** Schema of the transport section: grid, time step and substrates. */
export const transportSchema = z
  .strictObject({
    grid: transportGridSchema,
    dtS: z.number().positive().max(86400).default(0.6).describe('diffusion time step (s, > 0); the scheme is stable for any step, accuracy is first order in dt'),
    substrates: z.array(substrateSchema).default([]).describe('diffusing substrates'),
  })
  .prefault({})
  .describe('dermal reaction-diffusion transport');

export type TransportGridConfig = z.output<typeof transportGridSchema>;
export type SubstrateConfig = z.output<typeof substrateSchema>;
export type TransportConfig = z.output<typeof transportSchema>;

/** Builds the SI grid from a parsed grid config. */
export function resolveGrid(config: TransportGridConfig): TransportGrid {
  return createTransportGrid({
    nx: config.nx,
    ny: config.ny,
    nz: config.nz,
    dxM: config.spacingUm * M_PER_UM,
    layers: config.layers.map((l) => ({ name: l.name, thicknessM: l.thicknessUm * M_PER_UM })),
  });
}

/** Converts a parsed substrate config to an SI SubstrateSpec on `grid` (µm → m, µm²/s → m²/s, per-layer → per-plane). */
export function resolveSubstrate(config: SubstrateConfig, grid: TransportGrid): SubstrateSpec {
  const dUm2 = perLayer(grid, config.diffusionUm2PerS, `${config.name}.diffusionUm2PerS`);
  const diffusion = dUm2.map((v) => v * M2_PER_UM2);
  const decay = perLayer(grid, config.decayPerS, `${config.name}.decayPerS`);
  const dirichlet: Partial<Record<Face, number>> = {};
  for (const face of FACES) {
    const b = config.boundaries[face];
    if (b !== 'noFlux') dirichlet[face] = b.dirichlet;
  }
  return {
    name: config.name,
    diffusionM2PerS: diffusion,
    decayPerS: decay,
    initial: config.initial,
    dirichlet,
    bulkSource: config.bulkSource,
    bulkUptake: config.bulkUptake,
    pointSources: config.pointSources.map((p) => ({
      xM: p.xUm * M_PER_UM,
      yM: p.yUm * M_PER_UM,
      zM: p.depthUm * M_PER_UM,
      rate: p.ratePerS,
    })),
  };
}

/** Converts a parsed transport config to the arguments of `createSolver(grid, substrates, dtS)`. */
export function resolveTransport(config: TransportConfig): { grid: TransportGrid; substrates: SubstrateSpec[]; dtS: number } {
  const grid = resolveGrid(config.grid);
  const names = new Set<string>();
  for (const s of config.substrates) {
    if (names.has(s.name)) throw new RangeError(`duplicate substrate name '${s.name}'`);
    names.add(s.name);
  }
  return { grid, substrates: config.substrates.map((s) => resolveSubstrate(s, grid)), dtS: config.dtS };
}
