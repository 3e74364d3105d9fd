import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Root folder of the repository. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The CLI's TypeScript entry point: tests run the source, never a possibly stale dist/ build. */
export const CLI_SOURCE = join(ROOT, 'src', 'node', 'cli', 'main.ts');

/** A results store for this test process's CLI runs (not the repository's ./follisim-store, which parallel test files would contend for). */
const TEST_STORE = mkdtempSync(join(tmpdir(), 'follisim-test-store-'));

/** Runs `follisim ARGS` from source (node --import tsx src/node/cli/main.ts) in the repository root. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FOLLISIM_STORE: TEST_STORE, ...env } });
}
