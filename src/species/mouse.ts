import { assumed, derived, fitted, lit, type ParameterSet } from '../core/parameter.ts';

/**
 * C57BL/6 dorsal-skin parameter set for the mouse hair-cycle lattice (Plikus 2008/2011, Murray 2012 type
 * automaton). Scenario units: days, mm, µm. Sources are the ones collected in
 * shared/references/hair-cycle-and-clinical.md §2 and ceria-microneedle-study.md §2, §6; every value that has
 * no public number behind it is an `assumption` with its reasoning (see docs/model.md §6).
 */

const CHJCANA = 'Zhang et al., Chin J Clin Anat 2010;28:74 (chjcana.com/EN/Y2010/V28/I1/74): C57BL/6 after depilation d9 95 % anagen IV, d17 63.3 % and d22 85 % entered catagen';
const CHASE = 'Chase 1951 (scilit 2100718f): anagen IV ~6 d after plucking, hair emerges in anagen VI and grows ~1 mm/d for ~9 d';
const PLIKUS2008 = 'Plikus et al., Nature 2008 (PMC2696201): telogen split into refractory (BMP high) and competent phases; second telogen P45-70';
const SUNDBERG = 'Sundberg & Silva, Vet Pathol 2011 ("What color is the skin of a mouse?"): skin pigment maximal in mid-late anagen, none in telogen';

/** Hair-cycle phase durations and coupling (days). */
export const mouseCycle = {
  anagenMeanDays: fitted(15.3, 'd', 'mean anagen duration (activation to catagen onset), dorsal follicle',
    `${CHJCANA}`, 'least squares on the exact discrete-time expectation after wax (dt 0.25 d), grid 0.05 d: 63.2 % / 84.9 % entered catagen by d17 / d22; 92 % still in anagen at d9', [10, 25, 'catagen entry from d9 to d22 after depilation (Zhang 2010)']),
  anagenSdDays: fitted(6.05, 'd', 'SD of anagen duration (lognormal, sigma 0.38)',
    `${CHJCANA}`, 'same fit as anagenMeanDays', [0, 12]),
  catagenMeanDays: assumed(3.5, 'd', 'mean catagen duration',
    'mouse catagen takes ~3-4 d (references §2.2 starting magnitudes; spontaneous catagen of depilation-induced anagen around d17-20, Paus et al. J Invest Dermatol 1994;103:143)', [2, 6, 'mouse catagen 3-4 d, widened']),
  catagenSdDays: assumed(0.75, 'd', 'SD of catagen duration', 'narrow: keeps catagen within ~2-5 d', [0, 2]),
  refractoryMeanDays: lit(28, 'd', 'mean refractory telogen duration (BMP high: no response to neighbours or spontaneous signals)',
    `${PLIKUS2008}; refractory ~4 weeks`, [14, 42, 'refractory ~4 weeks (Plikus 2008), ±2 weeks']),
  refractorySdDays: assumed(5, 'd', 'SD of refractory telogen duration', 'CV ~0.18: telogen entry is not synchronous across the back', [0, 10]),
  propagatingAnagenDays: assumed(4, 'd', 'early-anagen window in which a follicle activates competent neighbours (propagating anagen)',
    'anagen I-III (first ~3-4 d, Chase 1951 staging) is when the activator (WNT) signal is up in Plikus-type automata; no public number', [1, 8, 'within anagen I-IV']),
  neighbourThreshold: assumed(2, 'neighbours', 'Moore neighbours in propagating anagen needed to activate a competent follicle (θ)',
    'Plikus 2011 / Murray 2012 threshold value not public; θ = 2 lets fronts and clusters propagate while single noisy activations stay local', [1, 8, 'a Moore neighbourhood has 8 neighbours']),
  propagationRatePerDay: assumed(2, '1/d', 'activation hazard of a competent follicle with ≥ θ propagating neighbours',
    'makes propagation nearly certain within ~1 d of a neighbour activating; gives ~1.8 follicles/d (~0.1 mm/d) fronts at dt 0.25 d; wave speed is a literature gap', [0.1, 10]),
  spontaneousActivationPerDay: assumed(0.01, '1/d', 'spontaneous (autonomous) anagen entry rate of a competent follicle',
    'competent telogen lasts days to months (Plikus 2008); an isolated competent follicle waits ~100 d on average', [0, 0.1, 'competent telogen lasts days to months']),
} satisfies ParameterSet;

