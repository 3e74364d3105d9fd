/** Worker thread of the parallel mouse study: runs the animals it is sent and posts their results back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { MouseStudyScenario } from '../../scenario/schema.ts';
import { runAnimal, type AnimalResult } from '../../study/animal.ts';

export interface StudyWorkerData {
  scenario: MouseStudyScenario;
  seed: number;
}
export interface StudyJob {
  arm: number;
  mouse: number;
}
export type StudyWorkerMessage = { type: 'ready' } | { type: 'done'; job: StudyJob; result: AnimalResult } | { type: 'error'; job: StudyJob; name?: string; message: string };

const data = workerData as StudyWorkerData;

function transferList(r: AnimalResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>([r.timesDays.buffer as ArrayBuffer]);
  for (const s of Object.values(r.series)) out.add(s.buffer as ArrayBuffer);
  for (const p of r.photos) out.add(p.rgba.buffer as ArrayBuffer);
  return [...out];
}

parentPort?.on('message', (job: StudyJob) => {
  try {
    const result = runAnimal(data.scenario, data.scenario.arms[job.arm], job.mouse, data.seed);
    const msg: StudyWorkerMessage = { type: 'done', job, result };
    parentPort?.postMessage(msg, transferList(result));
  } catch (err) {
    // a state error is the scenario's doing: pass its name and message (not the stack) to the CLI
    const name = err instanceof Error ? err.name : 'Error';
    const msg: StudyWorkerMessage = { type: 'error', job, name, message: err instanceof Error ? (name === 'SimulationStateError' ? err.message : (err.stack ?? err.message)) : String(err) };
    parentPort?.postMessage(msg);
  }
});
parentPort?.postMessage({ type: 'ready' } satisfies StudyWorkerMessage);
