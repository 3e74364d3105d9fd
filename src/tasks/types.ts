export type { TaskOutput, TaskProgress, Table } from '../results/contracts.ts';
import type { TaskProgress } from '../results/contracts.ts';

export interface TaskOptions {
  /** Root seed (resolved: tasks never invent seeds themselves). */
  seed: number;
  onProgress?: (p: TaskProgress) => void;
}
