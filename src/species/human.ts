import { assumed, derived, fitted, lit, type ParameterSet } from '../core/parameter.ts';

/**
 * Human scalp parameter set: hair-cycle durations, diameters, densities and AGA progression.
 * Sources are the ones collected in shared/references/hair-cycle-and-clinical.md; every entry is listed in
 * docs/model.md (a test checks that).
 */

const HALLOY = 'Halloy et al., PNAS 2000 (PMC26947); Bernard 2012 (lognormal phase durations)';
const BIONUMBERS_ANAGEN = 'scalp anagen 2-8 y, 3-5 typical: bionumbers 114255; mussenhealth.us stratum-corneum/q-ulm';
const KENOGEN = 'Rebora & Guarrera, Dermatology 2002;205:108 (kenogen ~4 -> ~7 mo, 80 % of cycles)';

/** Cycle parameters of a healthy terminal follicle (scenario units: days). */
export const humanCycle = {
  anagenMeanDays: assumed(1278, 'd', 'mean anagen duration, terminal follicle (3.5 y)',
    `inside the 3-5 y typical range (${BIONUMBERS_ANAGEN}); chosen so stationary anagen is 86 %`, [730, 2920, 'scalp anagen 2-8 y (bionumbers 114255)']),
  anagenSdDays: assumed(548, 'd', 'SD of anagen duration (1.5 y)',
    'lognormal with this SD spans ~1.4-7.2 y (95 %), matching the 2-8 y range (bionumbers 114255)', [100, 1100, 'lognormal SD spanning the 2-8 y range']),
  catagenMeanDays: lit(18, 'd', 'mean catagen duration', '2-4 weeks (mussenhealth.us); 2-3 weeks (dogma)', [10, 30, '2-4 weeks, widened']),
  catagenSdDays: assumed(4, 'd', 'SD of catagen duration', 'narrow; keeps catagen within 2-4 weeks', [0, 10]),
  telogenMeanDays: lit(90, 'd', 'mean telogen duration', 'telogen 2-4 months (bionumbers 114255; mussenhealth.us)', [45, 150, 'telogen 2-4 months, widened']),
  telogenSdDays: assumed(25, 'd', 'SD of telogen duration', 'keeps 95 % of telogens within ~1.5-4.5 months', [0, 60]),
  latencyProbability: lit(0.8, '1', 'probability that a telogen is followed by latency (kenogen)', KENOGEN, [0, 1, 'a probability']),
  latencyMeanDays: lit(120, 'd', 'mean latency (kenogen) duration, healthy', KENOGEN, [30, 240, 'kenogen ~1-8 months']),
  latencySdDays: assumed(45, 'd', 'SD of latency duration', 'lognormal CV ~0.4, as for telogen', [0, 120]),
} satisfies ParameterSet;

/** Hair-shaft and follicle-population parameters (scenario units: µm, cm²). */
export const humanFollicle = {
  terminalDiameterMeanUm: lit(70, 'µm', 'mean shaft diameter of a terminal hair', 'terminal >= 60 (60-80) µm: dermatology.org fig 1-9; donovanmedical.com 2017', [50, 100, 'terminal 60-80 µm, widened']),
  terminalDiameterSdUm: assumed(8, 'µm', 'between-follicle SD of terminal diameter', 'keeps ~95 % of terminal hairs in 54-86 µm', [0, 20]),
  vellusDiameterUm: lit(20, 'µm', 'shaft diameter of a fully miniaturized (vellus) hair', 'vellus < 30 µm (dermatology.org; donovanmedical.com)', [5, 30, 'vellus < 30 µm']),
  terminalThresholdUm: lit(40, 'µm', 'diameter at or above which a hair counts as terminal (non-vellus)', '"meaningful density" = hairs > 40 µm per cm² (Br J Dermatol 1983, doi 10.1111/j.1365-2133.1983.tb04617.x)', [30, 60, 'between vellus (< 30 µm) and terminal (>= 60 µm)']),
  vellusFraction: lit(0.04, '1', 'fraction of follicles that are vellus on a healthy scalp', '~1 in 25 hairs (donovanmedical.com 2017 vellus-hairs-on-the-scalp)', [0, 0.2]),
  vellusAnagenMeanDays: assumed(90, 'd', 'mean anagen of a fully miniaturized follicle', 'vellus hairs rarely exceed 1-2 mm (donovanmedical.com) at ~0.35 mm/d growth => weeks-months of anagen', [30, 365]),
  follicleDensityPerCm2: derived(250, '1/cm²', 'follicle density of a healthy adult scalp (each region by default)',
    'hairs present ≈ follicles x (1 - latency share 6.5 %) ≈ 234/cm², inside 175-300 (Barman 1965, bionumbers 116431)', [150, 350, 'Barman 1965: 175-300 hairs/cm², widened']),
  criticalCyclesMean: lit(25, 'cycles', 'mean number of cycles before a follicle is exhausted (Halloy N_c)', `${HALLOY}; 10-30 cycles per lifetime (lay sources in references §4)`, [10, 40, '10-30 cycles per lifetime, widened']),
  criticalCyclesSd: assumed(5, 'cycles', 'SD of the critical cycle number', 'spreads exhaustion over 15-35 cycles', [0, 10]),
} satisfies ParameterSet;

