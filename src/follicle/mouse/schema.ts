import { z } from 'zod';
import { betaSpreadProblem, durationSchema, spreadSchema } from '../../core/scenario/common.ts';
import { mouseAga, mouseCycle, mouseDepilation, mouseFollicle, mouseVariability } from '../../species/mouse.ts';

const c = mouseCycle;
const f = mouseFollicle;
const d = mouseDepilation;
const a = mouseAga;
const v = mouseVariability;

/** Default lattice side (follicles) when neither the side nor an area is given. */
export const DEFAULT_LATTICE_SIDE = 50;

const positiveFactor = (value: number, what: string) =>
  z.number().min(0.01).max(100).default(value).describe(`${what} (factor, 0.01 to 100; 1 = no effect)`);

const stimulusSchema = (peak: number, decay: number, response: number, what: string) =>
  z
    .strictObject({
      peakRatePerDay: z.number().min(0).max(100).default(peak).describe(`initial anagen-entry hazard on telogen follicles after ${what} (1/day, >= 0)`),
      decayDays: z.number().min(0.01).max(365).default(decay).describe(`exponential decay time of the ${what} stimulus (days, > 0)`),
      refractoryResponse: z
        .number()
        .min(0)
        .max(1)
        .default(response)
        .describe(`response of refractory-telogen follicles to the ${what} stimulus, relative to competent ones (0-1)`),
    })
    .prefault({});

/**
 * Schema of the mouse dorsal-skin lattice section of a scenario (units in key names; days, mm, µm).
 * One lattice site is one follicle; the physical site spacing is 1/sqrt(density).
 */
