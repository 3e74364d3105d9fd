import { totalmem } from 'node:os';
import type { RunEstimate } from '../core/sizing/estimate.ts';
import { UserError } from './userError.ts';

/** Work budget of a run without --allow-large (s): an estimated hour. */
export const WORK_BUDGET_S = 3600;
/** Share of the machine's memory a run may plan to use without --allow-large. */
export const MEMORY_SHARE = 0.8;

/** Memory the process may use (bytes): the machine's total, or the cgroup limit when lower. */
export function availableMemoryBytes(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const total = totalmem();
  return limit > 0 && limit < total ? limit : total;
}

const gb = (b: number) => `${(b / 1e9).toFixed(b < 1e8 ? 3 : 2)} GB`;
const duration = (s: number) => (s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);

/** Wall time (s) with `threads` worker threads (only mouse studies run in parallel). */
export function wallSeconds(e: RunEstimate, threads: number): number {
  return e.model === 'mouseStudy' ? e.seconds / Math.max(1, threads) : e.seconds;
}

/** Human-readable lines of an estimate (for `follisim estimate` and refusal messages). */
export function formatEstimate(e: RunEstimate, threads: number): string[] {
  return [
    `model: ${e.model}`,
    `peak memory: ~${gb(e.peakBytes)} (driven by ${e.memoryDriver}); available ${gb(availableMemoryBytes())}`,
    `work: ${e.workUnits.toExponential(3)} ${e.workUnit}, ~${duration(wallSeconds(e, threads))} on ${e.model === 'mouseStudy' ? threads : 1} thread(s) (driven by ${e.timeDriver}); budget ${duration(WORK_BUDGET_S)}`,
  ];
}

/** Refuses a run estimated over the machine's memory or the work budget, unless allowLarge; throws UserError. */
export function enforceRunSize(e: RunEstimate, threads: number, allowLarge: boolean): void {
  if (allowLarge) return;
  const problems: string[] = [];
  const mem = availableMemoryBytes() * MEMORY_SHARE;
  if (e.peakBytes > mem) problems.push(`run too large: estimated peak memory ${gb(e.peakBytes)} exceeds ${gb(mem)} (${MEMORY_SHARE * 100} % of this machine's memory); driven by ${e.memoryDriver}`);
  const s = wallSeconds(e, threads);
  if (s > WORK_BUDGET_S) problems.push(`run too long: estimated ${duration(s)} exceeds the budget of ${duration(WORK_BUDGET_S)}; driven by ${e.timeDriver}`);
  if (problems.length > 0) throw new UserError([...problems, 'reduce the field named above, or pass --allow-large to run anyway (`follisim estimate SCENARIO` prints the estimate)']);
}
