import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../src/scenario/index.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';
import type { BenchResult, BenchSuite } from './types.ts';

/** The flagship mouse study (5 arms × 8 mice × 35 days) end to end, without file output: best of 2 runs. */
export const mouseBench: BenchSuite = {
  name: 'mouse study',
  async run(): Promise<BenchResult[]> {
    const r = parseScenario(readFileSync(join(import.meta.dirname, '..', 'examples', 'mouse-cemn-study.yaml'), 'utf8'));
    if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('example scenario invalid');
    const scenario = r.value;
    const mice = scenario.arms.length * scenario.animals.perArm;
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      runMouseStudyTask(scenario, { seed: 1 + i });
      times.push((performance.now() - t0) / 1000);
    }
    const best = Math.min(...times);
    return [
      {
        name: 'mouse-study',
        value: best,
        unit: 's',
        details: { arms: scenario.arms.length, mice, days: scenario.durationDays, sPerMouse: best / mice, worstS: Math.max(...times) },
      },
    ];
  },
};
