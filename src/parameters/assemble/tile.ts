import type { TileParams } from '../../microenv/tile.ts';
import { parameterReader, type ParameterValues } from '../catalog.ts';
import { assembleChemistry } from './chemistry.ts';
import { assembleDelivery } from './delivery.ts';

/** The microenvironment tile's constants (ROS, VEGF, vessels, minoxidil, delivery) in SI units. */
export function assembleTile(values: ParameterValues): TileParams {
  const v = parameterReader(values);
  const delivery = assembleDelivery(values);
  const halfLifeToRate = (hours: number) => Math.LN2 / (hours * 3600);
  return {
    chemistry: assembleChemistry(values),
    ros: {
      h2o2BaselineMolPerM3: v('ros.h2o2BaselineMolPerM3'),
      glutathioneMolPerM3: v('ros.glutathioneMolPerM3'),
      clearancePerS: v('ros.h2o2ClearancePerS'),
      follicleShare: v('ros.follicleRosShare'),
      superoxideShare: v('ros.superoxideShareOfProduction'),
      androgenFactor: v('ros.androgenRosFactor'),
    },
    vegf: {
      baselineMolPerM3: v('vegf.vegfBaselineMolPerM3'),
      diffusionM2PerS: v('vegf.vegfDiffusionUm2PerS') * 1e-12,
      decayPerS: halfLifeToRate(v('vegf.vegfHalfLifeH')),
      anagenFactor: v('vegf.vegfAnagenFactor'),
      hypoxiaGain: v('vegf.vegfHypoxiaGain'),
      woundGain: v('vegf.vegfWoundGain'),
      minoxidilMax: v('vegf.vegfMinoxidilMax'),
      minoxidilHalfMaxMolPerM3: v('vegf.vegfMinoxidilHalfMaxMolPerM3'),
      androgenReduction: v('vegf.vegfAndrogenReduction'),
    },
    vessels: {
      min: v('vegf.vesselMin'),
      max: v('vegf.vesselMax'),
      hill: v('vegf.vesselHill'),
      growthS: v('vegf.vesselGrowthDays') * 86400,
      regressionS: v('vegf.vesselRegressionDays') * 86400,
      rosInhibition: v('vegf.vesselRosInhibition'),
    },
    minoxidil: {
      // µL·1e-3 = mL; mL × mg/mL·1e-3 = g absorbed; / (g/mol) = mol; / (cm²·1e-4) = per m²
      molPerM2PerApplication:
        (v('minoxidil.doseUl') * 1e-3 * v('minoxidil.concentrationMgPerMl') * 1e-3 * v('minoxidil.absorbedFraction')) /
        v('minoxidil.molarMassGPerMol') /
        (v('minoxidil.treatedAreaCm2') * 1e-4),
      absorptionS: v('minoxidil.absorptionHours') * 3600,
      diffusionM2PerS: v('minoxidil.diffusionUm2PerS') * 1e-12,
      decayPerS: halfLifeToRate(v('minoxidil.halfLifeH')),
      entryPlanes: v('minoxidil.entryPlanes'),
    },
    particles: delivery.ceria,
    wound: delivery.wound,
    insertion: delivery.insertion,
  };
}
