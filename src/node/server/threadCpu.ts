import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';

/**
 * Linux reports thread times in USER_HZ ticks, which the kernel fixes at 100 per second for user space on
 * every architecture Node runs on (sysconf(_SC_CLK_TCK)); test/server/threadCpu.test.ts checks it against
 * process.cpuUsage().
 */
const USER_HZ = 100;

/** Fields after the command name in /proc/.../stat: [0] is field 3 (state), so utime (14) is [11], stime (15) [12]. */
function ticksOf(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

/** The kernel id of the calling thread (call it inside a worker), or null where /proc/thread-self is missing (not Linux). */
export function currentThreadId(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const tid = Number(stat.slice(0, stat.indexOf(' ')));
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) used so far by thread `tid` of this process, or null when it cannot be read. */
export function threadCpuSeconds(tid: number): number | null {
  try {
    const t = ticksOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8'));
    return Number.isFinite(t) ? t / USER_HZ : null;
  } catch {
    return null;
  }
}

/** How a worker's CPU time is measured. */
export type CpuMeasure = 'thread' | 'event-loop';

export interface CpuMeter {
  readonly measure: CpuMeasure;
  /** CPU seconds the worker has used since it started (monotone). */
  seconds(): number;
}

/**
 * A meter of one worker thread's own CPU time. process.cpuUsage() in Node is process-wide (every thread's
 * time), so it cannot tell one job from another; the kernel's per-thread times can, read from the main
 * thread so that a worker busy in one long synchronous unit is measured without its help. Off Linux the
 * fallback is the worker's event-loop active time: busy time, which equals CPU time for a compute-bound job
 * and exceeds it only when the machine is oversubscribed.
 */
export function workerCpuMeter(worker: Worker, tid: number | null): CpuMeter {
  if (tid !== null && threadCpuSeconds(tid) !== null) {
    let last = 0;
    return {
      measure: 'thread',
      seconds: () => {
        // a thread that has exited has no stat file: keep its last reading
        last = threadCpuSeconds(tid) ?? last;
        return last;
      },
    };
  }
  return { measure: 'event-loop', seconds: () => worker.performance.eventLoopUtilization().active / 1000 };
}