/** Hair shaft, pigmentation and follicle population (mm, µm, days). */
export const mouseFollicle = {
  follicleDensityPerMm2: assumed(300, '1/mm²', 'dorsal follicle density (one lattice site = one follicle by default)',
    'gap (references §7.4): follicles of adult dorsal skin lie ~50-70 µm apart in sections (bulbs nearly touching in anagen), i.e. 200-400 /mm²; 300 taken (site spacing 58 µm)', [200, 400, 'follicles ~50-70 µm apart']),
  emergenceDays: assumed(8, 'd', 'anagen age at which the new shaft emerges from the skin (anagen VI)',
    `${CHASE}: shaft formed by anagen IV (~d6), tip near the surface in V, emerges in VI ≈ 2 d later`, [6, 10, 'anagen IV-VI (Chase 1951)']),
  growthRateMmPerDay: lit(1, 'mm/d', 'shaft elongation rate after emergence', CHASE, [0.5, 1.5]),
  maxShaftLengthMm: derived(9, 'mm', 'final length of a full-size dorsal hair',
    '1 mm/d x ~9 d of growth (Chase 1951); house-mouse hair at most 9 mm (Brunner & Coman 1974 via landcareresearch.co.nz factsheet)', [5, 12, 'house-mouse hair at most ~9 mm, widened']),
  shaftDiameterMeanUm: assumed(16, 'µm', 'mean shaft diameter of a full-size dorsal hair (all hair types)',
    'coat mix ~70-80 % zigzag (thin, ~10-12 µm) + awl/auchene/guard (25-70 µm; max 70 µm, landcareresearch.co.nz): 0.7x11 + 0.27x27 + 0.03x40 ≈ 16 µm', [10, 30, 'zigzag 10-12 µm to guard 70 µm; mixed-coat mean']),
  shaftDiameterSdUm: assumed(7, 'µm', 'between-follicle SD of shaft diameter', 'spread of the hair-type mix', [0, 15]),
  miniaturizedDiameterUm: assumed(5, 'µm', 'shaft diameter of a fully miniaturized follicle (relative size 0)', 'vellus-like fibre; no mouse number', [2, 10, 'below the thinnest full hair (zigzag ~10 µm)']),
  miniaturizedBelowSize: assumed(0.75, '1', 'relative size below which a follicle counts as miniaturized',
    'a quarter of the full size lost (diameter < ~13 µm at mean) is visible as thinning; no mouse number', [0.5, 0.95]),
  visibleLengthMm: assumed(1, 'mm', 'shaft length above which a hair counts toward coverage',
    'a 1 mm hair (≈ 1 d after emergence) already hides the skin on a dorsal photograph; shorter stubble does not', [0.2, 3]),
  pigmentOnsetDays: lit(3, 'd', 'anagen age at which skin pigmentation starts (anagen III, first melanogenic cells)', `${CHASE}; ${SUNDBERG}`, [2, 5, 'anagen II-III']),
  pigmentRampDays: assumed(4, 'd', 'time from pigmentation onset to full (black) skin pigment',
    'grey in anagen III, black by anagen IV-VI (d6-8, Chase 1951); linear ramp', [1, 6]),
  pigmentFadeDays: assumed(3.5, 'd', 'time for full pigment to fade once melanogenesis stops (catagen)',
    `melanogenesis stops at catagen onset and skin is pink in telogen (${SUNDBERG}); taken equal to catagen`, [1, 7]),
  initialCompetentFraction: assumed(0.2, '1', 'fraction of follicles already competent at depilation (7-8 week old mice)',
    'mice are depilated at P49-56, 1-2 weeks into a ~4-week refractory second telogen (P45-70, Plikus 2008); telogen entry not synchronous', [0, 1, 'a fraction']),
} satisfies ParameterSet;

/** Depilation stimulus: an anagen-entry hazard h(t) = peak·exp(−(t − t_d)/decay) on telogen follicles. */
export const mouseDepilation = {
  waxPeakRatePerDay: assumed(2, '1/d', 'initial anagen-entry hazard after wax/rosin depilation (plucking)',
    `plucking induces synchronous anagen (${CHASE}; ${CHJCANA}): median lag 0.4 d, 98 % activated by d3`, [0.5, 10]),
  waxDecayDays: assumed(3, 'd', 'decay time of the plucking stimulus', 'integrated hazard 6 => 99.8 % of telogen follicles activated', [1, 7]),
  waxRefractoryResponse: assumed(1, '1', 'response of refractory follicles to plucking (relative to competent)',
    'depilation at P49-56, inside refractory second telogen, still synchronises anagen (standard protocol, ceria notes §6)', [0, 1, 'relative response']),
  creamPeakRatePerDay: assumed(0.3, '1/d', 'initial anagen-entry hazard after depilatory cream',
    'cream removes shafts without plucking; creams promote anagen entry at 1-2 weeks, shaving does not (Tsai et al., Korean J Physiol Pharmacol 2021;25:497, PMID 34697260): a weak, slow stimulus (median lag ~3 d vs 0.4 d for wax); with creamRefractoryResponse chosen so untreated mice reach 50 % coverage at ~d12-15', [0.05, 2]),
  creamDecayDays: assumed(7, 'd', 'decay time of the cream stimulus', 'irritation/cytokine response over ~1-2 weeks (Tsai 2021: IL-6, TNF at d3-14)', [2, 21, 'cytokine response over days 3-14 (Tsai 2021)']),
  creamRefractoryResponse: assumed(0.6, '1', 'response of refractory follicles to the cream stimulus (relative to competent)',
    'BMP-high refractory follicles respond less to a weak signal; with creamPeakRatePerDay gives untreated mice a ~75-80 % coat by d35 (no published time course in our notes)', [0, 1, 'relative response']),
} satisfies ParameterSet;