/** AGA progression parameters. */
export const humanAga = {
  miniaturizationPerCycle: fitted(0.243, '1', 'fraction of the remaining terminal size lost per cycle at full androgen exposure',
    'untreated 5-y vertex decline -26.3 % (finasteride placebo arm; references §5.2)', 'follisim calibrate examples/calibrations/human-aga-rate.yaml', [0.05, 0.6, 'fits to 5-y declines of -10 to -50 %']),
  susceptibilityMean: assumed(0.5, '1', 'mean per-follicle androgen susceptibility (Beta distributed, 0-1)',
    'AGA affects a growing fraction of follicles rather than all at once (Courtois 1994 via references §4)', [0.05, 0.95, 'a Beta mean inside (0, 1)']),
  susceptibilitySd: assumed(0.25, '1', 'SD of per-follicle androgen susceptibility', 'broad Beta(1.5,1.5); heterogeneity makes loss gradual', [0, 0.45, 'a Beta SD must stay below sqrt(m(1-m)) <= 0.5']),
  recoveryPerCycle: assumed(0.12, '1', 'fraction of the gap to the genetic size regained per cycle under full androgen withdrawal (scaled by the withdrawn fraction 1 − x/x₀)',
    'half the per-cycle miniaturization rate δ (0.243), the middle of [0, δ]: 0 = no regrowth after castration (Hamilton, scilit 35b39b42), δ = regain per androgen-free cycle what a fully exposed cycle loses; partial reversal of miniaturization under DHT suppression (Whiting 1999, references §5.1, qualitative only). Untreated runs do not depend on it (x = x₀)',
    [0, 0.6, '0 = irreversible; up to δ and beyond (fast regrowth)']),
  follicleOnsetSpreadYears: assumed(0, 'y', 'spread of the follicles\' own AGA onset times after the man\'s onset (uniform over [0, T]; exposure 0 before)',
    'AGA affects a growing proportion of follicles over the years (Courtois 1994, references §5.2); 0 = every follicle exposed from the start (the whole-scalp calibration)',
    [0, 40, 'onset to near-baldness 5-25 y (references [HC] §4), widened']),
  dormantThreshold: assumed(0.1, '1', 'relative size below which a follicle stops producing a visible shaft (dormant)', 'vellus follicles that stop cycling; no quantitative source', [0, 0.5]),
  agaLatencyMeanDays: lit(210, 'd', 'mean latency of a fully miniaturized follicle', KENOGEN, [60, 365, 'kenogen lengthens to ~7 months in AGA']),
  sensitivityFrontal: assumed(1, '1', 'androgen sensitivity of the frontal scalp', 'pattern loss starts frontal and vertex (Norwood)', [0, 1, 'relative sensitivity: 0 spared, 1 most sensitive']),
  sensitivityMidScalp: assumed(0.6, '1', 'androgen sensitivity of the mid-scalp', 'mid-scalp thins later than vertex/frontal (Norwood)', [0, 1, 'relative sensitivity: 0 spared, 1 most sensitive']),
  sensitivityVertex: assumed(1, '1', 'androgen sensitivity of the vertex', 'vertex loss (Norwood); 138 -> 47 hairs/cm² across Norwood classes (scilit 94cb1f69)', [0, 1, 'relative sensitivity: 0 spared, 1 most sensitive']),
  sensitivityOccipital: lit(0, '1', 'androgen sensitivity of the occipital scalp', 'occipital density 127/cm² the same across Norwood classes (scilit 94cb1f69)', [0, 1, 'relative sensitivity: 0 spared, 1 most sensitive']),
} satisfies ParameterSet;

/** Default scalp regions (areas are assumptions chosen to give ~100,000 follicles at 250/cm²). */
export const humanRegions = {
  frontalAreaCm2: assumed(80, 'cm²', 'area of the frontal region', '~100,000 follicles over ~400 cm² of hair-bearing scalp (baldingblog 2009)', [20, 200, 'hair-bearing scalp ~400 cm² split in four regions']),
  midScalpAreaCm2: assumed(80, 'cm²', 'area of the mid-scalp region', 'as above', [20, 200, 'as frontal']),
  vertexAreaCm2: assumed(80, 'cm²', 'area of the vertex region', 'as above', [20, 200, 'as frontal']),
  occipitalAreaCm2: assumed(160, 'cm²', 'area of the occipital (and temporal/parietal fringe) region', 'as above', [50, 300, 'the largest region with the fringe']),
} satisfies ParameterSet;

/** All human parameters, for documentation checks. */
export const humanParameters: ParameterSet = { ...humanCycle, ...humanFollicle, ...humanAga, ...humanRegions };
