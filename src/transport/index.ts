/** Public API of the dermal reaction–diffusion solver (platform-neutral). */
export { createTransportGrid, FACES, perLayer, totalAmount, voxelAt, voxelCentreM, voxelIndex } from './grid.ts';
export type { Face, TissueLayer, TransportGrid, TransportGridOptions } from './grid.ts';
export { createSolver, harmonicMean } from './solver.ts';
export type { PointSource, SolverOptions, SubstrateSpec, TransportSolver } from './solver.ts';
export { lineCoefficients } from './thomas.ts';
export type { LineCoefficients } from './thomas.ts';
export {
  resolveGrid,
  resolveSubstrate,
  resolveTransport,
  substrateSchema,
  transportGridSchema,
  transportSchema,
} from './schema.ts';
export type { SubstrateConfig, TransportConfig, TransportGridConfig } from './schema.ts';
