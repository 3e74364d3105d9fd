import { availableParallelism } from 'node:os';

/** What one server accepts; every limit answers with its own 4xx JSON error (see errors.ts). */
export interface ServerLimits {
  /** Largest request body (bytes); larger bodies get 413 body-too-large. */
  bodyBytes: number;
  /** Largest estimated memory of one run (bytes); larger runs get 422 run-too-large. */
  runBytes: number;
  /** Largest estimated work of one run (seconds on one core); more gets 422 run-too-large. */
  runSeconds: number;
  /**
   * CPU time one job may use (seconds of its worker thread's user + system time, not wall time: a job that
   * waits for a core on a busy machine is not charged for waiting). Past it the worker is terminated and the
   * job fails with 422 job-cpu-limit.
   */
  jobCpuSeconds: number;
  /** Wall-clock ceiling of a running job (seconds), a backstop for a job that stalls without using CPU; 422 job-wall-limit. */
  jobWallSeconds: number;
  /** Jobs queued or running per client (IP address); one more gets 429 too-many-jobs. */
  jobsPerClient: number;
  /** Jobs waiting for a worker across all clients; one more gets 503 queue-full. */
  queueLength: number;
  /** Worker threads running jobs at once. */
  workers: number;
  /** Heap of one job worker (MiB): a run that outgrows its estimate dies alone, not the server. */
  workerHeapMb: number;
  /** Finished jobs kept in memory for their results (oldest dropped first). */
  keptJobs: number;
}

/** Defaults: generous for one researcher on a laptop, small enough that a public instance survives. */
export function defaultLimits(): ServerLimits {
  return {
    bodyBytes: 1024 * 1024,
    runBytes: 1024 * 1024 * 1024,
    runSeconds: 3600,
    jobCpuSeconds: 900,
    jobWallSeconds: 3600,
    jobsPerClient: 4,
    queueLength: 64,
    workers: Math.max(1, availableParallelism()),
    workerHeapMb: 2048,
    keptJobs: 64,
  };
}
