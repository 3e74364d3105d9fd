import { Worker } from 'node:worker_threads';

/**
 * Starts a TypeScript worker module in a worker thread. Workers do not inherit the main thread's module
 * hooks, so the TypeScript loader (tsx, a runtime dependency; bin/follisim.js registers it the same way) is
 * registered inside the worker before the module is imported.
 */
export function spawnTsWorker(moduleUrl: string, workerData: unknown): Worker {
  let tsxApi: string | null = null;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    tsxApi = null;
  }
  if (tsxApi === null) return new Worker(new URL(moduleUrl), { workerData });
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(code, { eval: true, workerData });
}
