import type { ChemistryParams } from '../../microenv/chemistry.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';

/** ROS chemistry and ceria catalysis in SI units (mol/m³, 1/s, m) from resolved parameter values. */
export function assembleChemistry(values: ParameterValues): ChemistryParams {
  const v = parameterReader(values);
  const k0 = v('ros.h2o2ClearancePerS');
  const catShare = v('ros.catalaseShare');
  const g0 = v('ros.glutathioneMolPerM3');
  const km = v('ros.catalaseKmMolPerM3');
  return {
    sodRatePerS: v('ros.sodRateConstantM3PerMolS') * v('ros.sodEnzymeMolPerM3'),
    // linear catalase rate k0·share at low H: Vmax = k·Km
    catalaseVmax: k0 * catShare * km,
    catalaseKm: km,
    gpxRate: (k0 * (1 - catShare)) / g0,
    // synthesis target chosen so the resting steady state is exactly G₀ at the reference H2O2 level
    glutathioneRest: g0 * (1 + (2 * ((k0 * (1 - catShare)) / g0) * v('ros.h2o2BaselineMolPerM3')) / v('ros.glutathioneRegenPerS')),
    glutathioneRegenPerS: v('ros.glutathioneRegenPerS'),
    superoxideGshRate: v('ros.superoxideGshRateM3PerMolS'),
    ceriaSodPerArea: v('ceria.catalysis.sodRatePerAreaMPerS'),
    ceriaCatVmaxPerArea: v('ceria.catalysis.catVmaxPerAreaMolPerM2S'),
    ceriaCatKm: v('ceria.catalysis.catKmMolPerM3'),
    particle: {
      densityKgPerM3: v('ceria.catalysis.densityKgPerM3'),
      coreDiameterM: v('ceria.catalysis.coreDiameterNm') * 1e-9,
      ce3Fraction: v('ceria.catalysis.ce3Fraction'),
    },
  };
}
