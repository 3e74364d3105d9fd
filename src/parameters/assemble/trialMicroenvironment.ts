import type { HumanTileParams } from '../../tasks/humanMicroenvironment.ts';
import type { Rule } from '../../microenv/rules.ts';
import { defaultRules } from '../../microenv/defaultRules.ts';
import { microenvSchema, type MicroenvConfig } from '../../microenv/schema.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';
import { assembleHumanTiles } from './humanTiles.ts';

/** What the trials' per-region microenvironment reads: the human region tile, its numerics and the rules table. */
export interface TrialMicroenvParams {
  tiles: HumanTileParams;
  /** Tile numerics and mechanism switches (voxel and depth of the human region tiles; defaults otherwise). */
  config: MicroenvConfig;
  /** The default rules table at the scenario's rule magnitudes (`rules.*`), the mouse's own. */
  rules: Rule[];
}

/** The trials' microenvironment constants from resolved parameter values (defaults for paths not given). */
export function assembleTrialMicroenv(values: ParameterValues): TrialMicroenvParams {
  const v = parameterReader(values);
  return {
    tiles: assembleHumanTiles(values),
    // LOD transport at the calibration's step: the natural-history and drug fits were made on it (§9.10)
    config: microenvSchema.parse({ voxelUm: v('tile.human.voxelUm'), depthUm: v('tile.human.depthUm'), couplingStepH: v('tile.human.couplingStepH'), transportScheme: 'lod' }),
    rules: defaultRules((k) => v(`rules.${k}`)),
  };
}
