import { createServer, type FollisimServer, type ServerOptions } from '../../src/node/server/app.ts';

/** A tiny patch-delivery scenario (≈0.1 s): one needle in a coarse skin window for one day. */
export const TINY_PATCH = `schemaVersion: 1
name: tiny-patch
model: patchDelivery
seed: 1
durationDays: 1
skin: { species: mouseDorsal, windowUm: { x: 500, y: 500, depth: 600 }, voxelUm: 50 }
patch: { pitchUm: 500, needleHeightUm: 400 }
snapshots: { hours: [1, 24] }
`;

/** A small mouse study (4 mice): a few seconds, one unit per mouse. */
export function mouseStudy(perArm: number, days: number): string {
  return `schemaVersion: 1
name: small-mouse
model: mouseStudy
seed: 3
durationDays: ${days}
animals: { perArm: ${perArm} }
skin: { lattice: { nx: 12, ny: 12 } }
arms:
  - { id: a, androgenLevel: 0 }
  - { id: b, androgenLevel: 1 }
endpoints: { reference: a, compareDays: [${Math.min(7, days)}] }
photos: { days: [0, ${days}] }
`;
}

/** A started server on a free port; `url(path)` builds request URLs. */
export async function startServer(options: ServerOptions = {}): Promise<FollisimServer & { base: string; url: (p: string) => string; close: () => Promise<void> }> {
  const s = createServer(options);
  const base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...s, base, url: (p) => base + p, close: () => s.app.close() };
}

/** POSTs JSON and returns status and parsed body. */
export async function postJson(url: string, body: unknown, method = 'POST'): Promise<{ status: number; body: any }> {
  const r = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

/** GETs JSON. */
export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.json() };
}

/** Polls a job until it is final (or the deadline passes). */
export async function waitJob(url: (p: string) => string, id: string, timeoutMs = 60_000): Promise<any> {
  const t0 = Date.now();
  for (;;) {
    const { body } = await getJson(url(`/api/jobs/${id}`));
    if (['succeeded', 'failed', 'cancelled'].includes(body.state)) return body;
    if (Date.now() - t0 > timeoutMs) throw new Error(`job ${id} still ${body.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
