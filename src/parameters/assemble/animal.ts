import type { AnimalParams } from '../../study/animal.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';
import { assembleFollicleSignals } from './signals.ts';
import { assembleSkin } from './skin.ts';
import { assembleTile } from './tile.ts';

/** One study mouse's constants (tile, follicle signals, dorsal skin, spin-up) from resolved parameter values. */
export function assembleAnimal(values: ParameterValues): AnimalParams {
  const v = parameterReader(values);
  return {
    tile: assembleTile(values),
    signals: assembleFollicleSignals(values),
    skin: assembleSkin(values, 'mouseDorsal'),
    defaultPitchM: v('patch.pitchUm') * 1e-6,
    spinUpDays: v('study.spinUpDays'),
  };
}
