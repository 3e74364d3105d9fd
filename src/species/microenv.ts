import { assumed, derived, lit, type ParameterSet } from '../core/parameter.ts';

/**
 * Perifollicular microenvironment parameters (SI units unless the key says otherwise): ROS chemistry,
 * ceria nanozyme catalysis, VEGF, vessels, minoxidil, follicle damage and p-S6. Sources from
 * shared/references/ceria-microneedle-study.md §4-§6; gaps are labelled assumptions with their reasoning.
 */
const H2O2_BRAIN = 'H2O2 removal t½ 2.2 s in rodent brain extracellular space in vivo (PMC8804256)';

export const rosChemistry = {
  h2o2BaselineMolPerM3: assumed(1e-4, 'mol/m³', 'healthy extracellular H2O2 level (0.1 µM), the ROS reference level', 'intracellular H2O2 is low nM (PMC8804256); extracellular tissue levels of 0.1-1 µM are typical; reference choice', [1e-5, 1e-3, 'extracellular H2O2 0.01-1 µM']),
  h2o2ClearancePerS: lit(0.315, '1/s', 'total endogenous H2O2 removal rate at baseline (catalase + GPx + peroxiredoxins)', `${H2O2_BRAIN}: ln2/2.2 s`, [0.05, 2, 'half-life 0.35-14 s around the 2.2 s in vivo value']),
  catalaseShare: assumed(0.33, '1', 'share of baseline H2O2 removal by catalase (the rest by glutathione peroxidase)', 'catalase dominates at high H2O2, GPx at low; one third is a neutral split', [0.1, 0.9]),
  catalaseKmMolPerM3: assumed(25, 'mol/m³', 'catalase apparent Km for H2O2 (25 mM)', 'catalase is unsaturated at physiological H2O2; textbook Km of tens of mM', [10, 100, 'catalase Km tens of mM']),
  glutathioneMolPerM3: assumed(2, 'mol/m³', 'tissue glutathione (GSH) pool at rest (2 mM)', 'tissue GSH 1-10 mM; assumption', [1, 10, 'tissue GSH 1-10 mM']),
  glutathioneRegenPerS: assumed(1 / 3600, '1/s', 'GSH regeneration rate (glutathione reductase/NADPH)', 'GSH depletion under oxidative stress recovers over about an hour; gives the defence a finite capacity', [1 / 36000, 1 / 360, 'recovery over 6 min to 10 h']),
  sodRateConstantM3PerMolS: lit(2e6, 'm³/(mol·s)', 'native SOD dismutation rate constant (2e9 /M/s)', 'pulse radiolysis k1 1.4e9, k2 1.9e9 /M/s at pH 7 (scilit 9c7e0d1b)', [1e6, 3e6, 'pulse radiolysis 1.4-1.9e9 /M/s']),
  sodEnzymeMolPerM3: assumed(5e-3, 'mol/m³', 'tissue SOD enzyme concentration (5 µM)', 'µM-range SOD in tissue; assumption', [1e-3, 2e-2, 'µM-range SOD']),
  superoxideShareOfProduction: assumed(0.8, '1', 'share of ROS produced as superoxide (the rest directly as H2O2)', 'mitochondrial leak is mainly superoxide (1-2 % of O2, low-quality source rostra.ai)', [0.5, 1]),
  superoxideGshRateM3PerMolS: assumed(1e-3, 'm³/(mol·s)', 'non-enzymatic superoxide scavenging by GSH and other thiols (1 /M/s)', 'slow compared with SOD; keeps a small GSH-dependent sink', [0, 0.1]),
  androgenRosFactor: assumed(1.5, '1', 'fractional rise of follicular ROS production at the AGA androgen level (production × (1 + 1.5·dht))', 'androgen raises ROS in DP cells (BMB Rep 2013, pubmed 24064061); balding DPCs have high ROS (scribd 82360493); magnitude a gap', [0, 5]),
  follicleRosShare: assumed(0.7, '1', 'share of baseline ROS production in perifollicular tissue (the rest uniform in viable skin)', 'DP and matrix cells are the metabolically active sources; assumption', [0.3, 0.95]),
} satisfies ParameterSet;

