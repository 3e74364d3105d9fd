import type { FollicleSignalParams } from '../../microenv/follicleCoupling.ts';
import { BEHAVIOURS } from '../../microenv/rules.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';

/** Follicle damage and p-S6 constants in SI units (1/s, s) from resolved parameter values. */
export function assembleFollicleSignals(values: ParameterValues): FollicleSignalParams {
  const v = parameterReader(values);
  return {
    h2o2RefMolPerM3: v('ros.h2o2BaselineMolPerM3'),
    damageRepairPerS: 1 / (v('signals.damageRepairDays') * 86400),
    damageAtBaseline: v('signals.damageAtBaseline'),
    pS6Basal: v('signals.pS6Basal'),
    pS6TimeS: v('signals.pS6Days') * 86400,
    pS6EarlyAnagenDays: v('signals.pS6EarlyAnagenDays'),
    minoxidilSulfatedFraction: v('minoxidil.sulfatedFraction'),
    superoxideDamageWeight: v('signals.superoxideDamageWeight'),
    productionSizeExponent: v('signals.productionSizeExponent'),
    ruleBounds: { min: BEHAVIOURS.map((b) => v(`ruleBounds.${b}.min`)), max: BEHAVIOURS.map((b) => v(`ruleBounds.${b}.max`)) },
  };
}
