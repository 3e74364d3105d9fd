import type { HumanTileParams } from '../../tasks/humanMicroenvironment.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';
import { assembleFollicleSignals } from './signals.ts';
import { assembleSkin } from './skin.ts';
import { assembleTile } from './tile.ts';

/** The human region tiles' constants (tile, signals, scalp skin, spin-up and run length) from parameter values. */
export function assembleHumanTiles(values: ParameterValues): HumanTileParams {
  const v = parameterReader(values);
  return {
    tile: assembleTile(values),
    signals: assembleFollicleSignals(values),
    skin: assembleSkin(values, 'humanScalp'),
    pitchM: v('patch.pitchUm') * 1e-6,
    spinUpDays: v('tile.human.spinUpDays'),
    steadyDays: v('tile.human.steadyDays'),
  };
}