const FU2021 = 'Fu et al., Biomed Pharmacother 2021;137:111247 (PMID 33517191): DHT in C57BL/6 => early catagen, miniaturisation, density loss';

/** Androgen (TP/DHT model) effects at full exposure x = 1; at exposure x each factor acts as f^x. */
export const mouseAga = {
  activationFactor: assumed(0.4, '1', 'factor on telogen→anagen hazards (spontaneous, depilation)',
    `delayed regrowth under testosterone propionate (gempharmatech TP model; ${FU2021}); no rate data`, [0.1, 1, 'androgen delays, never speeds, regrowth']),
  refractoryFactor: assumed(1.5, '1', 'factor on refractory telogen duration', 'androgen-induced DP inhibitors (TGF-β1, DKK1) act like BMP: longer refractory telogen; no rate data', [1, 3, 'androgen lengthens refractory telogen']),
  propagationFactor: assumed(0.7, '1', 'factor on neighbour propagation hazard', 'weaker activator spread under androgen; no data', [0.1, 1, 'androgen weakens propagation']),
  anagenDurationFactor: assumed(0.7, '1', 'factor on anagen duration', `${FU2021} (early catagen)`, [0.3, 1, 'androgen shortens anagen']),
  growthRateFactor: assumed(0.85, '1', 'factor on shaft growth rate', 'thinner, slower hair under androgen; no mouse rate data', [0.5, 1, 'androgen slows shafts']),
  sizeRetentionPerCycle: assumed(0.6, '1', 'relative follicle size kept at each new anagen at full exposure', `${FU2021} (miniaturisation within the first induced cycle)`, [0.2, 1, 'a fraction kept per cycle']),
  susceptibilityMean: assumed(0.7, '1', 'mean per-follicle androgen susceptibility (Beta distributed, 0-1)', 'most dorsal follicles respond in C57BL/6 males (Fu 2021, qualitative)', [0.05, 0.95, 'a Beta mean inside (0, 1)']),
  susceptibilitySd: assumed(0.2, '1', 'SD of per-follicle androgen susceptibility', 'heterogeneous response gives patchy regrowth', [0, 0.45, 'a Beta SD must stay below sqrt(m(1-m))']),
} satisfies ParameterSet;

/** Between-animal variability (CV of lognormal multipliers with mean 1; SD of the competent fraction). */
export const mouseVariability = {
  anagenDurationCv: assumed(0.08, '1', 'between-mouse CV of anagen duration', 'synchronous cohorts differ by ~1 d in catagen onset', [0, 0.3]),
  refractoryDurationCv: assumed(0.2, '1', 'between-mouse CV of refractory duration', 'age within P49-56 and individual telogen timing', [0, 0.5]),
  activationCv: assumed(0.3, '1', 'between-mouse CV of the telogen→anagen hazards', 'regrowth onset after cream varies by days between mice of one group', [0, 0.8]),
  growthRateCv: assumed(0.08, '1', 'between-mouse CV of shaft growth rate', 'small', [0, 0.3]),
  androgenSensitivityCv: assumed(0.3, '1', 'between-mouse CV of androgen sensitivity', 'AGA mouse groups respond unevenly to TP/DHT', [0, 0.8]),
  competentFractionSd: assumed(0.1, '1', 'between-mouse SD of the initial competent fraction', 'telogen stage at depilation differs between mice', [0, 0.3]),
} satisfies ParameterSet;

/** All mouse parameters, for documentation checks. */
export const mouseParameters: ParameterSet = {
  ...mouseCycle,
  ...mouseFollicle,
  ...mouseDepilation,
  ...mouseAga,
  ...mouseVariability,
};
