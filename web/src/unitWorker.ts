/** Web Worker running units of any registered task (the browser twin of src/node/pool/unitWorker.ts). */
import '../../src/tasks/builtin.ts';
import { getTask } from '../../src/tasks/registry.ts';
import { runScheduledUnit, type UnitWorkerEvent } from '../../src/tasks/unitScheduler.ts';

/** Posted to the worker: run unit `index` of `task`. */
export interface WebUnitJob {
  task: string;
  scenario: unknown;
  seed: number;
  index: number;
  unit: unknown;
}
export type WebUnitMessage = Exclude<UnitWorkerEvent, { type: 'ready' }>;

const scope = self as unknown as { postMessage(m: UnitWorkerEvent, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<WebUnitJob>) => void) | null };

scope.onmessage = (e) => void runScheduledUnit(getTask(e.data.task), e.data.task, e.data, (m, transfer) => scope.postMessage(m, transfer));
