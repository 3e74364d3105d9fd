import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyTask } from '../../src/tasks/task.ts';
import { scheduleUnits, type SpawnWorker, type UnitWorkerEvent } from '../../src/tasks/unitScheduler.ts';

/** A task whose unit n squares n; weight = n (to check weighted progress). */
const task = { name: 'test:square', unitWeight: (u: unknown) => Number(u) } as unknown as AnyTask;

interface Pool {
  spawn: SpawnWorker;
  spawned: number;
  terminated: number;
  /** Most units ever running at once. */
  maxBusy: number;
  /** Order units were started in. */
  started: number[];
}

/**
 * Fake workers on timers: unit n takes `delayMs(n)`, reports half-way progress, then its square (or an error
 * for `failOn`). Nothing leaves this thread, so the scheduler's own bookkeeping is what is tested.
 */
function fakePool(o: { delayMs: (unit: number) => number; ready?: boolean; failOn?: number }): Pool {
  const pool: Pool = { spawned: 0, terminated: 0, maxBusy: 0, started: [], spawn: () => null as never };
  let busy = 0;
  pool.spawn = (emit) => {
    pool.spawned++;
    const timers = new Set<NodeJS.Timeout>();
    let alive = true;
    const later = (ms: number, fn: () => void) => {
      const t = setTimeout(() => (timers.delete(t), alive && fn()), ms);
      timers.add(t);
    };
    if (o.ready) later(1, () => emit({ type: 'ready' }));
    return {
      run(index, unit) {
        const n = Number(unit);
        pool.started.push(n);
        pool.maxBusy = Math.max(pool.maxBusy, ++busy);
        later(o.delayMs(n) / 2, () => emit({ type: 'progress', index, fraction: 0.5, stage: `unit ${n}` }));
        later(o.delayMs(n), () => {
          busy--;
          const m: UnitWorkerEvent = n === o.failOn ? { type: 'error', index, message: 'boom' } : { type: 'done', index, result: n * n };
          emit(m);
        });
      },
      terminate() {
        alive = false;
        for (const t of timers) clearTimeout(t);
        pool.terminated++;
      },
    };
  };
  return pool;
}

const UNITS = [5, 1, 4, 2, 3, 6];

describe('unit scheduler (platform-neutral core of the thread and Web Worker executors)', () => {
  it('returns results in plan order whatever the completion order, on at most `threads` workers', async () => {
    // later units finish first: completion order differs from plan order
    const pool = fakePool({ delayMs: (n) => 5 * (7 - n) });
    const finished: number[] = [];
    const out = await scheduleUnits<number, number>(task, UNITS, {}, { threads: 3, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes', onUnit: (_i, u) => finished.push(Number(u)) });
    assert.deepEqual(out, UNITS.map((n) => n * n));
    assert.notDeepEqual(finished, UNITS, 'units finished out of plan order');
    assert.equal(pool.spawned, 3);
    assert.equal(pool.maxBusy, 3);
    assert.deepEqual(pool.started, UNITS, 'units are handed out in plan order');
    assert.equal(pool.terminated, 3, 'every worker is stopped at the end');
  });

  it('feeds a worker only after its ready event when asked to, and never starts more workers than units', async () => {
    const pool = fakePool({ delayMs: () => 2, ready: true });
    const out = await scheduleUnits<number, number>(task, [2, 3], {}, { threads: 8, spawn: pool.spawn, waitForReady: true, workerNoun: 'fakes' });
    assert.deepEqual(out, [4, 9]);
    assert.equal(pool.spawned, 2);
  });

  it('reports weighted progress that ends at 1, counting units in flight', async () => {
    const pool = fakePool({ delayMs: (n) => 4 * n });
    const seen: number[] = [];
    await scheduleUnits(task, UNITS, { onProgress: (p) => seen.push(p.fraction) }, { threads: 2, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes' });
    assert.equal(seen.at(-1), 1);
    // weight of unit 1 alone is 1/21; a half-done unit shows before its unit completes
    assert.ok(seen.some((f) => f > 0 && f < 1 && Math.abs(f * 21 - Math.round(f * 21)) > 1e-9), `partial fractions: ${seen.join(', ')}`);
    assert.ok(seen.every((f) => f >= 0 && f <= 1));
  });

  it('hands each result to onUnitResult and waits for its promise', async () => {
    const pool = fakePool({ delayMs: () => 1 });
    const stored = new Map<number, unknown>();
    await scheduleUnits(task, [1, 2, 3], { onUnitResult: async (i, r) => void (await new Promise((res) => setTimeout(res, 5)), stored.set(i, r)) }, { threads: 2, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes' });
    assert.deepEqual([...stored.entries()].sort(), [[0, 1], [1, 4], [2, 9]]);
  });

  it('cancels: rejects with an AbortError and terminates the workers mid-unit', async () => {
    const pool = fakePool({ delayMs: () => 1000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const t0 = performance.now();
    await assert.rejects(scheduleUnits(task, UNITS, { signal: ac.signal }, { threads: 2, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes' }), { name: 'AbortError' });
    assert.ok(performance.now() - t0 < 500, 'did not wait for the units');
    assert.equal(pool.terminated, 2);
    // an already-aborted signal starts nothing
    await assert.rejects(scheduleUnits(task, UNITS, { signal: AbortSignal.abort() }, { threads: 2, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes' }), { name: 'AbortError' });
  });

  it('fails with the unit and task named when a unit throws, and on a worker crash', async () => {
    const pool = fakePool({ delayMs: () => 2, failOn: 4 });
    await assert.rejects(scheduleUnits(task, UNITS, {}, { threads: 2, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes' }), /unit 2 of test:square: boom/);
    assert.equal(pool.terminated, 2);
    const crash: SpawnWorker = (_emit, fail) => ({ run: () => setTimeout(() => fail(new Error('worker crashed')), 1), terminate: () => undefined });
    await assert.rejects(scheduleUnits(task, [1], {}, { threads: 1, spawn: crash, waitForReady: false, workerNoun: 'fakes' }), /worker crashed/);
  });

  it('resolves at once with no units', async () => {
    const pool = fakePool({ delayMs: () => 1 });
    assert.deepEqual(await scheduleUnits(task, [], {}, { threads: 4, spawn: pool.spawn, waitForReady: false, workerNoun: 'fakes' }), []);
    assert.equal(pool.spawned, 0);
  });
});
