import type { ParameterSet } from '../core/parameter.ts';
import type { ModelName } from './bindings.ts';
import { humanAga, humanCycle, humanFollicle, humanRegions } from '../species/human.ts';
import { ceriaCatalysis, follicleSignals, minoxidilPk, rosChemistry, vegfVessels } from '../species/microenv.ts';
import { mouseAga, mouseCycle, mouseDepilation, mouseFollicle, mouseVariability } from '../species/mouse.ts';
import { ruleBounds, ruleMagnitudes } from '../species/rules.ts';
import { ceriaTransport, follicleLayout, humanScalpSkin, microneedlePatch, mouseDorsalSkin } from '../species/skin.ts';
import { studyParameters } from '../species/study.ts';
import { humanTile, mouseTile } from '../species/tile.ts';
import { ceriaHuman, dutasteride, finasteride, microneedling, minoxidil } from '../species/drugs.ts';
import { trialExecution, trialMeasurement, trialMinoxidil, trialPopulation, trialProgression } from '../species/trial.ts';

/** A parameter set under a dotted path prefix, with the title of its table in docs/model.md. */
export interface ParameterGroup {
  prefix: string;
  title: string;
  /** Where the defaults live (src/species/<file>: <export>). */
  source: string;
  /** docs/model.md table block this group is printed in. */
  doc: 'human' | 'mouse' | 'skin' | 'microenv' | 'study' | 'trial';
  set: ParameterSet;
  /** Models that read this group (for `follisim params --model`). */
  models: readonly ModelName[];
}

const M: ModelName[] = ['mouseStudy'];
const H: ModelName[] = ['humanScalp'];
const MH: ModelName[] = ['mouseStudy', 'humanScalp'];
const T: ModelName[] = ['trial'];
// the trial's ceria depth–dose runs the patch-delivery machinery (src/trial/ceriaDepthDose.ts)
const MDT: ModelName[] = ['mouseStudy', 'patchDelivery', 'trial'];
const HDT: ModelName[] = ['humanScalp', 'patchDelivery', 'trial'];
const ALLT: ModelName[] = ['mouseStudy', 'humanScalp', 'patchDelivery', 'trial'];
// the trials couple the human region tile and the rules into their follicles (src/trial/microenvironment.ts)
const MHT: ModelName[] = ['mouseStudy', 'humanScalp', 'trial'];
const HT: ModelName[] = ['humanScalp', 'trial'];

