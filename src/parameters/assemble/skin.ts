import type { SkinParams } from '../../skin/schema.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';

/** A species' skin (layer thicknesses and bulb depths, m) from resolved parameter values. */
export function assembleSkin(values: ParameterValues, species: 'mouseDorsal' | 'humanScalp'): SkinParams {
  const v = parameterReader(values);
  const m = (key: string) => v(`skin.${species}.${key}`) * 1e-6;
  return {
    layersM: { stratumCorneum: m('stratumCorneumUm'), epidermis: m('epidermisUm'), dermis: m('dermisUm'), hypodermis: m('hypodermisUm') },
    telogenBulbDepthM: m('telogenBulbDepthUm'),
    anagenBulbDepthM: m('anagenBulbDepthUm'),
    perifollicularSigmaM: m('perifollicularSigmaUm'),
    follicleJitterFraction: v('skin.layout.jitterFraction'),
  };
}
