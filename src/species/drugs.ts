import { assumed, derived, lit, type ParameterSet } from '../core/parameter.ts';

/**
 * Drug and device parameters of the virtual AGA trials (finasteride, dutasteride, topical minoxidil,
 * dermaroller microneedling, the ceria microneedle patch on human scalp). Sources are in
 * shared/references/human-translation.md (§ numbers below); every entry is in docs/model.md §9 with a
 * plausible range (the `*Ranges` objects, [min, max] in the same unit, with the reason) so the parameter
 * catalog can fold them in. Treated-arm trial results are never used here: only PK/PD and mechanism numbers.
 */

const DRAKE = 'Drake 1999, 249 men, 42 d: scalp DHT −14.9/−61.6/−56.5/−64.1/−69.4 % at 0.01/0.05/0.2/1/5 mg (references §3.2)';
const CLARK = 'Clark 2004, 399 men, 24 wk: serum DHT −94.7 % (dutasteride 0.5 mg), −98.4 % (5 mg) (references §3.2)';

/** 5α-reductase inhibitors: dose → DHT suppression (Emax model E = Emax·D/(ED50 + D)). */
export const finasteride = {
  scalpEmax: derived(0.679, '1', 'maximal fractional scalp DHT suppression by finasteride', `least-squares Emax fit to ${DRAKE}, placebo not subtracted`, [0.56, 0.7, "Drake 1999 scalp suppression at 0.2-5 mg"]),
  scalpEd50Mg: derived(0.0188, 'mg/d', 'finasteride daily dose giving half the maximal scalp DHT suppression', `same fit (${DRAKE})`, [0.005, 0.05, "0.01 mg barely suppresses, 0.05 mg nearly maximal (Drake 1999)"]),
  serumEmax: derived(0.736, '1', 'maximal fractional serum DHT suppression by finasteride', 'least-squares Emax fit to Drake 1999 serum −49.5/−68.6/−71.4/−72.2 % at 0.05/0.2/1/5 mg', [0.7, 0.75, "Drake 1999 serum at 0.2-5 mg"]),
  serumEd50Mg: derived(0.0229, 'mg/d', 'finasteride dose giving half the maximal serum DHT suppression', 'same fit (Drake 1999 serum)', [0.01, 0.05, "Drake 1999 serum 0.05 mg \u221249.5 %"]),
  suppressionCv: assumed(0.2, '1', 'between-subject CV of the suppression (lognormal multiplier, capped at full suppression)', 'finasteride suppression more variable than dutasteride (references §7); 0.15-0.25 suggested, no source for the value', [0.1, 0.3, "references \u00a77 suggestion 0.15-0.25"]),
  recoveryDays: lit(14, 'd', 'time for DHT to return to baseline after the last finasteride dose', 'serum DHT back to baseline ~14 d after stopping (references §3.3, secondary)', [7, 28, "single dose suppresses \u2265 7 d; baseline by ~14 d"]),
} satisfies ParameterSet;

export const dutasteride = {
  serumEmax: derived(0.988, '1', 'maximal fractional serum DHT suppression by dutasteride', `Emax through ${CLARK}`, [0.95, 0.995, "Clark 2004 0.5-5 mg"]),
  serumEd50Mg: derived(0.0216, 'mg/d', 'dutasteride dose giving half the maximal serum suppression', `same (${CLARK})`, [0.01, 0.05, "dose-dependent 0.05-2.5 mg (Olsen 2006)"]),
  scalpToSerumRatio: derived(0.923, '1', 'scalp/serum ratio of maximal suppression (applied to dutasteride)', 'finasteride scalp Emax / serum Emax = 0.679/0.736 (Drake 1999); dutasteride scalp numbers are a gap (Olsen 2006 full text)', [0.6, 1, "type 1 inhibition may raise scalp suppression above finasteride ratio"]),
  suppressionCv: assumed(0.05, '1', 'between-subject CV of dutasteride suppression', 'less variability with dutasteride (Clark 2004, references §3.2); value assumed', [0.02, 0.15, "less variable than finasteride"]),
  onsetDays: lit(14, 'd', 'time to near-maximal DHT suppression after starting', 'maximal plasma DHT decrease 1-2 weeks after starting 0.5 mg (references §3.3)', [7, 28, "1-2 weeks to maximal decrease"]),
  recoveryDays: lit(150, 'd', 'time for DHT to recover after stopping (drug detectable 4-6 months)', 'dutasteride detectable 4-6 months after stopping; t½ 3-5 weeks (references §3.3)', [90, 180, "detectable 4-6 months"]),
} satisfies ParameterSet;

