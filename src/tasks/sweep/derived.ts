import type { HumanScalpSeries } from '../../follicle/human/results.ts';
import { armOrderings } from '../../study/ordering.ts';
import { naturalHistoryFromSeries } from '../humanNaturalHistory.ts';
import type { MouseStudyOutput } from '../mouseStudyRun.ts';
import type { TaskOutput } from '../types.ts';

/**
 * Readouts computed from a subtask's full output rather than stored in its summary (e.g. the trial-matched
 * natural history of a human scalp run). An output path whose first segment names one, for a subtask of its
 * task, reads from it: `naturalHistory.change5yPct`. New readouts register here, next to their task.
 */
export interface DerivedReadout {
  name: string;
  task: string;
  description: string;
  compute(output: TaskOutput): Record<string, unknown>;
}

const readouts = new Map<string, DerivedReadout>();

/** Adds a derived readout (name unique per task). */
export function registerDerivedReadout(r: DerivedReadout): void {
  const key = `${r.task}/${r.name}`;
  if (readouts.has(key)) throw new Error(`derived readout '${key}' is already registered`);
  readouts.set(key, r);
}

/** The derived readout `name` for a task, if any. */
export function derivedReadout(task: string, name: string): DerivedReadout | undefined {
  return readouts.get(`${task}/${name}`);
}

/** Names of the readouts registered for a task. */
export function derivedReadoutNames(task: string): string[] {
  return [...readouts.values()].filter((r) => r.task === task).map((r) => r.name);
}

registerDerivedReadout({
  name: 'naturalHistory',
  task: 'run:humanScalp',
  description: 'trial-matched natural history (entry at the trial baseline vertex density; change after 1 y, 192 w, 5 y)',
  compute: (out) => ({ ...naturalHistoryFromSeries((out as TaskOutput & { series: HumanScalpSeries }).series) }),
});

registerDerivedReadout({
  name: 'ordering',
  task: 'run:mouseStudy',
  description: 'which arm reaches the coverage threshold first: ordering.A.B.daysDifference (restricted mean days A − B) and ordering.A.B.first (1 when A is first); src/study/ordering.ts',
  compute: (out) => {
    const study = out as MouseStudyOutput;
    return armOrderings(study.arms, Number(study.summary.durationDays));
  },
});
