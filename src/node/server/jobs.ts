import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { Table } from '../../tasks/types.ts';
import type { RunEstimate } from './estimate.ts';
import type { ServerLimits } from './limits.ts';
import { ApiError } from './errors.ts';
import { siblingModuleUrl, spawnModuleWorker } from '../workers.ts';
import type { JobRequest, JobWorkerMessage } from './jobWorker.ts';
import { workerCpuMeter, type CpuMeasure, type CpuMeter } from './threadCpu.ts';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A job as the server keeps it (its files stay in memory until the job is dropped). */
export interface Job {
  id: string;
  client: string;
  task: string;
  state: JobState;
  seed: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  progress: { fraction: number; stage: string };
  /** CPU seconds the job's worker thread has used on it so far, and how that was measured. */
  cpu: { seconds: number; measure: CpuMeasure | null };
  estimate: RunEstimate;
  error: { status: number; code: string; message: string } | null;
  files: Record<string, string | Uint8Array> | null;
  /** The result tables with their column units (Parquet is written from these on request, then kept). */
  tables: Record<string, Table> | null;
  tableUnits: Record<string, Record<string, string>>;
  /** Units the task's plan had (0 until the job succeeded). */
  units: number;
  parquet: Map<string, Promise<Uint8Array>>;
  request: JobRequest;
}

/** Something that changed about a job (SSE streams these). */
export type JobEvent = { type: 'progress' | 'state'; job: Job };

interface Slot {
  worker: Worker | null;
  ready: Promise<void> | null;
  meter: CpuMeter | null;
  /** The meter's reading when the running job started. */
  cpuBase: number;
  job: Job | null;
  /** The wall-clock backstop and the CPU poll of the running job. */
  timer: NodeJS.Timeout | null;
  poll: NodeJS.Timeout | null;
}

/** How often a running job's CPU time is read (a /proc read each): a limit is enforced within this. */
const CPU_POLL_MS = 100;

const FINAL: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

/** True once a job can change no more. */
export const isFinal = (s: JobState): boolean => FINAL.includes(s);

/**
 * Jobs and the worker threads that run them: a bounded FIFO queue, a fixed number of worker slots (each
 * worker runs one job at a time and is reused), per-client and per-job limits, and listeners for progress.
 */
export class JobManager {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private readonly slots: Slot[];
  private readonly listeners = new Map<string, Set<(e: JobEvent) => void>>();
  private readonly succeeded: ((job: Job) => void)[] = [];
  private closed = false;

  constructor(private readonly limits: ServerLimits) {
    this.slots = Array.from({ length: limits.workers }, () => ({ worker: null, ready: null, meter: null, cpuBase: 0, job: null, timer: null, poll: null }));
  }

  /** Queues a validated job; throws the limit's ApiError when the client or the queue is full. */
  submit(input: { client: string; task: string; estimate: RunEstimate; scenario: Record<string, unknown>; text: string; seed?: number }): Job {
    if (this.closed) throw new ApiError(503, 'shutting-down', 'the server is shutting down');
    const active = [...this.jobs.values()].filter((j) => j.client === input.client && !isFinal(j.state)).length;
    if (active >= this.limits.jobsPerClient) {
      throw new ApiError(429, 'too-many-jobs', `you have ${active} jobs queued or running; the limit per client is ${this.limits.jobsPerClient} (wait for one to finish or cancel one)`, { limit: this.limits.jobsPerClient });
    }
    const idle = this.slots.some((s) => s.job === null);
    if (!idle && this.queue.length >= this.limits.queueLength) {
      throw new ApiError(503, 'queue-full', `the job queue is full (${this.limits.queueLength} waiting); try again later`, { limit: this.limits.queueLength });
    }
    const id = randomUUID();
    const job: Job = {
      id,
      client: input.client,
      task: input.task,
      state: 'queued',
      seed: input.seed ?? (typeof input.scenario.seed === 'number' ? input.scenario.seed : null),
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
      progress: { fraction: 0, stage: 'queued' },
      cpu: { seconds: 0, measure: null },
      estimate: input.estimate,
      error: null,
      files: null,
      tables: null,
      tableUnits: {},
      units: 0,
      parquet: new Map(),
      request: { id, scenario: input.scenario, text: input.text, seed: input.seed },
    };
    this.jobs.set(id, job);
    this.queue.push(job);
    this.pump();
    return job;
  }

  /** The job with this id, or undefined. */
  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** 1-based place in the queue, or null when not queued. */
  queuePosition(job: Job): number | null {
    const i = this.queue.indexOf(job);
    return i < 0 ? null : i + 1;
  }