export const mouseSkinSchema = z
  .strictObject({
    lattice: z
      .strictObject({
        nx: z.number().int().min(1).max(4000).optional().describe(`follicles along x (integer; default ${DEFAULT_LATTICE_SIDE}, or derived from areaMm2)`),
        ny: z.number().int().min(1).max(4000).optional().describe(`follicles along y (integer; default nx)`),
        areaMm2: z
          .number()
          .min(0.01)
          .max(10000)
          .optional()
          .describe('observed skin area (mm²); gives a square lattice of round(sqrt(area x density)) follicles per side. Give either this or nx/ny'),
        follicleDensityPerMm2: z
          .number()
          .min(1)
          .max(5000)
          .default(f.follicleDensityPerMm2.value)
          .describe('follicle density (follicles/mm²); sets the site spacing 1000/sqrt(density) µm'),
        dtDays: z
          .number()
          .min(0.001)
          .max(5)
          .default(0.25)
          .describe('time step (days, 0.001 to 5 and at most the run: phases last days, so finer steps only add work); the maximum front speed is one site per step'),
      })
      .prefault({}),
    cycle: z
      .strictObject({
        anagen: durationSchema(c.anagenMeanDays.value, c.anagenSdDays.value, 'anagen duration'),
        catagen: durationSchema(c.catagenMeanDays.value, c.catagenSdDays.value, 'catagen duration'),
        refractoryTelogen: durationSchema(c.refractoryMeanDays.value, c.refractorySdDays.value, 'refractory telogen duration'),
        spontaneousActivationPerDay: z
          .number()
          .min(0)
          .max(100)
          .default(c.spontaneousActivationPerDay.value)
          .describe('spontaneous anagen-entry hazard of a competent telogen follicle (1/day, >= 0)'),
      })
      .prefault({}),
    coupling: z
      .strictObject({
        neighbourhood: z.literal('moore8').default('moore8').describe('neighbourhood of the lattice: the 8 surrounding follicles (Moore)'),
        threshold: z
          .number()
          .int()
          .min(1)
          .max(9)
          .default(c.neighbourThreshold.value)
          .describe('Moore neighbours in propagating anagen needed to activate a competent follicle (1-8; 9 switches coupling off)'),
        ratePerDay: z
          .number()
          .min(0)
          .max(1000)
          .default(c.propagationRatePerDay.value)
          .describe('anagen-entry hazard of a competent follicle whose neighbour count reaches the threshold (1/day, >= 0)'),
        propagatingAnagenDays: z
          .number()
          .min(0)
          .max(100)
          .default(c.propagatingAnagenDays.value)
          .describe('early-anagen window in which a follicle counts as a propagating neighbour (days)'),
      })
      .prefault({}),
    shaft: z
      .strictObject({
        emergenceDays: z.number().min(0).max(60).default(f.emergenceDays.value).describe('anagen age at which the new shaft emerges (days)'),
        growthRateMmPerDay: z.number().min(0).max(10).default(f.growthRateMmPerDay.value).describe('shaft elongation rate after emergence (mm/day)'),
        maxLengthMm: z.number().min(0.01).max(100).default(f.maxShaftLengthMm.value).describe('final length of a full-size hair (mm)'),
        diameterUm: spreadSchema(f.shaftDiameterMeanUm.value, f.shaftDiameterSdUm.value, 'µm', 'full-size shaft diameter', { min: 1, max: 200 }),
        miniaturizedDiameterUm: z
          .number()
          .min(0.1)
          .max(200)
          .default(f.miniaturizedDiameterUm.value)
          .describe('shaft diameter of a fully miniaturized follicle (µm)'),
        visibleLengthMm: z
          .number()
          .min(0)
          .max(100)
          .default(f.visibleLengthMm.value)
          .describe('hairs longer than this count toward coverage (mm)'),
        miniaturizedBelowSize: z
          .number()
          .min(0)
          .max(1)
          .default(f.miniaturizedBelowSize.value)
          .describe('relative follicle size below which a follicle counts as miniaturized (0-1)'),
      })
      .prefault({}),
    pigment: z
      .strictObject({
        onsetDays: z.number().min(0).max(60).default(f.pigmentOnsetDays.value).describe('anagen age at which skin pigmentation starts (days; anagen III)'),
        rampDays: z.number().min(0.01).max(60).default(f.pigmentRampDays.value).describe('time from onset to full pigment (days)'),
        fadeDays: z.number().min(0.01).max(60).default(f.pigmentFadeDays.value).describe('time for full pigment to fade after anagen ends (days)'),
      })
      .prefault({}),
    depilation: z
      .strictObject({
        method: z
          .enum(['wax', 'cream', 'none'])
          .default('cream')
          .describe('wax: plucking, near-synchronous anagen in all telogen follicles; cream: shafts removed, weak anagen stimulus; none: no depilation'),
        day: z.number().min(0).max(36525).default(0).describe('day of depilation (days from the start)'),
        wax: stimulusSchema(d.waxPeakRatePerDay.value, d.waxDecayDays.value, d.waxRefractoryResponse.value, 'wax depilation'),
        cream: stimulusSchema(d.creamPeakRatePerDay.value, d.creamDecayDays.value, d.creamRefractoryResponse.value, 'cream depilation'),
      })
      .prefault({}),
    initial: z
      .strictObject({
        competentFraction: z
          .number()
          .min(0)
          .max(1)
          .default(f.initialCompetentFraction.value)
          .describe('fraction of follicles in competent telogen at t = 0; the rest are refractory with a uniform residual time (0-1)'),
        clubHairs: z.boolean().default(true).describe('telogen follicles start with a full-length club hair (removed by depilation)'),
      })
      .prefault({}),
    aga: z
      .strictObject({
        androgenLevel: z
          .number()
          .min(0)
          .max(10)
          .default(0)
          .describe('androgen (TP/DHT) exposure relative to the reference AGA-model dose (0 = none, 1 = reference)'),
        startDay: z.number().min(0).max(36525).default(0).describe('day from which androgen acts (days)'),
        susceptibility: spreadSchema(a.susceptibilityMean.value, a.susceptibilitySd.value, '1', 'per-follicle androgen susceptibility (Beta)', { min: 0, max: 1 }),
        activationFactor: positiveFactor(a.activationFactor.value, 'telogen→anagen hazards at full exposure'),
        refractoryFactor: positiveFactor(a.refractoryFactor.value, 'refractory telogen duration at full exposure'),
        propagationFactor: positiveFactor(a.propagationFactor.value, 'neighbour propagation hazard at full exposure'),
        anagenDurationFactor: positiveFactor(a.anagenDurationFactor.value, 'anagen duration at full exposure'),
        growthRateFactor: positiveFactor(a.growthRateFactor.value, 'shaft growth rate at full exposure'),
        sizeRetentionPerCycle: z
          .number()
          .min(0.001)
          .max(1)
          .default(a.sizeRetentionPerCycle.value)
          .describe('relative follicle size kept at each new anagen at full exposure (0-1]'),
      })
      .prefault({}),
    variability: z
      .strictObject({
        anagenDurationCv: z.number().min(0).max(2).default(v.anagenDurationCv.value).describe('between-mouse CV of anagen duration (lognormal multiplier, mean 1)'),
        refractoryDurationCv: z.number().min(0).max(2).default(v.refractoryDurationCv.value).describe('between-mouse CV of refractory duration'),
        activationCv: z.number().min(0).max(2).default(v.activationCv.value).describe('between-mouse CV of telogen→anagen hazards'),
        growthRateCv: z.number().min(0).max(2).default(v.growthRateCv.value).describe('between-mouse CV of shaft growth rate'),
        androgenSensitivityCv: z.number().min(0).max(2).default(v.androgenSensitivityCv.value).describe('between-mouse CV of androgen sensitivity'),
        competentFractionSd: z.number().min(0).max(1).default(v.competentFractionSd.value).describe('between-mouse SD of the initial competent fraction (clipped to 0-1)'),
      })
      .prefault({}),
  })
  .superRefine((s, ctx) => {
    const lat = s.lattice;
    if (lat.areaMm2 !== undefined && (lat.nx !== undefined || lat.ny !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['lattice', 'areaMm2'], input: lat.areaMm2, message: 'give either areaMm2 or nx/ny, not both' });
    }
    const betaProblem = betaSpreadProblem(s.aga.susceptibility);
    if (betaProblem) ctx.addIssue({ code: 'custom', path: ['aga', 'susceptibility', 'sd'], input: s.aga.susceptibility.sd, message: betaProblem });
    if (!(s.shaft.miniaturizedDiameterUm < s.shaft.diameterUm.mean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['shaft', 'miniaturizedDiameterUm'],
        input: s.shaft.miniaturizedDiameterUm,
        message: `must be below shaft.diameterUm.mean (${s.shaft.diameterUm.mean})`,
      });
    }
  })
  .prefault({});

export type MouseSkinInput = z.input<typeof mouseSkinSchema>;
export type MouseSkinConfig = z.output<typeof mouseSkinSchema>;
