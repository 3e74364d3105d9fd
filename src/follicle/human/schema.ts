import { z } from 'zod';
import { betaSpreadProblem, durationSchema, MIN_PHASE_DAYS, spreadSchema } from '../../core/scenario/common.ts';
import { humanAga, humanCycle, humanFollicle, humanRegions } from '../../species/human.ts';
import { behaviourListSchema } from './behaviourSchema.ts';

/** The scalp regions every human scalp has (the CLI summary reports each). */
export const HUMAN_REGION_IDS = ['frontal', 'midScalp', 'vertex', 'occipital'] as const;
export type HumanRegionId = (typeof HUMAN_REGION_IDS)[number];

const regionSchema = (areaCm2: number, sensitivity: number) =>
  z
    .strictObject({
      areaCm2: z
        .number()
        .min(1e-9)
        .max(1000)
        .default(areaCm2)
        .describe('hair-bearing area of the region (cm², 1e-9 to 1000: smaller areas underflow in m²; a whole adult scalp is ~600 cm²; a region of < 0.5 follicles is empty: its shares and densities are reported as 0)'),
      follicleDensityPerCm2: z
        .number()
        .positive()
        .max(2000)
        .default(humanFollicle.follicleDensityPerCm2.value)
        .describe('follicle density (follicles/cm², 0-2000)'),
      androgenSensitivity: z
        .number()
        .min(0)
        .max(1)
        .default(sensitivity)
        .describe('regional androgen sensitivity (0 = spared, 1 = most sensitive)'),
    })
    .prefault({});

const c = humanCycle;
const f = humanFollicle;
const a = humanAga;

/** Schema of the `scalp` section of a human scenario (units in key names; converted to SI at assembly). */
export const humanScalpSchema = z
  .strictObject({
    initialization: z
      .enum(['stationary', 'anagenOnset'])
      .default('stationary')
      .describe('stationary: phases and residual times drawn from the renewal equilibrium; anagenOnset: every follicle starts a fresh anagen at t = 0'),
    spinUpDays: z
      .number()
      .min(0)
      .max(36525)
      .default(0)
      .describe('history simulated before t = 0 and not recorded (days, >= 0): lets a run start part-way into AGA'),
    regions: z
      .strictObject({
        frontal: regionSchema(humanRegions.frontalAreaCm2.value, a.sensitivityFrontal.value),
        midScalp: regionSchema(humanRegions.midScalpAreaCm2.value, a.sensitivityMidScalp.value),
        vertex: regionSchema(humanRegions.vertexAreaCm2.value, a.sensitivityVertex.value),
        occipital: regionSchema(humanRegions.occipitalAreaCm2.value, a.sensitivityOccipital.value),
      })
      .prefault({}),
    cycle: z
      .strictObject({
        anagen: durationSchema(c.anagenMeanDays.value, c.anagenSdDays.value, 'anagen duration of a terminal follicle'),
        catagen: durationSchema(c.catagenMeanDays.value, c.catagenSdDays.value, 'catagen duration'),
        telogen: durationSchema(c.telogenMeanDays.value, c.telogenSdDays.value, 'telogen duration'),
        latency: z
          .strictObject({
            probability: z.number().min(0).max(1).default(c.latencyProbability.value).describe('probability that telogen is followed by latency (0-1)'),
            meanDays: z.number().min(MIN_PHASE_DAYS).max(36525).default(c.latencyMeanDays.value).describe('mean latency of a healthy follicle (days, 0.01 to 36525)'),
            sdDays: z.number().min(0).max(36525).default(c.latencySdDays.value).describe('SD of latency (days, 0 to 36525)'),
          })
          .prefault({}),
      })
      .prefault({}),
    follicle: z
      .strictObject({
        terminalDiameterUm: spreadSchema(f.terminalDiameterMeanUm.value, f.terminalDiameterSdUm.value, 'µm', 'terminal shaft diameter', { min: 1, max: 200 }),
        vellusDiameterUm: z.number().positive().max(200).default(f.vellusDiameterUm.value).describe('shaft diameter of a fully miniaturized hair (µm)'),
        terminalThresholdUm: z.number().positive().max(200).default(f.terminalThresholdUm.value).describe('a hair counts as terminal at or above this diameter (µm)'),
        vellusFraction: z.number().min(0).max(1).default(f.vellusFraction.value).describe('fraction of follicles vellus at t = 0 (0-1)'),
        vellusAnagenMeanDays: z.number().min(MIN_PHASE_DAYS).max(36525).default(f.vellusAnagenMeanDays.value).describe('mean anagen of a fully miniaturized follicle (days, 0.01 to 36525)'),
        criticalCycles: spreadSchema(f.criticalCyclesMean.value, f.criticalCyclesSd.value, 'cycles', 'critical cycle number N_c', { min: 1, max: 1000 }),
      })
      .prefault({}),
    aga: z
      .strictObject({
        androgenLevel: z.number().min(0).max(10).default(1).describe('androgen (DHT) exposure relative to an AGA-prone adult man (0 = none, 1 = reference)'),
        miniaturizationPerCycle: z.number().min(0).max(1).default(a.miniaturizationPerCycle.value).describe('fraction of remaining terminal size lost per cycle at full exposure (0-1)'),
        susceptibility: spreadSchema(a.susceptibilityMean.value, a.susceptibilitySd.value, '1', 'per-follicle androgen susceptibility (Beta)', { min: 0, max: 1 }),
        recoveryPerCycle: z.number().min(0).max(1).default(a.recoveryPerCycle.value).describe('fraction of the gap to the genetic size regained per cycle under full androgen withdrawal, scaled by the withdrawn fraction 1 − x/x₀ (0-1; 0 = irreversible miniaturization; untreated follicles do not recover)'),
        follicleOnsetSpreadYears: z.number().min(0).max(100).default(a.follicleOnsetSpreadYears.value).describe('each follicle starts AGA at a uniform time in [0, T] years after t = 0 (exposure 0 before; 0 = all at once)'),
        dormantThreshold: z.number().min(0).max(1).default(a.dormantThreshold.value).describe('relative size below which a follicle turns dormant (0-1)'),
        latencyMeanDays: z.number().min(MIN_PHASE_DAYS).max(36525).default(a.agaLatencyMeanDays.value).describe('mean latency of a fully miniaturized follicle (days, 0.01 to 36525)'),
      })
      .prefault({}),
    randomStreams: z
      .enum(['sequential', 'perFollicle'])
      .default('sequential')
      .describe('sequential: all follicles draw from one stream in turn; perFollicle: each follicle has its own stream, so a treatment changes no other follicle (common random numbers)'),
    behaviour: behaviourListSchema(HUMAN_REGION_IDS),
  })
  .superRefine((s, ctx) => {
    const betaProblem = betaSpreadProblem(s.aga.susceptibility);
    if (betaProblem) ctx.addIssue({ code: 'custom', path: ['aga', 'susceptibility', 'sd'], input: s.aga.susceptibility.sd, message: betaProblem });
    const fol = s.follicle;
    if (!(fol.vellusDiameterUm < fol.terminalThresholdUm && fol.terminalThresholdUm < fol.terminalDiameterUm.mean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['follicle', 'terminalThresholdUm'],
        input: fol.terminalThresholdUm,
        message: `must lie between vellusDiameterUm (${fol.vellusDiameterUm}) and terminalDiameterUm.mean (${fol.terminalDiameterUm.mean})`,
      });
    }
  })
  .prefault({});

export type HumanScalpConfig = z.output<typeof humanScalpSchema>;