/** Topical minoxidil: applied dose → absorbed → activated by follicular SULT1A1 → behaviour factors. */
export const minoxidil = {
  absorbedFraction: lit(0.014, '1', 'fraction of the applied minoxidil absorbed through intact scalp', '~1.4 % of the applied dose (label, references §2.1)', [0.01, 0.04, "1.4 % label; 1.6-3.9 % urinary (Franz 1985)"]),
  foamRelativeAbsorption: assumed(1, '1', 'absorption of the foam relative to the solution', 'no scalp foam/solution comparison in the references; propylene-glycol-free foam assumed equivalent', [0.7, 1.5, "vehicle effects on absorption unknown"]),
  referenceAbsorbedMgPerDay: derived(1.4, 'mg/d', 'absorbed dose of the reference regimen (5 %, 1 mL twice daily)', '2 × 50 mg × 0.014 (references §2.1)', [1, 4, "1.4-3.9 % of 100 mg/d"]),
  sultMedianOd: derived(0.424, 'OD405', 'median follicular SULT1A1 activity (lognormal between men)', 'P(OD < 0.4) = 0.45 at CV 0.5: men 49.3 % low (Chitalia 2018), 40.8 % overall (references §2.3)', [0.35, 0.55, "40.8-49.3 % below 0.4 OD"]),
  sultCv: derived(0.5, '1', 'between-subject CV of follicular SULT1A1 activity', 'responders 0.78 ± 0.37, non-responders 0.31 ± 0.16 OD (CV 0.47-0.52, references §7)', [0.4, 0.6, "derived CVs 0.47-0.52"]),
  sultReferenceOd: lit(0.4, 'OD405', 'SULT activity at which the activated exposure is 1 per unit absorbed dose (assay cut-off)', 'OD405 < 0.4 = low follicular sulfotransferase activity (references §2.2)', [0.3, 0.6, "assay cut-off 0.4; \"> 0.6\" better responders"]),
  ec50: assumed(1, '1', 'activated exposure giving half the maximal effect', 'no scalp minoxidil-sulfate concentration-response in humans (references §2.1 gap); 5 % at the assay cut-off set half-maximal', [0.3, 3, "no human concentration-response; 2 % vs 5 % spans 0.4\u00d7"]),
  activationMax: assumed(3, '1', 'maximal multiplier of the telogen/kenogen exit hazard (scaled by the fitted minoxidil gain)', 'minoxidil shortens telogen and starts anagen in resting follicles (Messenger & Rundegren 2004); same saturation as the mouse minoxidil rule (3)', [1.5, 10, "rat telogen 20 d \u2192 1-2 d (\u00d710-20) is the upper end"]),
  anagenMax: assumed(1.3, '1', 'maximal anagen-duration multiplier', 'minoxidil "may prolong anagen" (Messenger & Rundegren 2004); no prolongation in rat (Mori & Uno)', [1, 2, "no prolongation (rat) to doubling"]),
  sizeRetentionMax: assumed(1.15, '1', 'maximal per-cycle size-retention multiplier', 'minoxidil increases follicle size (macaque; Messenger & Rundegren 2004); magnitude assumed', [1, 1.3, "follicle size increase, magnitude unknown"]),
  washoutDays: lit(4, 'd', 'time for the drug effect to end after the last application', '~95 % of absorbed minoxidil eliminated within 4 days (label, references §2.1)', [1, 30, "elimination 4 d; effects vanish within a month (Van Neste 2020)"]),
} satisfies ParameterSet;

