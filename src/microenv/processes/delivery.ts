import { fillSources, placeApplications, type Application } from '../../delivery/applications.ts';
import { ceriaSubstrate, woundSourceConfig, woundSubstrate, type ParticleTransportParams, type WoundSignalParams } from '../../delivery/substrates.ts';
import type { InsertionParams } from '../../patch/geometry.ts';
import type { PatchConfig } from '../../patch/schema.ts';
import type { TileFields, TileProcess } from '../tileProcess.ts';

/** Constants of patch delivery in SI units (particle transport, wound signal, needle insertion). */
export interface DeliveryParams {
  particles: ParticleTransportParams;
  wound: WoundSignalParams;
  insertion: InsertionParams;
}

/**
 * Patch delivery: each application releases its ceria cargo into the needle tracks as the matrix
 * dissolves, and the tracks emit the wound signal. The ceria field is *active* ceria: it is cleared by
 * lymphatics and loses catalytic activity in tissue at `activityDecayPerS` (1/s). Owns the `ceria` (kg/m³) and `wound` (a.u.) fields,
 * which exist even without a patch so readers can always find them.
 */
export function deliveryProcess(P: DeliveryParams, patch: PatchConfig | null, activityDecayPerS = 0): TileProcess {
  if (patch?.cargo.substance === 'minoxidil') {
    throw new RangeError("patch.cargo.substance = 'minoxidil': minoxidil-loaded patches are not modelled in the microenvironment yet (allowed here: ceria, none)");
  }
  let applications: Application[] = [];
  const halfTimeS = patch ? patch.matrix.dissolutionHalfTimeMin * 60 : 1;
  const peakS = patch && patch.injury.enabled ? patch.injury.peakDays * 86400 : 0;
  return {
    name: 'delivery',
    substrates: (g) => {
      const ceria = ceriaSubstrate(g, P.particles, { clearance: true });
      // the field is active ceria: lymphatic clearance plus loss of catalytic activity in viable tissue
      const clearance = ceria.decayPerS;
      const decay = Array.from({ length: g.nz }, (_, k) => {
        const c = typeof clearance === 'number' ? clearance : (clearance?.[k] ?? 0);
        return c + (g.layers[g.layerOfZ[k]].name === 'stratumCorneum' ? 0 : activityDecayPerS);
      });
      // the matrix dissolves in minutes (t½ 20 min), far faster than a coupling step: each step's release
      // enters at its start, so a long step does not hold the cargo back by half a step (the modal scheme)
      return [{ ...ceria, decayPerS: decay, sourceAtStepStart: true }, woundSubstrate(g, P.wound)];
    },
    init(f: TileFields) {
      if (patch) applications = placeApplications(patch, f.grid, P.insertion).applications;
    },
    beforeTransport(f, tS, dtS) {
      fillSources(
        applications,
        tS,
        dtS,
        f.grid.voxelVolumeM3,
        halfTimeS,
        patch?.cargo.substance === 'ceria' ? f.solver.sourceRate('ceria') : null,
        peakS > 0 ? woundSourceConfig(P.wound, peakS, f.solver.sourceRate('wound'), f.solver.field('wound')) : null,
      );
    },
  };
}
