import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * URL of a module next to the calling module, with the caller's own extension: `worker.ts` when follisim runs
 * from source (through tsx), `worker.js` when it runs from the compiled build in dist/. Pass the caller's
 * `import.meta.url`.
 */
export function siblingModuleUrl(name: string, callerUrl: string): string {
  const ext = /\.[cm]?[jt]s$/.exec(new URL(callerUrl).pathname)?.[0] ?? '.js';
  return new URL(`./${name}${ext}`, callerUrl).href;
}

/**
 * Starts a worker module in a worker thread. A compiled `.js` module starts directly. A `.ts` module (running
 * from source) needs the TypeScript loader: workers do not inherit the main thread's module hooks, so tsx (a
 * development dependency) is registered inside the worker before the module is imported.
 */
export function spawnModuleWorker(moduleUrl: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return new Worker(new URL(moduleUrl), { workerData, resourceLimits });
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    throw new Error(`cannot start worker ${moduleUrl}: running from TypeScript source needs tsx (npm install --save-dev tsx), or use the compiled build (npm run build)`);
  }
  const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