  /** Cancels a queued or running job (a running job's worker is terminated); false when already final. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || isFinal(job.state)) return false;
    const qi = this.queue.indexOf(job);
    if (qi >= 0) this.queue.splice(qi, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) void this.stopSlot(slot);
    this.finish(job, 'cancelled', null);
    this.pump();
    return true;
  }

  /** Subscribes to a job's events; returns the unsubscribe function. */
  listen(id: string, fn: (e: JobEvent) => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Calls `fn` with every job that succeeds (the results store records them). */
  whenSucceeded(fn: (job: Job) => void): void {
    this.succeeded.push(fn);
  }

  /** Counts by state (for /api/health and the load test). */
  counts(): Record<JobState, number> & { workers: number } {
    const c = { queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, workers: this.slots.length };
    for (const j of this.jobs.values()) c[j.state]++;
    return c;
  }

  /** Cancels everything and stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const j of [...this.jobs.values()]) if (!isFinal(j.state)) this.cancel(j.id);
    await Promise.all(this.slots.map((s) => this.stopSlot(s)));
  }

  private emit(job: Job, type: JobEvent['type']): void {
    for (const fn of this.listeners.get(job.id) ?? []) fn({ type, job });
  }

  private finish(job: Job, state: JobState, error: Job['error']): void {
    job.state = state;
    job.error = error;
    job.finishedAt = new Date();
    if (state === 'succeeded') job.progress = { fraction: 1, stage: 'done' };
    if (state === 'succeeded') for (const fn of this.succeeded) fn(job);
    this.emit(job, 'state');
    this.listeners.delete(job.id);
    this.dropOld();
  }

  /** Keeps at most `keptJobs` finished jobs (their files are the server's main memory use). */
  private dropOld(): void {
    const done = [...this.jobs.values()].filter((j) => isFinal(j.state));
    for (const j of done.slice(0, Math.max(0, done.length - this.limits.keptJobs))) this.jobs.delete(j.id);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      void this.start(slot, job);
    }
  }

  private spawn(slot: Slot): Promise<void> {
    const worker = spawnModuleWorker(siblingModuleUrl('jobWorker', import.meta.url), null, { maxOldGenerationSizeMb: this.limits.workerHeapMb });
    slot.worker = worker;
    slot.ready = new Promise<void>((resolve) => {
      worker.on('message', (m: JobWorkerMessage) => {
        if (m.type === 'ready') {
          slot.meter = workerCpuMeter(worker, m.tid);
          return resolve();
        }
        this.onMessage(slot, m);
      });
    });
    // a crash (out of memory, a bug) fails the job it ran; the next job gets a fresh worker
    const dead = (message: string) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      this.release(slot, true);
      if (job && !isFinal(job.state)) this.finish(job, 'failed', { status: 500, code: 'worker-died', message });
      this.pump();
    };
    worker.on('error', (err) => dead(`the job's worker failed: ${err.message}`));
    worker.on('exit', (code) => dead(`the job's worker exited (code ${code})`));
    return slot.ready;
  }

  private async start(slot: Slot, job: Job): Promise<void> {
    slot.job = job;
    job.state = 'running';
    job.startedAt = new Date();
    job.progress = { fraction: 0, stage: 'starting' };
    this.emit(job, 'state');
    const stop = (code: string, message: string) => {
      if (slot.job !== job) return;
      void this.stopSlot(slot);
      this.finish(job, 'failed', { status: 422, code, message });
      this.pump();
    };
    if (!slot.worker) await this.spawn(slot);
    else await slot.ready;
    if (slot.job !== job || !slot.meter) return;
    // both clocks start here: a fresh worker's module loading belongs to no job
    slot.timer = setTimeout(() => stop('job-wall-limit', `the job ran longer than ${this.limits.jobWallSeconds} s of wall-clock time (limit jobWallSeconds) and was stopped`), this.limits.jobWallSeconds * 1000);
    const meter = slot.meter;
    const base = (slot.cpuBase = meter.seconds());
    job.cpu = { seconds: 0, measure: meter.measure };
    slot.poll = setInterval(() => {
      job.cpu.seconds = meter.seconds() - base;
      if (job.cpu.seconds > this.limits.jobCpuSeconds) {
        stop('job-cpu-limit', `the job used ${job.cpu.seconds.toFixed(2)} s of CPU time, more than the limit of ${this.limits.jobCpuSeconds} s per job (jobCpuSeconds; follisim serve --job-cpu-seconds), and was stopped`);
      }
    }, CPU_POLL_MS);
    slot.worker?.postMessage(job.request);
  }

  private onMessage(slot: Slot, m: JobWorkerMessage): void {
    const job = slot.job;
    if (m.type === 'ready' || !job || job.id !== m.id || isFinal(job.state)) return;
    if (m.type === 'progress') {
      job.progress = { fraction: m.fraction, stage: m.stage };
      return this.emit(job, 'progress');
    }
    // the final reading: the last poll may be up to CPU_POLL_MS old
    if (slot.meter && job.cpu.measure) job.cpu.seconds = slot.meter.seconds() - slot.cpuBase;
    this.release(slot, false);
    if (m.type === 'done') {
      job.seed = m.seed;
      job.files = m.files;
      job.tables = m.tables;
      job.tableUnits = m.tableUnits;
      job.units = m.units;
      this.finish(job, 'succeeded', null);
    } else this.finish(job, 'failed', { status: 500, code: 'run-failed', message: m.message });
    this.pump();
  }

  private release(slot: Slot, dropWorker: boolean): void {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.poll) clearInterval(slot.poll);
    slot.timer = null;
    slot.poll = null;
    slot.job = null;
    if (dropWorker) {
      slot.worker = null;
      slot.ready = null;
      slot.meter = null;
    }
  }

  private async stopSlot(slot: Slot): Promise<void> {
    const w = slot.worker;
    this.release(slot, true);
    if (w) await w.terminate();
  }
}
