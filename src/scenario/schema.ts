import { z } from 'zod';
import { commonScenarioFields, recordSchema } from '../core/scenario/common.ts';
import { deliverySections } from '../delivery/schema.ts';
import { humanScalpSchema } from '../follicle/human/schema.ts';
import { microenvObjectSchema, MIN_COUPLING_STEP_H, MIN_TILE_VOXEL_UM } from '../microenv/schema.ts';
import { humanCrossChecks, mouseCrossChecks, patchCrossChecks } from './crossChecks.ts';
import { humanTile } from '../species/tile.ts';
import { mouseStudySections } from '../study/schema.ts';
import { trialSchema } from '../trial/schema.ts';

/** Cross-field check shared by every model: the sampling interval fits in the run. */
function recordWithinDuration(s: { durationDays: number; record: { everyDays: number } }, ctx: z.RefinementCtx): void {
  if (s.durationDays > 0 && s.record.everyDays > s.durationDays) {
    ctx.addIssue({ code: 'custom', path: ['record', 'everyDays'], input: s.record.everyDays, message: `must be <= durationDays (${s.durationDays})` });
  }
}

/**
 * The scenario file schema, composed from each module's own schema (Morpheus-style): the `model` key
 * selects which model sections are allowed.
 */
export const humanScenarioSchema = z
  .strictObject({
    ...commonScenarioFields,
    model: z.literal('humanScalp').describe('human scalp: independent follicular mosaic (Halloy automaton) with AGA'),
    record: recordSchema(30),
    scalp: humanScalpSchema,
    microenvironment: microenvObjectSchema
      .extend({
        enabled: z.boolean().default(false).describe('compute the steady perifollicular microenvironment of each region (readouts; no feedback on the automaton)'),
        voxelUm: z.number().min(MIN_TILE_VOXEL_UM).max(1000).default(humanTile.voxelUm.value).describe('voxel edge of the human scalp tile (µm, 5 to 1000)'),
        depthUm: z.number().min(100).max(20000).default(humanTile.depthUm.value).describe('depth of the human scalp tile (µm, 100 to 20000), below the anagen bulbs'),
        couplingStepH: z.number().min(MIN_COUPLING_STEP_H).max(24).default(6).describe('operator-splitting step (hours, 0.01 to 24); the readouts are steady states'),
        transportScheme: z
          .enum(['modal', 'lod'])
          .default('lod')
          .describe("transport step of the region tiles: 'lod' (default, as the trial calibration) or 'modal' (exact by lateral cosine modes)"),
      })
      .prefault({})
      .describe('perifollicular microenvironment per region (ROS, damage, vessels, VEGF, p-S6)'),
  })
  .superRefine(recordWithinDuration)
  .superRefine(humanCrossChecks);

export const patchDeliveryScenarioSchema = z
  .strictObject({
  ...commonScenarioFields,
  model: z.literal('patchDelivery').describe('microneedle patch into a skin window: dissolution, release, transport, wound signal'),
  record: recordSchema(1 / 24),
  ...deliverySections,
  })
  .superRefine(recordWithinDuration)
  .superRefine(patchCrossChecks);

export const mouseStudyScenarioSchema = z
  .strictObject({
  ...commonScenarioFields,
  model: z.literal('mouseStudy').describe('AGA mouse study in silico: arms of mice, follicle lattice + microenvironment per mouse'),
  record: recordSchema(1),
  ...mouseStudySections,
  })
  .superRefine(recordWithinDuration)
  .superRefine(mouseCrossChecks);

export const scenarioSchema = z.discriminatedUnion('model', [humanScenarioSchema, patchDeliveryScenarioSchema, mouseStudyScenarioSchema, trialSchema]);

export type Scenario = z.output<typeof scenarioSchema>;
export type HumanScenario = z.output<typeof humanScenarioSchema>;
export type PatchDeliveryScenario = z.output<typeof patchDeliveryScenarioSchema>;
export type MouseStudyScenario = z.output<typeof mouseStudyScenarioSchema>;
export type { TrialScenario } from '../trial/schema.ts';

/** JSON Schema (draft 2020-12) of scenario files, for editors and `follisim schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
