import { z } from 'zod';
import { commonScenarioFields } from '../core/scenario/common.ts';
import { ceriaHuman } from '../species/drugs.ts';
import { trialExecution, trialMeasurement, trialPopulation } from '../species/trial.ts';

/**
 * Scenario schema of a virtual AGA trial (`model: trial`): population and screening, arms with regimens,
 * visits, execution (adherence, dropout), measurement and analysis. Units in key names; weeks on the trial
 * clock (week 0 = enrolment/baseline). Cross-field checks name the field: stop before start, visits after
 * the end, arms with no subjects.
 */

const window = {
  startWeek: z.number().min(0).default(0).describe('first week of treatment (weeks after baseline, >= 0)'),
  stopWeek: z.number().positive().optional().describe('week the treatment stops (exclusive; absent = to the end)'),
};

const minoxidilSchema = z.strictObject({
  concentrationPct: z.number().min(0).max(20).describe('minoxidil concentration (% w/v, g/100 mL; 0 = vehicle)'),
  volumeMl: z.number().min(0).max(10).default(1).describe('volume per application (mL)'),
  perDay: z.number().positive().max(6).default(2).describe('applications per day (> 0)'),
  form: z.enum(['solution', 'foam']).default('solution').describe('vehicle'),
  ...window,
});

const oralSchema = (dose: number, what: string) =>
  z.strictObject({
    doseMg: z.number().min(0).max(100).default(dose).describe(`${what} daily dose (mg/day, >= 0)`),
    ...window,
  });

const needlingSchema = z.strictObject({
  needleMm: z.number().positive().max(5).default(1.5).describe('dermaroller needle length (mm, > 0)'),
  everyDays: z.number().positive().max(365).default(7).describe('days between sessions (> 0)'),
  ...window,
});

const ceriaSchema = z.strictObject({
  loaded: z.boolean().default(true).describe('true: ceria-loaded patch; false: empty (vehicle) patch — injury only'),
  needleUm: z.number().positive().max(3000).default(ceriaHuman.needleHeightUm.value).describe('patch needle height (µm, > 0)'),
  everyDays: z.number().positive().max(365).default(7).describe('days between patches (> 0)'),
  ...window,
});

const armSchema = z.strictObject({
  id: z.string().min(1).regex(/^[A-Za-z0-9_-]+$/).describe('arm id (letters, digits, _ and -)'),
  label: z.string().optional().describe('label in reports'),
  n: z.number().int().min(0).max(100000).describe('subjects to randomize to this arm (> 0)'),
  treatments: z
    .strictObject({
      minoxidil: minoxidilSchema.optional(),
      finasteride: oralSchema(1, 'finasteride').optional(),
      dutasteride: oralSchema(0.5, 'dutasteride').optional(),
      microneedling: needlingSchema.optional(),
      ceriaPatch: ceriaSchema.optional(),
    })
    .default({})
    .describe('treatments of the arm (none = placebo/vehicle)'),
});

const spread = (mean: number, sd: number, unit: string, what: string) =>
  z.strictObject({ mean: z.number().default(mean).describe(`mean ${what} (${unit})`), sd: z.number().min(0).default(sd).describe(`SD of ${what} (${unit})`) }).prefault({});

