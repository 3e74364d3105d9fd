import { z } from 'zod';
import { armEndpointIds } from '../experiment/endpointRegistry.ts';
import { mouseSkinSchema } from '../follicle/mouse/schema.ts';
import { microenvSchema } from '../microenv/schema.ts';
import { patchObjectSchema } from '../patch/schema.ts';
import { studyParameters as SP } from '../species/study.ts';

/** Default compare days and photo days; when left at the default they are cut to the run's length. */
export const DEFAULT_COMPARE_DAYS: readonly number[] = [14, 21];
export const DEFAULT_PHOTO_DAYS: readonly number[] = [0, 7, 14, 21, 28, 35];

/** One arm of an animal study: androgen exposure and treatments. */
export const armSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be letters, digits, _ or -, starting with a letter').describe('arm id used in outputs'),
    label: z.string().max(200).optional().describe('display name (default: the id)'),
    androgenLevel: z.number().min(0).max(10).default(1).describe('daily androgen (testosterone/DHT) level relative to the AGA model dose (0 = normal mouse)'),
    minoxidil: z
      .strictObject({
        timesPerDay: z.number().int().min(1).max(6).default(2).describe('topical applications per day'),
        startDay: z.number().min(0).max(36525).default(0).describe('first application day (0 to 36525)'),
        endDay: z.number().min(0).max(36525).default(35).describe('applications stop before this day (0 to 36525)'),
        doseFactor: z.number().positive().max(100).default(1).describe('absorbed dose relative to 100 µL of 5 % solution'),
      })
      .optional()
      .describe('topical minoxidil 5 % regimen'),
    patch: patchObjectSchema.optional().describe('microneedle patch regimen (cargo, geometry, schedule)'),
  });

export type ArmConfig = z.output<typeof armSchema>;

/** Sections of a mouse-study scenario besides the common fields. */
export const mouseStudySections = {
  animals: z
    .strictObject({
      perArm: z.number().int().min(1).max(1000).default(8).describe('mice per arm'),
      rosCv: z.number().min(0).max(2).default(SP.rosCv.value).describe('between-mouse CV of ROS production (lognormal multiplier)'),
      minoxidilAbsorptionCv: z.number().min(0).max(2).default(SP.minoxidilAbsorptionCv.value).describe('between-mouse CV of absorbed minoxidil'),
    })
    .prefault({}),
  design: z
    .strictObject({
      allocation: z
        .enum(['independent', 'shared'])
        .default('independent')
        .describe("how mice are allocated to arms: 'independent' (each arm its own mice, as in a real study) or 'shared' (every arm the same virtual mice: common random numbers)"),
    })
    .prefault({})
    .describe('experiment design'),
  skin: mouseSkinSchema,
  microenvironment: microenvSchema,
  arms: z
    .array(armSchema)
    .min(1)
    .max(50)
    .superRefine((arms, ctx) => {
      const seen = new Set<string>();
      arms.forEach((a, i) => {
        if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], input: a.id, message: `duplicate arm id '${a.id}'` });
        seen.add(a.id);
      });
    })
    .describe('study arms'),
  endpoints: z
    .strictObject({
      coverageThreshold: z.number().min(0).max(1).default(0.5).describe('coverage fraction for the "days to" endpoint (0-1)'),
      compareDays: z.array(z.number().min(0).max(36525)).max(1000).default([...DEFAULT_COMPARE_DAYS]).describe('days at which arms are compared by t-tests'),
      reference: z.string().default('agaControl').describe('arm every other arm is compared with'),
      additional: z
        .array(z.string())
        .max(50)
        .default([])
        .describe('ids of optional registered endpoints to compute per arm (e.g. daysToSkinDarkening, peakRosIndex)')
        .superRefine((ids, ctx) => {
          const known = armEndpointIds('mouseStudy');
          ids.forEach((id, i) => {
            if (!known.includes(id)) ctx.addIssue({ code: 'custom', path: [i], input: id, message: `unknown endpoint '${id}' (registered: ${known.join(', ') || 'none'})` });
          });
        }),
    })
    .prefault({}),
  photos: z
    .strictObject({
      days: z.array(z.number().min(0).max(36525)).max(1000).default([...DEFAULT_PHOTO_DAYS]).describe('days of the rendered photos of the back (within the run)'),
      widthPx: z.number().int().min(16).max(1024).default(120).describe('photo width (pixels)'),
      heightPx: z.number().int().min(16).max(1024).default(90).describe('photo height (pixels)'),
    })
    .prefault({}),
};
