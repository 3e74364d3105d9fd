/**
 * Run sizing for the server's limits: the same estimator the CLI uses (src/core/sizing/), reduced to the two
 * figures the limits read. Platform-neutral: the web lab imports it too.
 */
import { estimateRun as estimateScenario } from '../../core/sizing/estimate.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** Estimated size of one run. */
export interface RunEstimate {
  /** Peak memory (bytes). */
  bytes: number;
  /** Work on one core (seconds). */
  seconds: number;
}

/** Estimated memory and single-core work of a validated scenario. */
export function estimateRun(scenario: Scenario): RunEstimate {
  const e = estimateScenario(scenario);
  return { bytes: e.peakBytes, seconds: e.seconds };
}
