/**
 * Shared types of the ODE module: problems, options, results and the swappable `OdeMethod` interface
 * (COPASI-style Method objects: every method is `{ name, integrate(problem, options) }`).
 *
 * Conventions: state vectors are `Float64Array`s of length n; Jacobians are row-major n×n
 * (`jac[i * n + j] = ∂f_i/∂y_j`). Callbacks write into the arrays they are given and must not keep them.
 */

/** Right-hand side: writes f(t, y) into `dydt`. */
export type OdeRhs = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Jacobian ∂f/∂y at (t, y), written row-major into `jac` (length n·n). */
export type OdeJacobian = (t: number, y: Float64Array, jac: Float64Array) => void;

/** Partial time derivative ∂f/∂t at (t, y), written into `dfdt` (non-autonomous problems only). */
export type OdeTimeDerivative = (t: number, y: Float64Array, dfdt: Float64Array) => void;

/** An initial-value problem y' = f(t, y), y(t0) = y0, sampled at the output times `tOut`. */
export interface OdeProblem {
  /** f(t, y). */
  rhs: OdeRhs;
  /** Analytic Jacobian; finite differences (column-wise, scaled increments) are used when absent. */
  jacobian?: OdeJacobian;
  /** Analytic ∂f/∂t for Rosenbrock methods; forward differences are used when absent and not autonomous. */
  dfdt?: OdeTimeDerivative;
  /** True when f does not depend on t (lets Rosenbrock methods skip ∂f/∂t). Default false. */
  autonomous?: boolean;
  /** Initial time. */
  t0: number;
  /** Initial state (copied; never modified). */
  y0: ArrayLike<number>;
  /** Output times, non-decreasing, all ≥ t0; the last one is the end of the integration. */
  tOut: ArrayLike<number>;
}

/** Options shared by all methods (each method documents its defaults). */
export interface OdeOptions {
  /** Relative tolerance, scalar or per component. Default 1e-6. */
  rtol?: number | ArrayLike<number>;
  /** Absolute tolerance, scalar or per component. Default 1e-10. */
  atol?: number | ArrayLike<number>;
  /** Initial step; estimated (Hairer–Wanner `hinit`) when absent. */
  h0?: number;
  /** Smallest step accepted before giving up with `step-too-small`. Default 0 (only round-off limits). */
  hMin?: number;
  /** Largest step. Default: the whole interval. */
  hMax?: number;
  /** Maximum number of step attempts (accepted + rejected). Default 100 000. */
  maxSteps?: number;
  /** Fixed step: disables error control (used for order tests and for reproducible splitting). */
  fixedStep?: number;
  /**
   * Interpolate outputs with the method's dense output (default: true for adaptive steps, false with
   * `fixedStep`). When false the integrator steps exactly onto every output time.
   */
  denseOutput?: boolean;
}

/** Why an integration stopped. Only `success` means every output time was reached. */
export type OdeStatus =
  | 'success'
  | 'max-steps'
  | 'step-too-small'
  | 'non-finite'
  | 'singular-matrix'
  | 'newton-failure'
  | 'invalid-input';

/** Work counters of one integration. */
export interface OdeStats {
  /** Step attempts (accepted + rejected). */
  steps: number;
  accepted: number;
  rejected: number;
  rhsEvaluations: number;
  jacobianEvaluations: number;
  luDecompositions: number;
}

/** Outcome of one integration: never thrown mid-run, always returned. */
export interface OdeResult {
  /** Name of the method that produced it. */
  method: string;
  status: OdeStatus;
  /** Human-readable explanation (empty on success). */
  message: string;
  /** Output times actually reached (a prefix of `tOut` when the run failed). */
  t: Float64Array;
  /** States at `t` (one fresh array per output time). */
  y: Float64Array[];
  /** Time of the last accepted step. */
  tReached: number;
  /** State at `tReached`. */
  yReached: Float64Array;
  /** Last step size tried (a good `h0` for a continuation). */
  hLast: number;
  stats: OdeStats;
}

/** A swappable integration method (COPASI-style Method object). */
export interface OdeMethod {
  /** Stable identifier, e.g. `rodas4`. */
  readonly name: string;
  /** True for methods meant for stiff problems. */
  readonly stiff: boolean;
  /** Classical order of the propagated solution. */
  readonly order: number;
  /** Integrates `problem`; failures come back in `status`, they are not thrown. */
  integrate(problem: OdeProblem, options?: OdeOptions): OdeResult;
}
