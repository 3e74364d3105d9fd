/**
 * Public API of the ODE module: adaptive RODAS4 (stiff) and DOPRI5 (non-stiff) integrators, the
 * batched fixed-step TR-BDF2 / backward-Euler integrator for operator splitting, and small dense LU.
 * Platform-neutral: imports nothing from node:*.
 */
import { backwardEuler, trBdf2 } from './batch.ts';
import { dopri5 } from './dopri5.ts';
import { rodas4 } from './rosenbrock.ts';
import type { OdeMethod } from './types.ts';

export type {
  OdeJacobian,
  OdeMethod,
  OdeOptions,
  OdeProblem,
  OdeResult,
  OdeRhs,
  OdeStats,
  OdeStatus,
  OdeTimeDerivative,
} from './types.ts';
export type { BatchLayout, BatchOptions, BatchReactionSystem, BatchScheme, BatchStepReport } from './batch.ts';
export { BatchIntegrator, backwardEuler, trBdf2 } from './batch.ts';
export { dopri5, integrateDopri5 } from './dopri5.ts';
export { integrateRodas4, rodas4 } from './rosenbrock.ts';
export { luFactor, luSolve } from './lu.ts';
export { finiteDifferenceJacobian } from './common.ts';

/** Names of the registered methods. */
export type OdeMethodName = 'rodas4' | 'dopri5' | 'tr-bdf2' | 'backward-euler';

/** Registry of the swappable methods, keyed by name. */
export const odeMethods: Readonly<Record<OdeMethodName, OdeMethod>> = Object.freeze({
  rodas4,
  dopri5,
  'tr-bdf2': trBdf2,
  'backward-euler': backwardEuler,
});

/** Looks a method up by name; throws RangeError listing the known names for an unknown one. */
export function getOdeMethod(name: string): OdeMethod {
  if (Object.prototype.hasOwnProperty.call(odeMethods, name)) return odeMethods[name as OdeMethodName];
  throw new RangeError(`unknown ODE method '${name}'; known: ${Object.keys(odeMethods).join(', ')}`);
}
