/**
 * The library as Node sees it: the platform-neutral API plus worker threads for `runTask({ threads })`.
 * Importing this module installs the thread executor.
 */
import { setThreadExecutorFactory } from '../tasks/runTask.ts';
import { threadExecutor } from './pool/threadExecutor.ts';

export * from '../index.ts';
export { threadExecutor } from './pool/threadExecutor.ts';

setThreadExecutorFactory((threads) => threadExecutor(threads));
