import { assumed, derived, lit, type ParameterSet } from '../core/parameter.ts';

/**
 * Skin layer thicknesses and transport properties per species (scenario units: µm, µm²/s, h).
 * Sources: shared/references/ceria-microneedle-study.md §5.
 */
const HANSEN = 'Hansen et al. 1984, mouse skin histometry, shrinkage-corrected (scilit f8dafd12)';
const MN_REVIEW = 'Makvandi et al., Nano-Micro Lett 2021 (doi 10.1007/s40820-021-00611-9)';
const DEXTRAN_D = 'rhodamine-dextran diffusivity in ex vivo human skin after microprojection delivery (PMC6288161)';

/** Mouse dorsal skin (telogen) layer thicknesses. */
export const mouseDorsalSkin = {
  stratumCorneumUm: assumed(10, 'µm', 'stratum corneum thickness, mouse dorsal', 'thinner than human 10-20 µm (Makvandi 2021); murine SC is a few cell layers', [5, 20, 'a few cell layers; below human 10-20 µm']),
  epidermisUm: lit(10, 'µm', 'viable epidermis thickness (telogen)', HANSEN, [5, 30, 'Hansen 1984 telogen to anagen']),
  dermisUm: lit(250, 'µm', 'dermis thickness (telogen)', HANSEN, [150, 400, 'Hansen 1984 telogen to anagen']),
  hypodermisUm: lit(150, 'µm', 'dermal adipose (hypodermis) thickness (telogen)', HANSEN, [50, 400, 'dermal adipose thickens in anagen (Hansen 1984)']),
  telogenBulbDepthUm: lit(150, 'µm', 'depth of telogen follicle bases', HANSEN, [100, 250]),
  anagenBulbDepthUm: lit(500, 'µm', 'depth of anagen bulbs (450-550 µm, days 7-15 after depilation)', HANSEN, [400, 700, 'Hansen 1984 450-550 µm, widened; must stay inside the tile depth']),
  perifollicularSigmaUm: assumed(40, 'µm', 'width σ of the Gaussian perifollicular kernel through which a follicle produces VEGF and ROS and senses its signals',
    'bulbs ~50-70 µm wide (adjacent dorsal follicles lie ~50-70 µm apart, bulbs nearly touching in anagen: mouse.follicle.follicleDensityPerMm2) plus the outer root sheath and the perifollicular dermal sheath and capillary plexus: 74 % of a 3-D Gaussian lies within 2σ = 80 µm of the bulb centre',
    [20, 80, 'bulb radius alone (~25-35 µm) to bulb plus a one-bulb-wide perifollicular shell']),
} satisfies ParameterSet;

/** Human scalp layer thicknesses. */
export const humanScalpSkin = {
  stratumCorneumUm: lit(15, 'µm', 'stratum corneum thickness', `human SC ~10-20 µm (${MN_REVIEW})`, [10, 20, 'human SC 10-20 µm']),
  epidermisUm: assumed(70, 'µm', 'viable epidermis thickness, scalp', 'typical non-glabrous human epidermis 50-100 µm; no scalp-specific source in the references', [50, 100, 'non-glabrous epidermis 50-100 µm']),
  dermisUm: assumed(1500, 'µm', 'dermis thickness, scalp', 'scalp dermis ~1-2 mm; no source in the references', [1000, 2500, 'scalp dermis ~1-2 mm, widened']),
  hypodermisUm: assumed(3000, 'µm', 'subcutaneous fat thickness, scalp', 'anagen bulbs of terminal scalp hairs sit in the subcutis; no source in the references', [1000, 6000]),
  telogenBulbDepthUm: assumed(1000, 'µm', 'depth of telogen follicle bases', 'telogen club hairs rise to ~1/3 of anagen depth; assumption', [500, 2000]),
  anagenBulbDepthUm: assumed(3500, 'µm', 'depth of terminal anagen bulbs', 'terminal anagen bulbs in the subcutis; assumption', [2500, 4500, 'terminal bulbs in the subcutis; the tile is >= 4 mm deep']),
  perifollicularSigmaUm: assumed(150, 'µm', 'width σ of the Gaussian perifollicular kernel of a terminal scalp follicle (VEGF and ROS production, signals)',
    'terminal human bulbs are several times wider than mouse pelage bulbs (~0.2-0.4 mm); σ scaled from the mouse value (40 µm for ~60 µm bulbs); assumption',
    [75, 300, 'half to twice the assumed width']),
} satisfies ParameterSet;