export const trialSchema = z
  .strictObject({
    ...commonScenarioFields,
    durationDays: z.undefined({ error: 'not used by trials: give durationWeeks' }).optional().describe('not used by trials (give durationWeeks)'),
    model: z.literal('trial').describe('virtual randomized trial of men with AGA (human follicular automaton per subject)'),
    durationWeeks: z.number().positive().max(520).describe('trial duration after baseline (weeks, > 0)'),
    visitsWeeks: z.array(z.number().min(0)).min(2).describe('visit weeks (0 = baseline), ascending'),
    targetArea: z
      .strictObject({
        areaCm2: z.number().positive().max(50).default(1).describe('target area counted (cm²): 1 cm² tattooed area, or 5.1 for the 1-inch circle'),
      })
      .prefault({}),
    counting: z
      .strictObject({
        method: z.enum(['visual', 'photographic']).default('visual').describe('visual counts of a clipped area show counter learning drift; macrophotographic dot-map counts do not'),
        errorCv: z.number().min(0).max(0.5).optional().describe('relative SD of a count (default: trialMeasurement.visualCountErrorCv for visual, countErrorCv for photographic counts)'),
      })
      .prefault({}),
    population: z
      .strictObject({
        candidates: z.number().int().positive().max(1_000_000).optional().describe('men screened (default 4 × the randomized total)'),
        ageYears: spread(trialPopulation.ageMeanYears.value, trialPopulation.ageSdYears.value, 'y', 'age'),
        onsetAgeYears: spread(trialPopulation.onsetAgeMeanYears.value, trialPopulation.onsetAgeSdYears.value, 'y', 'age at AGA onset'),
        androgenSensitivityCv: z.number().min(0).max(2).default(trialPopulation.androgenSensitivityCv.value).describe('between-man CV of androgen sensitivity'),
      })
      .prefault({}),
    inclusion: z
      .strictObject({
        ageMin: z.number().min(0).default(18).describe('minimum age (y)'),
        ageMax: z.number().positive().default(49).describe('maximum age (y)'),
        norwoodMin: z.number().int().min(1).max(7).default(3).describe('minimum Norwood stage (3 = III-vertex)'),
        norwoodMax: z.number().int().min(1).max(7).default(5).describe('maximum Norwood stage'),
      })
      .prefault({}),
    execution: z
      .strictObject({
        adherenceMean: z.number().min(0).max(1).default(trialExecution.adherenceMean.value).describe('mean fraction of doses taken'),
        adherenceSd: z.number().min(0).max(0.5).default(trialExecution.adherenceSd.value).describe('SD of adherence'),
        dropoutPerYear: z.number().min(0).max(10).default(trialExecution.dropoutPerYear.value).describe('dropout hazard (1/y)'),
        perProtocolAdherence: z.number().min(0).max(1).default(trialExecution.perProtocolAdherence.value).describe('minimum adherence of the per-protocol set'),
      })
      .prefault({}),
    design: z
      .strictObject({
        commonRandomNumbers: z.boolean().default(false).describe('true: every arm gets the same virtual men (paired, for comparisons without between-subject noise); false: a real randomized trial'),
        subjectsPerUnit: z.number().int().positive().max(10000).default(25).describe('candidates per unit of work (parallel granularity)'),
        screeningAreaFraction: z.number().gt(0).max(1).default(0.25).describe('fraction of the target-area follicles the Norwood screen looks at (1 = the exact stage; smaller = a coarser, cheaper clinical rating)'),
      })
      .prefault({}),
    microenvironment: z
      .strictObject({
        coupled: z
          .boolean()
          .default(true)
          .describe('true: the per-region perifollicular microenvironment (ROS, vessels, VEGF, damage; ceria at the bulbs) acts on the follicles through the rules (docs/model.md §9.10); false: treatments reach them through their pharmacology only'),
      })
      .prefault({}),
    analysis: z
      .strictObject({
        control: z.string().optional().describe('id of the control arm (default: the first arm)'),
        responderGpa: z.number().int().min(-3).max(3).default(1).describe('responder = global photographic score ≥ this'),
        alpha: z.number().gt(0).lt(1).default(0.05).describe('two-sided significance level of the arm comparisons (significant = p < alpha; power)'),
        photoSubjects: z.number().int().min(0).max(20).default(2).describe('sample subjects per arm rendered as vertex photographs'),
      })
      .prefault({}),
    arms: z.array(armSchema).min(1).describe('arms of the trial'),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], input: unknown, message: string) => ctx.addIssue({ code: 'custom', path, input, message });
    s.visitsWeeks.forEach((w, i) => {
      if (w > s.durationWeeks) issue(['visitsWeeks', i], w, `visit after the end of the trial (durationWeeks ${s.durationWeeks})`);
      if (i > 0 && !(w > s.visitsWeeks[i - 1])) issue(['visitsWeeks', i], w, 'visits must be strictly ascending');
    });
    if (s.visitsWeeks[0] !== 0) issue(['visitsWeeks', 0], s.visitsWeeks[0], 'the first visit must be the baseline (week 0)');
    if (s.inclusion.ageMin > s.inclusion.ageMax) issue(['inclusion', 'ageMax'], s.inclusion.ageMax, `must be >= ageMin (${s.inclusion.ageMin})`);
    if (s.inclusion.norwoodMin > s.inclusion.norwoodMax) issue(['inclusion', 'norwoodMax'], s.inclusion.norwoodMax, `must be >= norwoodMin (${s.inclusion.norwoodMin})`);
    const ids = new Set<string>();
    s.arms.forEach((a, i) => {
      if (ids.has(a.id)) issue(['arms', i, 'id'], a.id, 'duplicate arm id');
      ids.add(a.id);
      if (a.n < 1) issue(['arms', i, 'n'], a.n, 'an arm needs at least one subject');
      for (const [name, t] of Object.entries(a.treatments)) {
        if (!t) continue;
        if (t.stopWeek !== undefined && !(t.stopWeek > t.startWeek)) issue(['arms', i, 'treatments', name, 'stopWeek'], t.stopWeek, `stop before start (startWeek ${t.startWeek})`);
        if (t.startWeek >= s.durationWeeks) issue(['arms', i, 'treatments', name, 'startWeek'], t.startWeek, `starts after the end of the trial (durationWeeks ${s.durationWeeks})`);
      }
    });
    if (s.analysis.control !== undefined && !ids.has(s.analysis.control)) issue(['analysis', 'control'], s.analysis.control, `no arm with this id (${[...ids].join(', ')})`);
  });

export type TrialScenario = z.output<typeof trialSchema>;
export type TrialArm = TrialScenario['arms'][number];
export type TrialTreatments = TrialArm['treatments'];