export const ceriaCatalysis = {
  densityKgPerM3: lit(7215, 'kg/m³', 'CeO2 density', 'handbook value for cerium(IV) oxide', [7100, 7300, 'handbook 7.1-7.3 g/cm³']),
  coreDiameterNm: lit(4.5, 'nm', 'ceria core diameter', 'smallest of the sizes compared by Baldim et al., Nanoscale 2018 (hal-02342481); smaller = more active', [3, 25, 'sizes of Baldim 2018 and typical nanoceria']),
  ce3Fraction: assumed(0.3, '1', 'Ce3+ fraction of surface cerium', 'activity scales with Ce3+ surface area (arxivlens Ce3+ master curve); 20-40 % typical of small ceria', [0.1, 0.5, '20-40 % typical of small ceria, widened']),
  sodRatePerAreaMPerS: assumed(50, 'm/s', 'SOD-like rate constant per Ce3+ surface area (m³ per m² per s)', 'chosen so 10 µg/mL ceria matches ~10 % of endogenous SOD activity; the ceria SOD constant is unconfirmed (Korsvik 2007)', [1, 1000, 'unconfirmed constant: wide']),
  catVmaxPerAreaMolPerM2S: assumed(2.28e-3, 'mol/(m²·s)', 'catalase-like Vmax per Ce3+ surface area', 'Km/Vmax are a gap (references §4, §7); with Km 3.8 mM (DiZyme median), 10 µg/mL ceria doubles baseline H2O2 clearance (Vmax/Km as before with 6e-3 and 10 mM)', [1e-4, 1e-1, 'Km/Vmax are a gap: wide']),
  catKmMolPerM3: lit(3.8, 'mol/m³', 'catalase-like Km for H2O2 (3.8 mM)', 'median of 16 CeO2 H2O2 Km entries in the DiZyme database (acid-design-lab/DiZyme, data/nanozymes.csv; mouse-model-evidence §4)', [0.067, 293, 'DiZyme CeO2 range']),
  activityHalfLifeDays: assumed(3, 'd', 'half-life of ceria catalytic activity in tissue (deactivation of the active surface; particles may stay)', 'ceria SOD/CAT balance changes in biological media (phosphate, protein corona): activity in tissue is not constant (mouse-model-evidence §4, review knowledge); assumption', [1, 14]),
} satisfies ParameterSet;

export const vegfVessels = {
  vegfBaselineMolPerM3: lit(1e-9, 'mol/m³', 'soluble VEGF reference level (1 pM)', 'soluble VEGF ~1 pM (BMC Syst Biol 5:59, fig 3)', [1e-10, 1e-8, 'soluble VEGF ~0.1-10 pM']),
  vegfHalfLifeH: assumed(1, 'h', 'VEGF half-life in dermis', 'plasma clearance 0.0206/min gives t½ 34 min (BMC Syst Biol 2:77); tissue binding lengthens it', [0.5, 6]),
  vegfDiffusionUm2PerS: assumed(10, 'µm²/s', 'VEGF diffusivity in dermis', 'a gap (references §5); 45 kDa protein, 5-10x below free diffusion in collagen-rich tissue (PMC31885)', [1, 100]),
  vegfAnagenFactor: lit(2, '1', 'VEGF production of an anagen follicle relative to telogen', 'VEGF from ORS keratinocytes rises in anagen, perifollicular vessels grow (Yano 2001, PMC199257); fold assumed', [1, 5]),
  vegfHypoxiaGain: assumed(2, '1', 'VEGF production gain per unit perfusion deficit (1 - P)', 'HIF-1α drives VEGF under hypoxia; magnitude assumed', [0, 10]),
  vegfWoundGain: assumed(3, '1', 'VEGF production gain per a.u. of wound signal', 'microneedling raises VEGF with Wnt (Kim 2016, Ann Dermatol); magnitude assumed', [0, 10]),
  vegfMinoxidilMax: assumed(1, '1', 'maximal fold rise of VEGF production by minoxidil minus one (in vivo)', 'the ~6x of Lachgar 1998 is an in-vitro mRNA fold in human DPCs, not an in-vivo production gain; in vivo perifollicular VEGF changes are at most a few-fold (anagen vs telogen, Yano 2001), so at most a doubling of production is assumed', [0, 5, 'up to the in-vitro mRNA fold']),
  vegfMaxProductionFold: assumed(3, '1', 'ceiling of the combined VEGF production multiplier (anagen × hypoxia × wound × minoxidil × androgen) relative to healthy telogen', 'in vivo perifollicular VEGF rises a few-fold at most (anagen ORS, Yano 2001); keeps VEGF folds within ~3x', [1.5, 6]),
  vegfMinoxidilHalfMaxMolPerM3: assumed(5e-3, 'mol/m³', 'minoxidil level for half the VEGF rise (5 µM)', 'near-saturating effect at 24 µM (Lachgar 1998)', [1e-3, 5e-2]),
  vegfAndrogenReduction: assumed(0.3, '1', 'fractional reduction of VEGF production at the AGA androgen level', 'AGA scalp and AGA mice show fewer perifollicular vessels (study: AGA reduces vessels); mechanism assumed', [0, 0.8]),
  vesselMin: assumed(0.5, '1', 'relative vessel density with no VEGF', 'perifollicular plexus regresses but does not vanish in telogen (Mecklenburg 2002)', [0.1, 0.9, 'below the healthy density 1']),
  vesselMax: assumed(3, '1', 'maximal relative vessel density', 'anagen perifollicular angiogenesis roughly doubles-triples vessel area (Yano 2001)', [1.5, 5, 'above the healthy density 1']),
  vesselHill: assumed(2, '1', 'Hill coefficient of vessel target density in VEGF fold', 'switch-like angiogenic response; assumption', [1, 4]),
  vesselGrowthDays: lit(3, 'd', 'time constant of vessel growth toward its target', 'angiogenesis within days of anagen onset (Mecklenburg 2002)', [1, 7]),
  vesselRegressionDays: assumed(5, 'd', 'time constant of vessel regression', 'regression in catagen/telogen over about a week (Mecklenburg 2002)', [2, 14]),
  vesselRosInhibition: assumed(0.5, '1', 'reduction of vessel target per unit ROS index above baseline', 'oxidative stress impairs endothelial function and angiogenesis; magnitude assumed', [0, 2]),
} satisfies ParameterSet;

