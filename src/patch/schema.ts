import { z } from 'zod';
import { microneedlePatch as P } from '../species/skin.ts';

/** Schema of a microneedle patch: geometry, insertion, matrix, cargo, injury and schedule (scenario units). */
export const patchObjectSchema = z
  .strictObject({
    rows: z.number().int().min(1).max(1000).default(10).describe('needle rows'),
    columns: z.number().int().min(1).max(1000).default(10).describe('needle columns'),
    pitchUm: z.number().min(10).max(10000).default(P.pitchUm.value).describe('centre-to-centre spacing (µm)'),
    needleHeightUm: z.number().min(10).max(5000).default(P.needleHeightUm.value).describe('needle height (µm)'),
    baseDiameterUm: z.number().min(1).max(5000).default(P.baseDiameterUm.value).describe('base diameter of a cone, or base side of a pyramid (µm)'),
    shape: z.enum(['cone', 'pyramid']).default('cone').describe('needle shape'),
    insertion: z
      .strictObject({
        fraction: z.number().min(0).max(1).optional().describe('inserted fraction of the height (0-1); when absent it follows from forcePerNeedleN'),
        forcePerNeedleN: z.number().min(1e-4).max(10).default(P.applicationForcePerNeedleN.value).describe('applied force per needle (N)'),
        skinStiffnessRelative: z.number().min(0.01).max(100).default(1).describe('skin stiffness relative to the reference skin (1 = reference)'),
      })
      .prefault({}),
    matrix: z
      .strictObject({
        material: z.literal('hyaluronicAcid').default('hyaluronicAcid'),
        dissolutionHalfTimeMin: z.number().min(0.01).max(100000).default(P.dissolutionHalfTimeMin.value).describe('half-time of matrix dissolution in skin (min)'),
        wearTimeMin: z.number().min(0.01).max(100000).default(30).describe('time until the backing is removed (min); cargo above the skin leaves with it'),
        detachable: z
          .boolean()
          .default(true)
          .describe('needles separate from the backing (PVP-K90 in the study) and finish dissolving in the skin; if false, the undissolved inserted matrix leaves with the backing at wearTimeMin'),
      })
      .prefault({}),
    cargo: z
      .strictObject({
        substance: z.enum(['ceria', 'none', 'minoxidil']).default('ceria').describe("cargo; 'none' is an empty (blank) patch"),
        massPerNeedleNg: z.number().min(0).max(1e7).default(P.ceriaPerNeedleNg.value).describe('cargo loaded per needle (ng)'),
        loading: z.enum(['uniform', 'tip']).default('uniform').describe('uniform in the needle body, or concentrated in the tip'),
        tipFraction: z.number().min(0.01).max(1).default(0.3).describe("for loading 'tip': loaded length as a fraction of the height"),
      })
      .prefault({}),
    injury: z
      .strictObject({
        enabled: z.boolean().default(true).describe('needle tracks emit a wound signal'),
        peakDays: z.number().min(0.01).max(60).default(P.woundPeakDays.value).describe('time of peak wound-signal emission after application (days)'),
      })
      .prefault({}),
    schedule: z
      .strictObject({
        days: z.array(z.number().min(0).max(36525)).min(1).max(1000).default([0]).describe('application days (days from the start, within the run)'),
        positions: z
          .enum(['same', 'rotate', 'given'])
          .default('same')
          .describe("'same' site every time; 'rotate' shifts odd applications by half a pitch diagonally; 'given' uses offsetsUm"),
        offsetsUm: z
          .array(z.strictObject({ x: z.number().min(-1e5).max(1e5).describe('shift along x (µm, |x| <= 1e5)'), y: z.number().min(-1e5).max(1e5).describe('shift along y (µm, |y| <= 1e5)') }))
          .optional()
          .describe("with positions 'given': the array's shift for each application, one per entry of days (µm)"),
      })
      .superRefine((sch, ctx) => {
        if (sch.positions === 'given' && sch.offsetsUm?.length !== sch.days.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['offsetsUm'],
            input: sch.offsetsUm,
            message: `positions 'given' needs one offset per application: ${sch.days.length} expected, ${sch.offsetsUm?.length ?? 0} given`,
          });
        }
      })
      .prefault({}),
  });

/** The patch section with every default filled in when the section is omitted. */
export const patchSchema = patchObjectSchema.prefault({});

export type PatchConfig = z.output<typeof patchSchema>;
