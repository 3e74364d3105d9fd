import { z } from 'zod';
import { patchSchema } from '../patch/schema.ts';
import { skinSchema } from '../skin/schema.ts';

/** Sections of a patch-delivery scenario besides the common fields. */
export const deliverySections = {
  skin: skinSchema,
  patch: patchSchema,
  transport: z
    .strictObject({
      dtS: z.number().positive().max(86400).default(600).describe('transport time step (s); the scheme is implicit and stable for any step'),
      clearance: z.boolean().default(true).describe('lymphatic clearance of particles (switch off to check mass balance)'),
      deepFace: z
        .enum(['noFlux', 'sink'])
        .default('noFlux')
        .describe("deep face of the window: 'noFlux' (particles do not cross into muscle; the default) or 'sink' (held at 0, e.g. a well-perfused bed below)"),
    })
    .prefault({}),
  snapshots: z
    .strictObject({
      hours: z.array(z.number().min(0)).default([1, 24, 72]).describe('times of the concentration maps and depth profiles (hours)'),
      planeDepthUm: z.number().min(0).default(150).describe('depth of the horizontal (x-y) map (µm)'),
    })
    .prefault({}),
};