export const minoxidilPk = {
  molarMassGPerMol: lit(209.25, 'g/mol', 'minoxidil molar mass', 'C9H15N5O', [209, 209.5, 'a property of the molecule']),
  doseUl: lit(100, 'µL', 'topical volume per application (5 % solution), mouse', 'typical 0.1 mL per mouse in AGA-mouse protocols (j-smu 2019111376: 5 % tincture twice daily)', [20, 200]),
  concentrationMgPerMl: lit(50, 'mg/mL', '5 % minoxidil solution', 'Olsen 2002 5 % topical', [20, 50, '2 % and 5 % solutions']),
  absorbedFraction: assumed(0.02, '1', 'fraction of the applied dose absorbed into the skin', 'about 1.4 % in human scalp (label); assumption', [0.005, 0.1, '~1.4 % in human scalp, widened']),
  treatedAreaCm2: assumed(4, 'cm²', 'dorsal area the dose spreads over, mouse', 'depilated dorsal area of ~2 x 2 cm', [1, 10]),
  absorptionHours: assumed(8, 'h', 'duration of absorption after each application', 'vehicle evaporates, absorption continues for hours; assumption', [2, 24]),
  halfLifeH: assumed(4, 'h', 'clearance half-life of minoxidil from dermis', 'skin levels can reach mM (PMC5796003) and fall between twice-daily doses; assumption', [1, 24]),
  diffusionUm2PerS: assumed(300, 'µm²/s', 'minoxidil diffusivity in skin tissue', 'small molecule (209 Da) hindered by tissue; assumption', [50, 1000, 'small molecule hindered by tissue']),
  sulfatedFraction: assumed(0.1, '1', 'fraction of follicular minoxidil present as the active minoxidil sulfate (SULT1A1 in the outer root sheath)', 'minoxidil is a prodrug activated by follicular sulfotransferase (Buhl 1990; SULT1A1 predicts response in humans, Goren 2014); rodent follicular activity unknown; assumption', [0.02, 0.5]),
  entryPlanes: assumed(2, 'planes', 'viable voxel planes below the stratum corneum that the absorbed dose enters (epidermis and the first dermal plane)', 'topical minoxidil reaches the upper dermis within the absorption window; assumption tied to the tile voxel', [1, 4, 'one to four voxel planes (62.5-250 µm at the default voxel)']),
} satisfies ParameterSet;

export const follicleSignals = {
  damageRepairDays: assumed(5, 'd', 'time constant of oxidative-damage repair in dermal papilla cells', 'DP cell turnover/repair over days; assumption', [1, 20]),
  damageAtBaseline: derived(0.1, '1', 'steady damage at the reference ROS level', 'sets k_dmg = k_rep·D0/(1 − D0) so healthy follicles carry 10 % damage', [0.01, 0.5]),
  pS6Basal: assumed(0.1, '1', 'basal p-S6 (mTORC1) activation of telogen stem cells', 'p-S6 appears only at the onset of new growth (study, references §3); low basal level', [0.01, 0.5]),
  superoxideDamageWeight: assumed(0.3, '1', 'weight of superoxide (vs H2O2) in the oxidative load that damages dermal papilla cells', 'superoxide inactivates Fe-S enzymes and drives mitochondrial damage; with it, ceria SOD-like activity acts on follicles; weight assumed', [0, 0.7]),
  pS6EarlyAnagenDays: assumed(2, 'd', 'anagen age up to which the activated stem-cell compartment stays p-S6 positive', 'mTORC1 activity marks HFSC activation at the telogen→anagen transition (Deng 2015, mouse-model-evidence §3); hair-germ proliferation spans anagen I-II, about the first 2 days', [0.5, 4]),
  pS6Days: assumed(1, 'd', 'time constant of p-S6 activation', 'HFSC activation within a day of a stimulus; assumption', [0.25, 5]),
  productionSizeExponent: assumed(1, '1', 'exponent e of a follicle\'s VEGF and ROS production in its relative size (current / full shaft diameter): production ∝ size^e',
    'dermal papilla volume is proportional to the volume of the hair the follicle makes (Ibrahim & Wright 1982, J Embryol Exp Morphol 72:209, mouse and rat vibrissae) and DP cell number sets follicle size (Elliott 1999): a miniaturized follicle has fewer producing cells; linear in diameter assumed',
    [0, 2, 'size independent (0) to proportional to the bulb cross-section (2)']),
} satisfies ParameterSet;

export const microenvParameters: ParameterSet = { ...rosChemistry, ...ceriaCatalysis, ...vegfVessels, ...minoxidilPk, ...follicleSignals };