/** Ceria nanoparticle (PEG-lipid coated) transport in skin. */
export const ceriaTransport = {
  hydrodynamicDiameterNm: assumed(30, 'nm', 'hydrodynamic diameter of PEG-lipid coated ceria', 'core size and coating of the study are a gap; 5-50 nm range of PEGylated ceria', [5, 100, '5-50 nm PEGylated ceria; lymphatic drainage negligible at 100 nm']),
  diffusionStratumCorneumUm2PerS: assumed(0.001, 'µm²/s', 'NP diffusivity in stratum corneum', 'practically impermeable to nanoparticles (the reason for microneedles)', [0, 0.1, 'practically impermeable']),
  diffusionEpidermisUm2PerS: lit(4, 'µm²/s', 'NP diffusivity in viable epidermis', `${DEXTRAN_D}: epidermis 1-8`, [1, 8, 'PMC6288161: epidermis 1-8']),
  diffusionDermisUm2PerS: lit(5, 'µm²/s', 'NP diffusivity in dermis', `${DEXTRAN_D}: dermis 1-20`, [1, 20, 'PMC6288161: dermis 1-20']),
  diffusionHypodermisUm2PerS: assumed(5, 'µm²/s', 'NP diffusivity in hypodermis', 'as dermis; no measurement', [1, 20, 'as dermis']),
  lymphaticClearanceAt20nmPerDay: assumed(0.5, '1/d', 'dermal lymphatic clearance rate of 20 nm particles', '20 nm drains fast, 40 nm less, 100 nm negligibly (PMC7747954); rate itself is a gap', [0.05, 5]),
  clearanceSizeScaleNm: derived(20, 'nm', 'e-folding particle size of lymphatic clearance', 'k(d) = k20·exp(-(d-20)/s): 40 nm -> k20/e, 100 nm -> k20/55, matching the size gate of PMC7747954', [10, 40]),
  pegCoatingClearanceFactor: assumed(1.5, '1', 'clearance multiplier for the PEG-lipid coating (hydrophilic, less binding to matrix)', 'PEGylation favours lymphatic uptake (PMC5178132: uptake falls with hydrophobicity)', [1, 3, 'PEG favours, never hinders, uptake']),
} satisfies ParameterSet;

