import type { ParameterSet } from '../core/parameter.ts';
import { humanAga, humanCycle, humanFollicle, humanRegions } from '../species/human.ts';
import { ceriaCatalysis, follicleSignals, minoxidilPk, rosChemistry, vegfVessels } from '../species/microenv.ts';
import { mouseAga, mouseCycle, mouseDepilation, mouseFollicle, mouseVariability } from '../species/mouse.ts';
import { ruleMagnitudes } from '../species/rules.ts';
import { ceriaTransport, humanScalpSkin, microneedlePatch, mouseDorsalSkin } from '../species/skin.ts';
import { studyParameters } from '../species/study.ts';
import { humanTile, mouseTile } from '../species/tile.ts';

/** A parameter set under a dotted path prefix, with the title of its table in docs/model.md. */
export interface ParameterGroup {
  prefix: string;
  title: string;
  /** Where the defaults live (src/species/<file>: <export>). */
  source: string;
  /** docs/model.md table block this group is printed in. */
  doc: 'human' | 'mouse' | 'skin' | 'microenv' | 'study';
  set: ParameterSet;
}

/** Every parameter set of the models; the catalog's paths are `<prefix>.<key>`. */
export const PARAMETER_GROUPS: readonly ParameterGroup[] = [
  { prefix: 'human.cycle', title: 'Human cycle', source: 'human.ts: humanCycle', doc: 'human', set: humanCycle },
  { prefix: 'human.follicle', title: 'Human follicle and shaft', source: 'human.ts: humanFollicle', doc: 'human', set: humanFollicle },
  { prefix: 'human.aga', title: 'Human AGA', source: 'human.ts: humanAga', doc: 'human', set: humanAga },
  { prefix: 'human.regions', title: 'Human scalp regions', source: 'human.ts: humanRegions', doc: 'human', set: humanRegions },
  { prefix: 'mouse.cycle', title: 'Mouse cycle', source: 'mouse.ts: mouseCycle', doc: 'mouse', set: mouseCycle },
  { prefix: 'mouse.follicle', title: 'Mouse follicle, shaft and pigment', source: 'mouse.ts: mouseFollicle', doc: 'mouse', set: mouseFollicle },
  { prefix: 'mouse.depilation', title: 'Mouse depilation', source: 'mouse.ts: mouseDepilation', doc: 'mouse', set: mouseDepilation },
  { prefix: 'mouse.aga', title: 'Mouse AGA', source: 'mouse.ts: mouseAga', doc: 'mouse', set: mouseAga },
  { prefix: 'mouse.variability', title: 'Between-mouse variability', source: 'mouse.ts: mouseVariability', doc: 'mouse', set: mouseVariability },
  { prefix: 'skin.mouseDorsal', title: 'Mouse dorsal skin', source: 'skin.ts: mouseDorsalSkin', doc: 'skin', set: mouseDorsalSkin },
  { prefix: 'skin.humanScalp', title: 'Human scalp skin', source: 'skin.ts: humanScalpSkin', doc: 'skin', set: humanScalpSkin },
  { prefix: 'ceria.transport', title: 'Ceria transport', source: 'skin.ts: ceriaTransport', doc: 'skin', set: ceriaTransport },
  { prefix: 'patch', title: 'Microneedle patch', source: 'skin.ts: microneedlePatch', doc: 'skin', set: microneedlePatch },
  { prefix: 'ros', title: 'ROS chemistry', source: 'microenv.ts: rosChemistry', doc: 'microenv', set: rosChemistry },
  { prefix: 'ceria.catalysis', title: 'Ceria catalysis', source: 'microenv.ts: ceriaCatalysis', doc: 'microenv', set: ceriaCatalysis },
  { prefix: 'vegf', title: 'VEGF and vessels', source: 'microenv.ts: vegfVessels', doc: 'microenv', set: vegfVessels },
  { prefix: 'minoxidil', title: 'Minoxidil', source: 'microenv.ts: minoxidilPk', doc: 'microenv', set: minoxidilPk },
  { prefix: 'signals', title: 'Follicle damage and p-S6', source: 'microenv.ts: follicleSignals', doc: 'microenv', set: follicleSignals },
  { prefix: 'rules', title: 'Default rule magnitudes', source: 'rules.ts: ruleMagnitudes', doc: 'microenv', set: ruleMagnitudes },
  { prefix: 'study', title: 'Mouse study', source: 'study.ts: studyParameters', doc: 'study', set: studyParameters },
  { prefix: 'tile.mouse', title: 'Mouse tile', source: 'tile.ts: mouseTile', doc: 'study', set: mouseTile },
  { prefix: 'tile.human', title: 'Human region tiles', source: 'tile.ts: humanTile', doc: 'study', set: humanTile },
];
