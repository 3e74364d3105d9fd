/**
 * Parameters that are already scenario fields (their schema default is the parameter's value): for each
 * model, the field(s) a `parameters:` override is written to. Field paths are dotted; `*` runs over the
 * elements of an array, and a segment ending in `?` is only entered when the scenario has it (an optional
 * section such as an arm's patch is not created by a parameter). `rules.*` parameters bind to the default
 * rules table (see scenarioSection.ts).
 */
export type ModelName = 'mouseStudy' | 'humanScalp' | 'patchDelivery';
export const MODEL_NAMES: readonly ModelName[] = ['mouseStudy', 'humanScalp', 'patchDelivery'];

export type Binding = Partial<Record<ModelName, readonly string[]>>;

const mouse = (...fields: string[]): Binding => ({ mouseStudy: fields.map((f) => `skin.${f}`) });
const human = (...fields: string[]): Binding => ({ humanScalp: fields.map((f) => `scalp.${f}`) });
const REGIONS = ['frontal', 'midScalp', 'vertex', 'occipital'];
const allRegions = (field: string) => human(...REGIONS.map((r) => `regions.${r}.${field}`));
/** A patch field: the patch section of a delivery scenario, and every arm's patch of a mouse study. */
const patch = (field: string): Binding => ({ patchDelivery: [`patch.${field}`], mouseStudy: [`arms.*.patch?.${field}`] });