/** Dermaroller microneedling: penetration, wound signal, minoxidil uptake while pores are open. */
export const microneedling = {
  rollerInsertionMin: lit(0.2, '1', 'lowest fraction of the needle length that penetrates (roller)', 'DermaRoller 770 µm → 152.5 µm channels in rat (PMC3160154)', [0.1, 0.5, "rat 0.2; forum 0.5-0.7"]),
  rollerInsertionMax: lit(0.8, '1', 'highest fraction of the needle length that penetrates (roller)', 'polymer MN 600 µm → ~460 µm in human skin in vivo (PMC3016610)', [0.5, 1, "human polymer MN 0.77; pens ~0.99"]),
  patchInsertionMin: assumed(0.5, '1', 'lowest inserted fraction of a dissolving patch needle', 'suggested patch range 0.5-0.8 (references §1.4)', [0.3, 0.6, "hydrogel MN ~300 \u00b5m inserted"]),
  patchInsertionMax: lit(0.8, '1', 'highest inserted fraction of a dissolving patch needle', '~77 % for a 600 µm polymer MN in human skin (PMC3016610)', [0.6, 0.9, "460/600 \u00b5m in vivo"]),
  woundPerMm: assumed(1, 'a.u./mm', 'peak wound signal per mm of channel depth (a.u. of the mouse wound signal)', '1 a.u. ≈ tissue mean under the default mouse patch at peak (src/species/skin.ts); deeper channels injure more', [0.3, 3, "wound scale relative to the mouse patch"]),
  healingHalfLifeDays: lit(1, 'd', 'half-life of the wound signal as channels heal', 'micropore closure half-life 20-26 h (PMC8259462); pores closed 12-18 h in rat', [0.1, 2.5, "< 2 h barrier recovery to 58-63 h closure"]),
  woundHalfMax: lit(0.3, 'a.u.', 'wound signal at half the maximal activation response', 'mouse rule wound → p-S6 (halfMax 0.3, hill 2; src/microenv/defaultRules.ts), same mechanism', [0.1, 1, "mouse rule assumption"]),
  woundHill: lit(2, '1', 'Hill coefficient of the wound response', 'mouse rule wound → p-S6 (src/microenv/defaultRules.ts)', [1, 3, "mouse rule assumption"]),
  humanWoundActivationGain: assumed(1, '1', 'extra telogen/kenogen exit hazard at a saturating wound signal (human)', 'mouse wound rule saturates at 6; humans are "deficient" in wound-induced regeneration (Wier 2018), so a smaller gain is assumed', [0, 5, "0 = no human wound response; mouse saturation 5 extra"]),
  poreOpenDays: lit(1, 'd', 'time the channels stay open to topical drug after a session', 'barrier back < 2 h unoccluded, pores open up to 24 h (PMC4119956, Gupta 2011)', [0.08, 2.5, "2 h unoccluded to 58-63 h closure"]),
  uptakeEnhancement: lit(2.2, '1', 'minoxidil absorption multiplier while the pores are open', 'roller pretreatment raised amantadine flux 22.4 → 49.0 µg/cm²/h (porcine, n.s.; references §2.1)', [1, 3.6, "roller 2.2\u00d7 (n.s.); dissolving MN 3.6\u00d7 ex vivo"]),
} satisfies ParameterSet;

/** Ceria microneedle patch on the human scalp (depth-dose by steady diffusion with lymphatic clearance). */
export const ceriaHuman = {
  needleHeightUm: assumed(600, 'µm', 'patch needle height', 'as the default patch (src/species/skin.ts microneedlePatch)', [250, 1500, "typical dissolving MN heights"]),
  diffusionUm2PerS: lit(5, 'µm²/s', 'nanoparticle diffusivity in dermis', 'dextran in ex vivo human dermis 1-20 µm²/s (PMC6288161; ceriaTransport)', [1, 20, "ex vivo dextrans 1-20 \u00b5m\u00b2/s"]),
  clearancePerDay: derived(0.75, '1/d', 'lymphatic clearance rate of the coated ceria nanoparticles in the 1-D profile check only (the 3-D solve, the safety readouts and the carry-over after the last patch use ceria.transport.*: 0.455/d with the 30 nm size gate)', 'k20 0.5/d × PEG factor 1.5 (src/species/skin.ts ceriaTransport), without the size gate', [0.05, 2, "lymphatic clearance of 20-40 nm particles is a gap"]),
  bulgeDepthUm: lit(1000, 'µm', 'depth of the bulge and of telogen follicle bases (human scalp)', 'cycling stem cells 0.5-1.5 mm (references §1.2, surgeon blog); telogen bases ~1 mm (humanScalpSkin)', [500, 1500, "stem-cell band 0.5-1.5 mm"]),
  bulbDepthUm: lit(5000, 'µm', 'depth of terminal anagen bulbs (human scalp)', 'anagen bulbs 4-7 mm, in the subcutaneous fat (references §0, §1.2)', [4000, 7000, "anagen bulbs 4-7 mm"]),
  mouseDepotDepthUm: derived(400, 'µm', 'mouse deposit depth (600 µm needle × ~0.67)', 'mid insertion fraction of the patch range 0.5-0.8', [300, 480, "insertion 0.5-0.8 of 600 \u00b5m"]),
  mouseIntervalDays: assumed(4, 'd', 'days between patches of the mouse reference regimen (the level the mouse bulb gets)', 'the mouse study example patches every 4 days (examples/mouse-cemn-study.yaml); the study interval is a gap ("lower administration frequency")', [2, 7, "every 2-7 days in the study's month"]),
  mouseBulbDepthUm: lit(500, 'µm', 'mouse anagen bulb depth', 'Hansen 1984 (450-550 µm; mouseDorsalSkin)', [450, 550, "Hansen 1984"]),
  halfEffectRelConc: assumed(0.2, '1', 'concentration (relative to the mouse bulb level) giving half the ceria effect', 'the mouse study dose is near-saturating; half effect at 1/5 of it', [0.02, 1, "dose-response of the mouse study is a gap"]),
  activationMax: assumed(1.5, '1', 'maximal telogen/kenogen exit multiplier from ROS relief at the bulge', 'mouse: lower damage raises p-S6 and telogen exit; human magnitude unknown (references §6 gap)', [1, 3, "no human data"]),
  rosShareOfMiniaturization: assumed(0.3, '1', 'share of the per-cycle miniaturization that oxidative damage carries (removable by ceria at the bulb)', 'balding DPCs more sensitive to oxidative stress (Upton 2015); androgen counted once: this share of δ·x, not an extra rate', [0, 0.5, "oxidative contribution to AGA unknown in vivo"]),
  rosReductionMax: assumed(0.6, '1', 'maximal fractional ROS reduction where ceria is saturating', 'ceria SOD/catalase mimetic; default microenv chemistry halves ROS at ~10 µg/mL (src/species/microenv.ts)', [0.3, 0.9, "microenv chemistry at 1-100 \u00b5g/mL"]),
  rosFloor: assumed(0.5, '1', 'physiological ROS floor (fraction of healthy ROS) below which signalling is impaired', 'ROS are needed for anagen signalling; floor assumed', [0.3, 0.8, "no measured floor"]),
  agaRosExcess: lit(1.57, '1', 'perifollicular ROS of AGA vertex relative to healthy scalp', 'human scalp microenvironment readout at exposure 0.5 (docs/validation.md §2.3)', [1.2, 2, "human microenv readout; no tissue ROS measurement in AGA"]),
  doseUgPerPatch: assumed(50, 'µg', 'ceria loaded per patch (per cm² of scalp)', 'tens of µg per HA array typical; mouse study loading is a gap in the references', [5, 500, "loading is a gap"]),
} satisfies ParameterSet;

