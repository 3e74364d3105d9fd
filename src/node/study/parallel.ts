import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MouseStudyScenario } from '../../scenario/schema.ts';
import type { AnimalResult } from '../../study/animal.ts';
import type { TaskProgress } from '../../tasks/types.ts';
import { spawnTsWorker } from '../workers.ts';
import type { StudyJob, StudyWorkerData, StudyWorkerMessage } from './worker.ts';

/**
 * Runs the animals of a mouse study on worker threads (Node edge). Every animal has its own random
 * streams, so the results are identical to the serial run whatever the thread count or completion order.
 */
export async function runMouseStudyParallel(
  scenario: MouseStudyScenario,
  seed: number,
  threads = availableParallelism(),
  onProgress?: (p: TaskProgress) => void,
): Promise<Map<string, AnimalResult[]>> {
  const jobs: StudyJob[] = [];
  scenario.arms.forEach((_, arm) => {
    for (let mouse = 0; mouse < scenario.animals.perArm; mouse++) jobs.push({ arm, mouse });
  });
  const results: AnimalResult[][] = scenario.arms.map(() => new Array<AnimalResult>(scenario.animals.perArm));
  const n = Math.max(1, Math.min(threads, jobs.length));
  const data: StudyWorkerData = { scenario, seed };
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < jobs.length) w.postMessage(jobs[next++]);
      };
      for (let i = 0; i < n; i++) {
        const w = spawnTsWorker(new URL('./worker.ts', import.meta.url).href, data);
        workers.push(w);
        w.on('error', reject);
        w.on('message', (m: StudyWorkerMessage) => {
          if (m.type === 'ready') return feed(w);
          if (m.type === 'error') {
            const e = new Error(`animal ${m.job.mouse} of arm ${scenario.arms[m.job.arm].id}: ${m.message}`);
            e.name = m.name ?? 'Error'; // keeps SimulationStateError recognisable across the thread boundary
            return reject(e);
          }
          results[m.job.arm][m.job.mouse] = m.result;
          done++;
          onProgress?.({ fraction: done / jobs.length, stage: `mice (${n} threads)` });
          if (done === jobs.length) resolve();
          else feed(w);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return new Map(scenario.arms.map((a, i) => [a.id, results[i]]));
}
