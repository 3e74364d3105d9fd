import { serverLoad } from './serverLoad.ts';
import type { BenchResult, BenchSuite } from './types.ts';

/**
 * `follisim serve` under load on localhost (bounded: 2,000 validations, 40 small runs (4 in flight), 50 probes; each phase 20 s at most):
 * throughput and tail latency, and validation latency while a long job occupies a worker.
 */
export const serverBench: BenchSuite = {
  name: 'HTTP server',
  async run(): Promise<BenchResult[]> {
    const r = await serverLoad({ validations: 2000, runs: 40, concurrency: 16, runConcurrency: 4, probes: 50, phaseMs: 20_000 });
    const detail = (s: { p50Ms: number; p99Ms: number; count: number }) => ({ p50Ms: s.p50Ms, p99Ms: s.p99Ms, count: s.count });
    return [
      { name: 'server-validate', value: r.validate.perSecond, unit: 'req/s', details: detail(r.validate) },
      { name: 'server-small-runs', value: r.runs.perSecond, unit: 'jobs/s', details: { ...detail(r.runs), notSucceeded: r.runs.failed } },
      { name: 'server-validate-busy-p99', value: r.validateDuringLongJob.p99Ms, unit: 'ms', details: { p50Ms: r.validateDuringLongJob.p50Ms, count: r.validateDuringLongJob.count, longJob: r.validateDuringLongJob.longJobState } },
    ];
  },
};
