import type { Worker } from 'node:worker_threads';
import { siblingModuleUrl, spawnModuleWorker } from '../workers.ts';
import type { ThreadJob, ThreadReply } from './unitThread.ts';

/**
 * A fixed pool of worker threads that run single units of any registered task and return their results as V8
 * structured-clone bytes. A Redis worker runs units here so that its own event loop stays free to renew BullMQ
 * job locks while a long unit computes (a blocked loop would let the lock expire and the job be re-run).
 */
export class UnitThreadPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { job: Omit<ThreadJob, 'id'>; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  private readonly inFlight = new Map<number, { worker: Worker; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(threads: number, modules: string[] = []) {
    for (let i = 0; i < threads; i++) {
      const w = spawnModuleWorker(siblingModuleUrl('unitThread', import.meta.url), { modules });
      w.on('message', (m: ThreadReply) => {
        const job = this.inFlight.get(m.id);
        if (!job) return;
        this.inFlight.delete(m.id);
        if (m.ok) job.resolve(m.bytes);
        else job.reject(new Error(m.message));
        this.release(w);
      });
      w.on('error', (err) => {
        for (const [id, j] of this.inFlight) if (j.worker === w) (this.inFlight.delete(id), j.reject(err));
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** Runs one unit on a free thread; resolves to its serialized result. */
  run(job: Omit<ThreadJob, 'id'>): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.pump();
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop() as Worker;
      const { job, resolve, reject } = this.queue.shift() as (typeof this.queue)[number];
      const id = this.nextId++;
      this.inFlight.set(id, { worker: w, resolve, reject });
      w.postMessage({ ...job, id } satisfies ThreadJob);
    }
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