export const BINDINGS: Readonly<Record<string, Binding>> = {
  'mouse.cycle.anagenMeanDays': mouse('cycle.anagen.meanDays'),
  'mouse.cycle.anagenSdDays': mouse('cycle.anagen.sdDays'),
  'mouse.cycle.catagenMeanDays': mouse('cycle.catagen.meanDays'),
  'mouse.cycle.catagenSdDays': mouse('cycle.catagen.sdDays'),
  'mouse.cycle.refractoryMeanDays': mouse('cycle.refractoryTelogen.meanDays'),
  'mouse.cycle.refractorySdDays': mouse('cycle.refractoryTelogen.sdDays'),
  'mouse.cycle.spontaneousActivationPerDay': mouse('cycle.spontaneousActivationPerDay'),
  'mouse.cycle.neighbourThreshold': mouse('coupling.threshold'),
  'mouse.cycle.propagationRatePerDay': mouse('coupling.ratePerDay'),
  'mouse.cycle.propagatingAnagenDays': mouse('coupling.propagatingAnagenDays'),
  'mouse.follicle.follicleDensityPerMm2': mouse('lattice.follicleDensityPerMm2'),
  'mouse.follicle.emergenceDays': mouse('shaft.emergenceDays'),
  'mouse.follicle.growthRateMmPerDay': mouse('shaft.growthRateMmPerDay'),
  'mouse.follicle.maxShaftLengthMm': mouse('shaft.maxLengthMm'),
  'mouse.follicle.shaftDiameterMeanUm': mouse('shaft.diameterUm.mean'),
  'mouse.follicle.shaftDiameterSdUm': mouse('shaft.diameterUm.sd'),
  'mouse.follicle.miniaturizedDiameterUm': mouse('shaft.miniaturizedDiameterUm'),
  'mouse.follicle.miniaturizedBelowSize': mouse('shaft.miniaturizedBelowSize'),
  'mouse.follicle.visibleLengthMm': mouse('shaft.visibleLengthMm'),
  'mouse.follicle.pigmentOnsetDays': mouse('pigment.onsetDays'),
  'mouse.follicle.pigmentRampDays': mouse('pigment.rampDays'),
  'mouse.follicle.pigmentFadeDays': mouse('pigment.fadeDays'),
  'mouse.follicle.initialCompetentFraction': mouse('initial.competentFraction'),
  'mouse.depilation.waxPeakRatePerDay': mouse('depilation.wax.peakRatePerDay'),
  'mouse.depilation.waxDecayDays': mouse('depilation.wax.decayDays'),
  'mouse.depilation.waxRefractoryResponse': mouse('depilation.wax.refractoryResponse'),
  'mouse.depilation.creamPeakRatePerDay': mouse('depilation.cream.peakRatePerDay'),
  'mouse.depilation.creamDecayDays': mouse('depilation.cream.decayDays'),
  'mouse.depilation.creamRefractoryResponse': mouse('depilation.cream.refractoryResponse'),
  'mouse.aga.activationFactor': mouse('aga.activationFactor'),
  'mouse.aga.refractoryFactor': mouse('aga.refractoryFactor'),
  'mouse.aga.propagationFactor': mouse('aga.propagationFactor'),
  'mouse.aga.anagenDurationFactor': mouse('aga.anagenDurationFactor'),
  'mouse.aga.growthRateFactor': mouse('aga.growthRateFactor'),
  'mouse.aga.sizeRetentionPerCycle': mouse('aga.sizeRetentionPerCycle'),
  'mouse.aga.susceptibilityMean': mouse('aga.susceptibility.mean'),
  'mouse.aga.susceptibilitySd': mouse('aga.susceptibility.sd'),
  'mouse.variability.anagenDurationCv': mouse('variability.anagenDurationCv'),
  'mouse.variability.refractoryDurationCv': mouse('variability.refractoryDurationCv'),
  'mouse.variability.activationCv': mouse('variability.activationCv'),
  'mouse.variability.growthRateCv': mouse('variability.growthRateCv'),
  'mouse.variability.androgenSensitivityCv': mouse('variability.androgenSensitivityCv'),
  'mouse.variability.competentFractionSd': mouse('variability.competentFractionSd'),
  'study.rosCv': { mouseStudy: ['animals.rosCv'] },
  'study.minoxidilAbsorptionCv': { mouseStudy: ['animals.minoxidilAbsorptionCv'] },
  'tile.mouse.voxelUm': { mouseStudy: ['microenvironment.voxelUm'] },
  'tile.mouse.depthUm': { mouseStudy: ['microenvironment.depthUm'] },
  'tile.human.voxelUm': { humanScalp: ['microenvironment.voxelUm'] },
  'tile.human.depthUm': { humanScalp: ['microenvironment.depthUm'] },
  'human.cycle.anagenMeanDays': human('cycle.anagen.meanDays'),
  'human.cycle.anagenSdDays': human('cycle.anagen.sdDays'),
  'human.cycle.catagenMeanDays': human('cycle.catagen.meanDays'),
  'human.cycle.catagenSdDays': human('cycle.catagen.sdDays'),
  'human.cycle.telogenMeanDays': human('cycle.telogen.meanDays'),
  'human.cycle.telogenSdDays': human('cycle.telogen.sdDays'),
  'human.cycle.latencyProbability': human('cycle.latency.probability'),
  'human.cycle.latencyMeanDays': human('cycle.latency.meanDays'),
  'human.cycle.latencySdDays': human('cycle.latency.sdDays'),
  'human.follicle.terminalDiameterMeanUm': human('follicle.terminalDiameterUm.mean'),
  'human.follicle.terminalDiameterSdUm': human('follicle.terminalDiameterUm.sd'),
  'human.follicle.vellusDiameterUm': human('follicle.vellusDiameterUm'),
  'human.follicle.terminalThresholdUm': human('follicle.terminalThresholdUm'),
  'human.follicle.vellusFraction': human('follicle.vellusFraction'),
  'human.follicle.vellusAnagenMeanDays': human('follicle.vellusAnagenMeanDays'),
  'human.follicle.follicleDensityPerCm2': allRegions('follicleDensityPerCm2'),
  'human.follicle.criticalCyclesMean': human('follicle.criticalCycles.mean'),
  'human.follicle.criticalCyclesSd': human('follicle.criticalCycles.sd'),
  'human.aga.miniaturizationPerCycle': human('aga.miniaturizationPerCycle'),
  'human.aga.susceptibilityMean': human('aga.susceptibility.mean'),
  'human.aga.susceptibilitySd': human('aga.susceptibility.sd'),
  'human.aga.dormantThreshold': human('aga.dormantThreshold'),
  'human.aga.agaLatencyMeanDays': human('aga.latencyMeanDays'),
  'human.aga.sensitivityFrontal': human('regions.frontal.androgenSensitivity'),
  'human.aga.sensitivityMidScalp': human('regions.midScalp.androgenSensitivity'),
  'human.aga.sensitivityVertex': human('regions.vertex.androgenSensitivity'),
  'human.aga.sensitivityOccipital': human('regions.occipital.androgenSensitivity'),
  'human.regions.frontalAreaCm2': human('regions.frontal.areaCm2'),
  'human.regions.midScalpAreaCm2': human('regions.midScalp.areaCm2'),
  'human.regions.vertexAreaCm2': human('regions.vertex.areaCm2'),
  'human.regions.occipitalAreaCm2': human('regions.occipital.areaCm2'),
  'patch.pitchUm': patch('pitchUm'),
  'patch.needleHeightUm': patch('needleHeightUm'),
  'patch.baseDiameterUm': patch('baseDiameterUm'),
  'patch.applicationForcePerNeedleN': patch('insertion.forcePerNeedleN'),
  'patch.dissolutionHalfTimeMin': patch('matrix.dissolutionHalfTimeMin'),
  'patch.ceriaPerNeedleNg': patch('cargo.massPerNeedleNg'),
  'patch.woundPeakDays': patch('injury.peakDays'),
};