/** Dissolving hyaluronic-acid microneedle defaults. */
export const microneedlePatch = {
  needleHeightUm: assumed(600, 'µm', 'needle height', 'Ce-MN geometry is a gap; 25-2000 µm typical (proquest 3059655735), 600 µm common for HA arrays', [25, 2000, 'microneedles 25-2000 µm (proquest 3059655735)']),
  baseDiameterUm: assumed(300, 'µm', 'needle base diameter', 'aspect ratio 2:1, typical of moulded HA needles', [100, 600]),
  pitchUm: assumed(500, 'µm', 'centre-to-centre needle spacing', 'typical 10x10 moulded arrays', [200, 1500]),
  insertionFraction: assumed(0.6, '1', 'inserted fraction of needle height at the default application force', `incomplete insertion of dissolving MN is the rule (chigaco.vukou.com/36610239; ${MN_REVIEW})`, [0.2, 1, 'incomplete insertion is the rule']),
  applicationForcePerNeedleN: assumed(0.09, 'N', 'reference application force per needle (thumb press on a 100-needle array, ~9 N)', 'manual application forces of ~10 N per array are typical; assumption', [0.01, 0.5]),
  insertionForceScaleN: assumed(0.05, 'N', 'per-needle force at which insertion reaches 63 % of its maximum (reference skin stiffness)', 'order of reported MN insertion forces (0.05-0.1 N/needle); assumption', [0.02, 0.2, 'reported insertion forces 0.05-0.1 N/needle, widened']),
  dissolutionHalfTimeMin: assumed(20, 'min', 'half-time of HA matrix dissolution in skin', '~1 h for full dissolution in rat skin (Liu 2012, unconfirmed): t½ ≈ 20 min', [2, 120]),
  ceriaPerNeedleNg: assumed(30, 'ng', 'ceria mass loaded per needle', 'the Ce-MN loading is a gap: chosen so patches every 4 days bring perifollicular ROS of AGA skin back toward normal (time-mean 1.09x healthy vs 2.16x untreated in the 62.5 µm tile over days 1-12) rather than far below it (0.57x at 100 ng); 3 µg per 100-needle patch', [3, 100, 'tile ROS 1.91x (3 ng) to 0.57x (100 ng) healthy under androgen']),
  woundPeakDays: lit(6, 'd', 'time of the peak of the cytokine (wound-response) signal after microneedling', 'TNF-α surge at day 6 after microneedling (day 3 after plucking) in C57BL/6 (microinjury TNF-α study, references §6; mouse-model-evidence §4)', [3, 8, 'day 3 (plucking) to ~8']),
  woundResponseShape: assumed(4, '1', 'shape k of the cytokine response (t/τ)^k·e^(k(1 − t/τ)): above half its peak from ~0.52τ to ~1.7τ (days 3-10 at τ = 6 d)', 'a response of days around the day-6 peak; assumption', [2, 8, 'half-peak width ~9 d (k = 2) to ~4 d (k = 8)']),
  poreResealHalfLifeH: lit(12, 'h', 'half-life of the open micropores (acute wound emission)', 'hairless rat: barrier back in 4-5 h, pores closed by 12-18 h (PMC3160154); human: 2 h non-occluded (Gupta 2011) to 20-26 h impedance half-life (PMC8259462)', [2, 26, 'human non-occluded 2 h to impedance half-life 26 h']),
  woundAcuteAmplitude: assumed(0.5, '1', 'acute wound emission while the pores are open, relative to the cytokine peak', 'insertion injury is small (pores reseal within a day); assumption', [0, 2]),
  woundSignalCeiling: assumed(1.5, 'a.u.', 'local wound-signal level at which tracks stop emitting (saturation of the tissue response)', 'bounds the response to repeated patches near the single-patch peak (1 a.u.); assumption', [1, 5]),
  woundSignalDiffusionUm2PerS: assumed(10, 'µm²/s', 'diffusivity of the wound signal (cytokine-like, ~17-50 kDa)', 'protein in collagen-rich dermis, 5-10x below free diffusion (PMC31885)', [1, 100]),
  woundTrackSourceGain: derived(33, '1', 'wound emission of a track voxel relative to the local-steady-state level (so 1 a.u. ≈ the tissue-mean level under the default patch at peak)',
    'viable skin depth ~400 µm / inserted needle volume per skin area of the default patch (π·90²·360/3 µm³ per 500² µm² = 12.2 µm) ≈ 33', [10, 100, 'viable depth / inserted volume per area over plausible patches']),
  woundSignalHalfLifeH: assumed(6, 'h', 'half-life of the wound signal in tissue', 'cytokines are cleared within hours; assumption', [1, 24]),
} satisfies ParameterSet;

/** Placement of follicles in a delivery window (the perifollicular readout mask). */
export const follicleLayout = {
  jitterFraction: assumed(0.3, '1', 'largest random shift of a follicle from its square-lattice site, as a fraction of the spacing (±)',
    'stands in for the irregular follicle pattern; below 0.5 neighbouring follicles cannot swap places', [0, 0.5, 'a regular lattice (0) to neighbours just not crossing (0.5)']),
} satisfies ParameterSet;

/** Human scalp skin parameters, for documentation checks. */
export const humanSkinParameters: ParameterSet = { ...humanScalpSkin };