/** Every parameter set of the models; the catalog's paths are `<prefix>.<key>`. */
export const PARAMETER_GROUPS: readonly ParameterGroup[] = [
  { prefix: 'human.cycle', title: 'Human cycle', source: 'human.ts: humanCycle', doc: 'human', models: H, set: humanCycle },
  { prefix: 'human.follicle', title: 'Human follicle and shaft', source: 'human.ts: humanFollicle', doc: 'human', models: H, set: humanFollicle },
  { prefix: 'human.aga', title: 'Human AGA', source: 'human.ts: humanAga', doc: 'human', models: H, set: humanAga },
  { prefix: 'human.regions', title: 'Human scalp regions', source: 'human.ts: humanRegions', doc: 'human', models: H, set: humanRegions },
  { prefix: 'mouse.cycle', title: 'Mouse cycle', source: 'mouse.ts: mouseCycle', doc: 'mouse', models: M, set: mouseCycle },
  { prefix: 'mouse.follicle', title: 'Mouse follicle, shaft and pigment', source: 'mouse.ts: mouseFollicle', doc: 'mouse', models: M, set: mouseFollicle },
  { prefix: 'mouse.depilation', title: 'Mouse depilation', source: 'mouse.ts: mouseDepilation', doc: 'mouse', models: M, set: mouseDepilation },
  { prefix: 'mouse.aga', title: 'Mouse AGA', source: 'mouse.ts: mouseAga', doc: 'mouse', models: M, set: mouseAga },
  { prefix: 'mouse.variability', title: 'Between-mouse variability', source: 'mouse.ts: mouseVariability', doc: 'mouse', models: M, set: mouseVariability },
  { prefix: 'skin.mouseDorsal', title: 'Mouse dorsal skin', source: 'skin.ts: mouseDorsalSkin', doc: 'skin', models: MDT, set: mouseDorsalSkin },
  { prefix: 'skin.humanScalp', title: 'Human scalp skin', source: 'skin.ts: humanScalpSkin', doc: 'skin', models: HDT, set: humanScalpSkin },
  { prefix: 'skin.layout', title: 'Follicle layout in a delivery window', source: 'skin.ts: follicleLayout', doc: 'skin', models: ['patchDelivery'], set: follicleLayout },
  { prefix: 'ceria.transport', title: 'Ceria transport', source: 'skin.ts: ceriaTransport', doc: 'skin', models: ALLT, set: ceriaTransport },
  { prefix: 'patch', title: 'Microneedle patch', source: 'skin.ts: microneedlePatch', doc: 'skin', models: ALLT, set: microneedlePatch },
  { prefix: 'ros', title: 'ROS chemistry', source: 'microenv.ts: rosChemistry', doc: 'microenv', models: MHT, set: rosChemistry },
  { prefix: 'ceria.catalysis', title: 'Ceria catalysis', source: 'microenv.ts: ceriaCatalysis', doc: 'microenv', models: MHT, set: ceriaCatalysis },
  { prefix: 'vegf', title: 'VEGF and vessels', source: 'microenv.ts: vegfVessels', doc: 'microenv', models: MHT, set: vegfVessels },
  { prefix: 'minoxidil', title: 'Minoxidil', source: 'microenv.ts: minoxidilPk', doc: 'microenv', models: MHT, set: minoxidilPk },
  { prefix: 'signals', title: 'Follicle damage and p-S6', source: 'microenv.ts: follicleSignals', doc: 'microenv', models: MHT, set: follicleSignals },
  { prefix: 'rules', title: 'Default rule magnitudes', source: 'rules.ts: ruleMagnitudes', doc: 'microenv', models: MHT, set: ruleMagnitudes },
  { prefix: 'ruleBounds', title: 'Bounds of the combined rule factor per behaviour', source: 'rules.ts: ruleBounds', doc: 'microenv', models: M, set: ruleBounds },
  { prefix: 'study', title: 'Mouse study', source: 'study.ts: studyParameters', doc: 'study', models: M, set: studyParameters },
  { prefix: 'tile.mouse', title: 'Mouse tile', source: 'tile.ts: mouseTile', doc: 'study', models: M, set: mouseTile },
  { prefix: 'tile.human', title: 'Human region tiles', source: 'tile.ts: humanTile', doc: 'study', models: HT, set: humanTile },
  // virtual trials (tables in docs/model.md §9, written by hand and checked by test/trial/docs.test.ts)
  { prefix: 'trial.finasteride', title: 'Finasteride', source: 'drugs.ts: finasteride', doc: 'trial', models: T, set: finasteride },
  { prefix: 'trial.dutasteride', title: 'Dutasteride', source: 'drugs.ts: dutasteride', doc: 'trial', models: T, set: dutasteride },
  { prefix: 'trial.minoxidil', title: 'Topical minoxidil (trials)', source: 'drugs.ts: minoxidil', doc: 'trial', models: T, set: minoxidil },
  { prefix: 'trial.microneedling', title: 'Microneedling', source: 'drugs.ts: microneedling', doc: 'trial', models: T, set: microneedling },
  { prefix: 'trial.ceriaHuman', title: 'Ceria patch on human scalp', source: 'drugs.ts: ceriaHuman', doc: 'trial', models: T, set: ceriaHuman },
  { prefix: 'trialPopulation', title: 'Trial population', source: 'trial.ts: trialPopulation', doc: 'trial', models: T, set: trialPopulation },
  { prefix: 'trialProgression', title: 'Trial AGA progression', source: 'trial.ts: trialProgression', doc: 'trial', models: T, set: trialProgression },
  { prefix: 'trialExecution', title: 'Trial execution', source: 'trial.ts: trialExecution', doc: 'trial', models: T, set: trialExecution },
  { prefix: 'trialMeasurement', title: 'Trial measurement', source: 'trial.ts: trialMeasurement', doc: 'trial', models: T, set: trialMeasurement },
  { prefix: 'trialMinoxidil', title: 'Trial minoxidil gain', source: 'trial.ts: trialMinoxidil', doc: 'trial', models: T, set: trialMinoxidil },
];
