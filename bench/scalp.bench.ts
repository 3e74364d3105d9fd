import { validateScenario } from '../src/scenario/index.ts';
import { simulateHumanScalp } from '../src/tasks/humanScalpRun.ts';
import type { BenchResult, BenchSuite } from './types.ts';

/** 100,000 follicles (the default scalp), 10 years, monthly sampling: median of 7 runs after a warm-up. */
export const scalpBench: BenchSuite = {
  name: 'human scalp automaton',
  async run(): Promise<BenchResult[]> {
    const r = validateScenario({ model: 'humanScalp', durationDays: 3652.5, record: { everyDays: 30.4375 } });
    if (!r.ok || r.value.model !== 'humanScalp') throw new Error('bench scenario invalid');
    const scenario = r.value;
    simulateHumanScalp(scenario, { seed: 0 });
    const times: number[] = [];
    let events = 0;
    let follicles = 0;
    for (let i = 1; i <= 7; i++) {
      const t0 = performance.now();
      const { stats } = simulateHumanScalp(scenario, { seed: i });
      times.push((performance.now() - t0) / 1000);
      events = stats.events;
      follicles = stats.totalFollicles;
    }
    times.sort((a, b) => a - b);
    const median = times[3];
    return [
      {
        name: 'scalp-100k-10y',
        value: median,
        unit: 's',
        details: { follicles, events, eventsPerS: Math.round(events / median), minS: times[0], maxS: times[6] },
      },
    ];
  },
};