/** [min, max] of each drug parameter, in its unit, with the reason (for the parameter catalog). */
export const drugRanges: Record<string, { range: [number, number]; reason: string }> = {
  'finasteride.scalpEmax': { range: [0.56, 0.7], reason: 'Drake 1999 scalp suppression at 0.2-5 mg' },
  'finasteride.scalpEd50Mg': { range: [0.005, 0.05], reason: '0.01 mg barely suppresses, 0.05 mg nearly maximal (Drake 1999)' },
  'finasteride.serumEmax': { range: [0.7, 0.75], reason: 'Drake 1999 serum at 0.2-5 mg' },
  'finasteride.serumEd50Mg': { range: [0.01, 0.05], reason: 'Drake 1999 serum 0.05 mg −49.5 %' },
  'finasteride.suppressionCv': { range: [0.1, 0.3], reason: 'references §7 suggestion 0.15-0.25' },
  'finasteride.recoveryDays': { range: [7, 28], reason: 'single dose suppresses ≥ 7 d; baseline by ~14 d' },
  'dutasteride.serumEmax': { range: [0.95, 0.995], reason: 'Clark 2004 0.5-5 mg' },
  'dutasteride.serumEd50Mg': { range: [0.01, 0.05], reason: 'dose-dependent 0.05-2.5 mg (Olsen 2006)' },
  'dutasteride.scalpToSerumRatio': { range: [0.6, 1], reason: 'type 1 inhibition may raise scalp suppression above finasteride ratio' },
  'dutasteride.suppressionCv': { range: [0.02, 0.15], reason: 'less variable than finasteride' },
  'dutasteride.onsetDays': { range: [7, 28], reason: '1-2 weeks to maximal decrease' },
  'dutasteride.recoveryDays': { range: [90, 180], reason: 'detectable 4-6 months' },
  'minoxidil.absorbedFraction': { range: [0.01, 0.04], reason: '1.4 % label; 1.6-3.9 % urinary (Franz 1985)' },
  'minoxidil.foamRelativeAbsorption': { range: [0.7, 1.5], reason: 'vehicle effects on absorption unknown' },
  'minoxidil.referenceAbsorbedMgPerDay': { range: [1, 4], reason: '1.4-3.9 % of 100 mg/d' },
  'minoxidil.sultMedianOd': { range: [0.35, 0.55], reason: '40.8-49.3 % below 0.4 OD' },
  'minoxidil.sultCv': { range: [0.4, 0.6], reason: 'derived CVs 0.47-0.52' },
  'minoxidil.sultReferenceOd': { range: [0.3, 0.6], reason: 'assay cut-off 0.4; "> 0.6" better responders' },
  'minoxidil.ec50': { range: [0.3, 3], reason: 'no human concentration-response; 2 % vs 5 % spans 0.4×' },
  'minoxidil.activationMax': { range: [1.5, 10], reason: 'rat telogen 20 d → 1-2 d (×10-20) is the upper end' },
  'minoxidil.anagenMax': { range: [1, 2], reason: 'no prolongation (rat) to doubling' },
  'minoxidil.sizeRetentionMax': { range: [1, 1.3], reason: 'follicle size increase, magnitude unknown' },
  'minoxidil.washoutDays': { range: [1, 30], reason: 'elimination 4 d; effects vanish within a month (Van Neste 2020)' },
  'microneedling.rollerInsertionMin': { range: [0.1, 0.5], reason: 'rat 0.2; forum 0.5-0.7' },
  'microneedling.rollerInsertionMax': { range: [0.5, 1], reason: 'human polymer MN 0.77; pens ~0.99' },
  'microneedling.patchInsertionMin': { range: [0.3, 0.6], reason: 'hydrogel MN ~300 µm inserted' },
  'microneedling.patchInsertionMax': { range: [0.6, 0.9], reason: '460/600 µm in vivo' },
  'microneedling.woundPerMm': { range: [0.3, 3], reason: 'wound scale relative to the mouse patch' },
  'microneedling.healingHalfLifeDays': { range: [0.1, 2.5], reason: '< 2 h barrier recovery to 58-63 h closure' },
  'microneedling.woundHalfMax': { range: [0.1, 1], reason: 'mouse rule assumption' },
  'microneedling.woundHill': { range: [1, 3], reason: 'mouse rule assumption' },
  'microneedling.humanWoundActivationGain': { range: [0, 5], reason: '0 = no human wound response; mouse saturation 5 extra' },
  'microneedling.poreOpenDays': { range: [0.08, 2.5], reason: '2 h unoccluded to 58-63 h closure' },
  'microneedling.uptakeEnhancement': { range: [1, 3.6], reason: 'roller 2.2× (n.s.); dissolving MN 3.6× ex vivo' },
  'ceriaHuman.needleHeightUm': { range: [250, 1500], reason: 'typical dissolving MN heights' },
  'ceriaHuman.diffusionUm2PerS': { range: [1, 20], reason: 'ex vivo dextrans 1-20 µm²/s' },
  'ceriaHuman.clearancePerDay': { range: [0.05, 2], reason: 'lymphatic clearance of 20-40 nm particles is a gap' },
  'ceriaHuman.bulgeDepthUm': { range: [500, 1500], reason: 'stem-cell band 0.5-1.5 mm' },
  'ceriaHuman.bulbDepthUm': { range: [4000, 7000], reason: 'anagen bulbs 4-7 mm' },
  'ceriaHuman.mouseDepotDepthUm': { range: [300, 480], reason: 'insertion 0.5-0.8 of 600 µm' },
  'ceriaHuman.mouseIntervalDays': { range: [2, 7], reason: "every 2-7 days in the study's month" },
  'ceriaHuman.mouseBulbDepthUm': { range: [450, 550], reason: 'Hansen 1984' },
  'ceriaHuman.halfEffectRelConc': { range: [0.02, 1], reason: 'dose-response of the mouse study is a gap' },
  'ceriaHuman.activationMax': { range: [1, 3], reason: 'no human data' },
  'ceriaHuman.rosShareOfMiniaturization': { range: [0, 0.5], reason: 'oxidative contribution to AGA unknown in vivo' },
  'ceriaHuman.rosReductionMax': { range: [0.3, 0.9], reason: 'microenv chemistry at 1-100 µg/mL' },
  'ceriaHuman.rosFloor': { range: [0.3, 0.8], reason: 'no measured floor' },
  'ceriaHuman.agaRosExcess': { range: [1.2, 2], reason: 'human microenv readout; no tissue ROS measurement in AGA' },
  'ceriaHuman.doseUgPerPatch': { range: [5, 500], reason: 'loading is a gap' },
};

/** All drug/device parameters, for documentation checks. */
export const drugParameters: ParameterSet = {
  ...prefix('finasteride', finasteride),
  ...prefix('dutasteride', dutasteride),
  ...prefix('minoxidil', minoxidil),
  ...prefix('microneedling', microneedling),
  ...prefix('ceriaHuman', ceriaHuman),
};

function prefix(name: string, set: ParameterSet): ParameterSet {
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [`${name}.${k}`, v]));
}
