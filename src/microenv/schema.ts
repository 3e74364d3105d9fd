import { z } from 'zod';

/** Shortest operator-splitting step (hours, 36 s); the schemes are implicit, finer steps add work, not accuracy. */
export const MIN_COUPLING_STEP_H = 0.01;
/** Smallest tile voxel (µm): about one cell; the continuum fields mean nothing below it. */
export const MIN_TILE_VOXEL_UM = 5;
import { ruleSchema } from './rules.ts';
import { DEFAULT_RULES } from './defaultRules.ts';
import { mouseTile } from '../species/tile.ts';

/** Mechanism switches: every mechanism can be turned off to ask which one matters. */
export const mechanismsSchema = z
  .strictObject({
    rosProduction: z.boolean().default(true).describe('ROS production by follicle and tissue cells'),
    androgenRos: z.boolean().default(true).describe('androgen raises follicular ROS production'),
    ceriaSod: z.boolean().default(true).describe('ceria SOD-like activity'),
    ceriaCat: z.boolean().default(true).describe('ceria catalase-like activity'),
    injuryAngiogenesis: z.boolean().default(true).describe('needle-track wound signal drives VEGF'),
    injuryActivation: z.boolean().default(true).describe('wound signal acts on follicles through the rules (e.g. p-S6)'),
    minoxidilVegf: z.boolean().default(true).describe('minoxidil raises VEGF production'),
    hypoxiaVegf: z.boolean().default(true).describe('perfusion deficit raises VEGF production'),
    androgenVegf: z.boolean().default(true).describe('androgen lowers VEGF production'),
    rosVesselInhibition: z.boolean().default(true).describe('ROS above baseline lowers the vessel target'),
  })
  .prefault({});

/** Schema of the microenvironment section: tile numerics, mechanism switches, behaviour rules. */
export const microenvObjectSchema = z.strictObject({
  couplingStepH: z
    .number()
    .min(MIN_COUPLING_STEP_H)
    .max(24)
    .default(mouseTile.couplingStepH.value)
    .describe('operator-splitting step of transport, chemistry and vessels (hours, 0.01 to 24: every scheme is stable at any step; at most the run, and in a mouse study a divisor of the lattice step)'),
  voxelUm: z.number().min(MIN_TILE_VOXEL_UM).max(500).default(mouseTile.voxelUm.value).describe('voxel edge of the periodic unit-cell tile (µm, 5 to 500: below a cell size the continuum model does not hold); 62.5 gives 8 x 8 voxels per 500 µm pitch'),
  transportScheme: z
    .enum(['modal', 'lod'])
    .default('modal')
    .describe("transport step: 'modal' advances the 3-D diffusion-decay system exactly by lateral cosine modes (no splitting; exact in time for sources constant over a step; steady states independent of the step), 'lod' is implicit Euler split into x, y and z sweeps"),
  chemistryScheme: z
    .enum(['backward-euler', 'tr-bdf2'])
    .default('backward-euler')
    .describe('L-stable scheme of the per-voxel ROS chemistry (first order matches the first-order splitting)'),
  depthUm: z.number().min(100).max(10000).default(mouseTile.depthUm.value).describe('depth of the tile (µm, 100 to 10000: it must reach below the bulbs)'),
  mechanisms: mechanismsSchema,
  rules: z.array(ruleSchema).default(DEFAULT_RULES).describe('behaviour rules (PhysiCell-style): signal, direction, behaviour, halfMax, hill, saturation'),
});

/** The section with every default filled in when it is omitted. */
export const microenvSchema = microenvObjectSchema.prefault({});

export type MicroenvConfig = z.output<typeof microenvSchema>;
export type Mechanisms = z.output<typeof mechanismsSchema>;
