import { deserialize, serialize } from 'node:v8';
import type { ExecOptions, UnitExecutor } from '../../tasks/executor.ts';
import type { AnyTask } from '../../tasks/task.ts';
import { hashValue } from './canonical.ts';
import type { ResultStore } from './store.ts';

/** Where a run's unit results go: the store and the run's catalog key. */
export interface UnitStoreTarget {
  store: ResultStore;
  runId: string;
  scenarioHash: string;
  /** The run's attempt number (1 fresh; n after n - 1 interruptions), recorded with each unit. */
  attempt: number;
}

/** What a resumable run did: units taken from the store and units computed now. */
export interface ResumeStats {
  reused: number;
  ran: number;
}

/** A unit result as bytes: V8's structured-clone format keeps typed arrays, Maps and -0 exactly (JSON would not). */
export const encodeUnitResult = (r: unknown): Uint8Array => new Uint8Array(serialize(r));
/** The inverse of `encodeUnitResult`. */
export const decodeUnitResult = (b: Uint8Array): unknown => deserialize(b);

/**
 * Wraps an executor so that each unit's result is committed to the store as it completes (exactly once: the
 * store's primary key is (run, unit index), and a row is one committed transaction, never half-written), and so
 * that units already stored for this run (an earlier, interrupted attempt) are read back instead of run.
 * A stored unit whose description hash differs from the plan's is discarded and run again.
 */
export function resumableExecutor(inner: UnitExecutor, target: UnitStoreTarget): UnitExecutor & { readonly stats: ResumeStats } {
  const stats: ResumeStats = { reused: 0, ran: 0 };
  return {
    name: `${inner.name}+store`,
    stats,
    async runUnits<U, R>(task: AnyTask, scenario: unknown, seed: number, units: readonly U[], options: ExecOptions): Promise<R[]> {
      const { store, runId, scenarioHash, attempt } = target;
      const hashes = units.map((u) => hashValue(u));
      const stored = await store.loadUnits(runId);
      const stale = [...stored.values()].filter((s) => s.unitHash !== hashes[s.index]).map((s) => s.index);
      await store.deleteUnits(runId, stale);
      const results = new Array<R>(units.length);
      const missing: number[] = [];
      for (let i = 0; i < units.length; i++) {
        const s = stored.get(i);
        if (s && s.unitHash === hashes[i]) results[i] = decodeUnitResult(s.bytes) as R;
        else missing.push(i);
      }
      stats.reused = units.length - missing.length;
      stats.ran = missing.length;
      const weights = units.map((u) => task.unitWeight?.(u) ?? 1);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const missingWeight = missing.reduce((a, i) => a + weights[i], 0);
      const doneWeight = total - missingWeight;
      if (missing.length < units.length) options.onProgress?.({ fraction: doneWeight / total, stage: `resumed ${units.length - missing.length}/${units.length} units` });
      const fresh = await inner.runUnits<U, R>(task, scenario, seed, missing.map((i) => units[i]), {
        ...options,
        onProgress: options.onProgress && ((p) => options.onProgress?.({ fraction: (doneWeight + p.fraction * missingWeight) / total, stage: p.stage })),
        onUnitResult: async (j, r) => {
          const index = missing[j];
          await store.putUnit(runId, task.name, scenarioHash, seed, { index, unitHash: hashes[index], bytes: encodeUnitResult(r), attempt });
          await options.onUnitResult?.(index, r);
        },
      });
      missing.forEach((index, j) => (results[index] = fresh[j]));
      await store.flushUnits();
      return results;
    },
  };
}
