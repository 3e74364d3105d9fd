import type { ParticleTransportParams, WoundSignalParams } from '../../delivery/substrates.ts';
import type { InsertionParams } from '../../patch/geometry.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';

/** What patch delivery needs besides the patch section: particle transport, wound signal, insertion (SI). */
export interface DeliveryParams {
  ceria: ParticleTransportParams;
  wound: WoundSignalParams;
  insertion: InsertionParams;
}

const UM2 = 1e-12;

/** Delivery parameters in SI units from resolved parameter values. */
export function assembleDelivery(values: ParameterValues): DeliveryParams {
  const v = parameterReader(values);
  return {
    ceria: {
      diffusionM2PerS: {
        stratumCorneum: v('ceria.transport.diffusionStratumCorneumUm2PerS') * UM2,
        epidermis: v('ceria.transport.diffusionEpidermisUm2PerS') * UM2,
        dermis: v('ceria.transport.diffusionDermisUm2PerS') * UM2,
        hypodermis: v('ceria.transport.diffusionHypodermisUm2PerS') * UM2,
      },
      clearanceAt20nmPerS: v('ceria.transport.lymphaticClearanceAt20nmPerDay') * (1 / 86400),
      clearanceSizeScaleNm: v('ceria.transport.clearanceSizeScaleNm'),
      pegCoatingFactor: v('ceria.transport.pegCoatingClearanceFactor'),
      diameterNm: v('ceria.transport.hydrodynamicDiameterNm'),
    },
    wound: {
      diffusionM2PerS: v('patch.woundSignalDiffusionUm2PerS') * UM2,
      decayPerS: Math.LN2 / (v('patch.woundSignalHalfLifeH') * 3600),
      trackSourceGain: v('patch.woundTrackSourceGain'),
    },
    insertion: {
      referenceFraction: v('patch.insertionFraction'),
      referenceForceN: v('patch.applicationForcePerNeedleN'),
      forceScaleN: v('patch.insertionForceScaleN'),
    },
  };
}
