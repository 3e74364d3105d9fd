import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { threadExecutor } from '../src/node/pool/threadExecutor.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';
import { runTask } from '../src/tasks/runTask.ts';
import type { BenchResult, BenchSuite } from './types.ts';

/**
 * The flagship mouse study (5 arms × 8 mice × 35 days) end to end without file output: on all cores
 * (this thread plus worker threads, what `follisim run` does) and on one thread; best of 2 runs each.
 */
export const mouseBench: BenchSuite = {
  name: 'mouse study',
  async run(): Promise<BenchResult[]> {
    const r = parseScenario(readFileSync(join(import.meta.dirname, '..', 'examples', 'mouse-cemn-study.yaml'), 'utf8'));
    if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('example scenario invalid');
    const scenario = r.value;
    const mice = scenario.arms.length * scenario.animals.perArm;
    const threads = availableParallelism();
    const time = async (f: () => Promise<unknown> | unknown) => {
      const t: number[] = [];
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        await f();
        t.push((performance.now() - t0) / 1000);
      }
      return Math.min(...t);
    };
    // as `follisim run --threads N` does: this thread runs units too while the workers start
    const all = await time(() => runTask(scenario, { seed: 1, executor: threadExecutor(threads, [], { callingThread: true }) }));
    const one = await time(() => runMouseStudyTask(scenario, { seed: 1 }));
    const details = { arms: scenario.arms.length, mice, days: scenario.durationDays };
    return [
      { name: 'mouse-study', value: all, unit: 's', details: { ...details, threads, sPerMouse: all / mice } },
      { name: 'mouse-study-1thread', value: one, unit: 's', details: { ...details, threads: 1, sPerMouse: one / mice } },
    ];
  },
};
