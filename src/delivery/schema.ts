import { z } from 'zod';
import { patchSchema } from '../patch/schema.ts';
import { skinSchema } from '../skin/schema.ts';

/** Sections of a patch-delivery scenario besides the common fields. */
export const deliverySections = {
  skin: skinSchema,
  patch: patchSchema,
  transport: z
    .strictObject({
      dtS: z
        .number()
        .min(1)
        .max(86400)
        .default(600)
        .describe('transport time step (s, 1 to 86400 and at most the run: the scheme is implicit and stable for any step, so below 1 s only the work grows)'),
      clearance: z.boolean().default(true).describe('lymphatic clearance of particles (switch off to check mass balance)'),
      deepFace: z
        .enum(['noFlux', 'sink'])
        .default('noFlux')
        .describe("deep face of the window: 'noFlux' (particles do not cross into muscle; the default) or 'sink' (held at 0, e.g. a well-perfused bed below)"),
    })
    .prefault({}),
  snapshots: z
    .strictObject({
      hours: z.array(z.number().min(0).max(876600)).max(1000).default([1, 24, 72]).describe('times of the concentration maps and depth profiles (hours, within the run)'),
      planeDepthUm: z.number().min(0).max(20000).default(150).describe('depth of the horizontal (x-y) map (µm, within the window depth)'),
    })
    .prefault({}),
};
