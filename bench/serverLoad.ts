/**
 * A bounded load test of `follisim serve` on localhost, shared by the bench entry (full size) and a test
 * (small size): concurrent validations, concurrent small runs, and validation latency while a long job runs.
 */
import { createServer } from '../src/node/server/app.ts';

/** A tiny patch-delivery run (≈0.1 s of work). */
const SMALL_RUN = `schemaVersion: 1
name: load-small
model: patchDelivery
seed: 1
durationDays: 1
skin: { species: mouseDorsal, windowUm: { x: 500, y: 500, depth: 600 }, voxelUm: 50 }
patch: { pitchUm: 500, needleHeightUm: 400 }
snapshots: { hours: [24] }
`;
/** A mouse study of ~20 s of work: the "long job" the server must stay responsive beside. */
const LONG_RUN = `schemaVersion: 1
name: load-long
model: mouseStudy
seed: 2
durationDays: 30
animals: { perArm: 4 }
skin: { lattice: { nx: 12, ny: 12 } }
arms: [{ id: a, androgenLevel: 0 }, { id: b, androgenLevel: 1 }]
endpoints: { reference: a, compareDays: [14] }
`;

export interface LoadOptions {
  validations: number;
  runs: number;
  /** Validations in flight at once. */
  concurrency: number;
  /** Runs in flight at once (latency counts queueing, so keep it near the worker count). */
  runConcurrency: number;
  /** Validations timed one after another while the long job runs. */
  probes: number;
  /** Time limit of each phase (ms): a phase stops early, with fewer requests counted, when the machine is slow. */
  phaseMs: number;
}

export interface LatencyStats {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadReport {
  validate: LatencyStats;
  runs: LatencyStats & { failed: number };
  validateDuringLongJob: LatencyStats & { longJobState: string };
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : Number.NaN;
};
const stats = (lat: number[], wallMs: number): LatencyStats => ({
  count: lat.length,
  perSecond: lat.length / (wallMs / 1000),
  p50Ms: quantile(lat, 0.5),
  p99Ms: quantile(lat, 0.99),
  maxMs: Math.max(...lat),
});

/** Runs `n` tasks with at most `c` in flight; returns each one's latency (ms) and the wall time. */
async function pool(n: number, c: number, one: (i: number) => Promise<void>, deadline: number): Promise<{ lat: number[]; wallMs: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(c, n) }, async () => {
      while (next < n && performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        await one(i);
        lat.push(performance.now() - t);
      }
    }),
  );
  return { lat, wallMs: performance.now() - t0 };
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function waitFinal(url: string, deadline: number): Promise<string> {
  for (;;) {
    const j = (await (await fetch(url)).json()) as { state: string };
    if (['succeeded', 'failed', 'cancelled'].includes(j.state) || performance.now() > deadline) return j.state;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a server on a free port, loads it, stops it; every phase stops at its count or its time limit. */
export async function serverLoad(o: LoadOptions): Promise<LoadReport> {
  let deadline = performance.now() + o.phaseMs;
  const nextPhase = () => (deadline = performance.now() + o.phaseMs);
  const server = createServer({ limits: { workers: 2, jobsPerClient: o.runs + 2, queueLength: o.runs + 2 } });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  try {
    // warm the workers (module loading is not what is measured)
    const warm = await Promise.all([0, 1].map(async () => ((await (await post(`${base}/api/jobs`, { scenario: SMALL_RUN })).json()) as { id: string }).id));
    await Promise.all(warm.map((id) => waitFinal(`${base}/api/jobs/${id}`, deadline)));

    nextPhase();
    const v = await pool(o.validations, o.concurrency, async (i) => {
      const r = await post(`${base}/api/validate`, { scenario: SMALL_RUN.replace('seed: 1', `seed: ${i}`) });
      if (!((await r.json()) as { ok: boolean }).ok) throw new Error('validation failed');
    }, deadline);

    let failed = 0;
    nextPhase();
    const submitted: string[] = [];
    const runs = await pool(o.runs, o.runConcurrency, async (i) => {
      const r = (await (await post(`${base}/api/jobs`, { scenario: SMALL_RUN, seed: i })).json()) as { id: string };
      submitted.push(r.id);
      if ((await waitFinal(`${base}/api/jobs/${r.id}`, deadline)) !== 'succeeded') failed++;
    }, deadline);
    // jobs left at the phase's time limit must not hold the workers the long job needs
    await Promise.all(submitted.map((id) => fetch(`${base}/api/jobs/${id}`, { method: 'DELETE' })));

    nextPhase();
    const long = (await (await post(`${base}/api/jobs`, { scenario: LONG_RUN })).json()) as { id: string };
    while (((await (await fetch(`${base}/api/jobs/${long.id}`)).json()) as { state: string }).state === 'queued' && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    const probes = await pool(o.probes, 1, async () => {
      await (await post(`${base}/api/validate`, { scenario: SMALL_RUN })).json();
      await new Promise((r) => setTimeout(r, 20));
    }, deadline);
    const longJobState = ((await (await fetch(`${base}/api/jobs/${long.id}`)).json()) as { state: string }).state;
    return { validate: stats(v.lat, v.wallMs), runs: { ...stats(runs.lat, runs.wallMs), failed }, validateDuringLongJob: { ...stats(probes.lat, probes.wallMs), longJobState } };
  } finally {
    await server.app.close();
  }
}
