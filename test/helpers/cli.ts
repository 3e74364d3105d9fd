import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

/** Root folder of the repository. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The CLI's TypeScript entry point: tests run the source, never a possibly stale dist/ build. */
export const CLI_SOURCE = join(ROOT, 'src', 'node', 'cli', 'main.ts');

/** Runs `follisim ARGS` from source (node --import tsx src/node/cli/main.ts) in the repository root. */
export function runCli(args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], { cwd: ROOT, encoding: 'utf8' });
}
