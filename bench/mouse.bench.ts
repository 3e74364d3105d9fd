import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadExecutor } from '../src/node/pool/threadExecutor.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { runMouseStudyTask } from '../src/tasks/mouseStudyRun.ts';
import { runTask } from '../src/tasks/runTask.ts';
import type { BenchResult, BenchSuite } from './types.ts';

const ROOT = join(import.meta.dirname, '..');

/**
 * Why the compiled CLI cannot be timed (null: it can): dist/ must exist and be built from this commit, or
 * the figure would time other code.
 */
function cliUnavailable(): string | null {
  const info = join(ROOT, 'build-info.json');
  if (!existsSync(join(ROOT, 'dist', 'node', 'cli', 'main.js')) || !existsSync(info)) return 'dist/ is missing (npm run build)';
  const built = (JSON.parse(readFileSync(info, 'utf8')) as { commit: string | null }).commit;
  let head = '';
  let dirty = '';
  try {
    head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT }).toString().trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'not a git checkout: cannot tell whether dist/ is current';
  }
  if (built !== head || dirty) return `dist/ was built from ${built ?? 'an unknown commit'}, the tree is ${head.slice(0, 12)}${dirty ? ' with changes' : ''} (npm run build)`;
  return null;
}

/**
 * The flagship mouse study (5 arms × 8 mice × 35 days) end to end without file output: on all cores
 * (this thread plus worker threads, what `follisim run` does) and on one thread; best of 2 runs each. Then
 * `mouse-study-cli`: the README's flagship command from the compiled build (`node bin/follisim.js run`, all
 * cores, all files written: report, photos, plots), process start included, when dist/ is current.
 */
export const mouseBench: BenchSuite = {
  name: 'mouse study',
  async run(): Promise<BenchResult[]> {
    const r = parseScenario(readFileSync(join(import.meta.dirname, '..', 'examples', 'mouse-cemn-study.yaml'), 'utf8'));
    if (!r.ok || r.value.model !== 'mouseStudy') throw new Error('example scenario invalid');
    const scenario = r.value;
    const mice = scenario.arms.length * scenario.animals.perArm;
    const threads = availableParallelism();
    const time = async (f: () => Promise<unknown> | unknown) => {
      const t: number[] = [];
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        await f();
        t.push((performance.now() - t0) / 1000);
      }
      return Math.min(...t);
    };
    // as `follisim run --threads N` does: this thread runs units too while the workers start
    const all = await time(() => runTask(scenario, { seed: 1, executor: threadExecutor(threads, [], { callingThread: true }) }));
    const one = await time(() => runMouseStudyTask(scenario, { seed: 1 }));
    const details = { arms: scenario.arms.length, mice, days: scenario.durationDays };
    const out: BenchResult[] = [
      { name: 'mouse-study', value: all, unit: 's', details: { ...details, threads, sPerMouse: all / mice } },
      { name: 'mouse-study-1thread', value: one, unit: 's', details: { ...details, threads: 1, sPerMouse: one / mice } },
    ];
    const why = cliUnavailable();
    if (why) process.stderr.write(`  mouse-study-cli skipped: ${why}\n`);
    else {
      const dir = mkdtempSync(join(tmpdir(), 'follisim-bench-cli-'));
      try {
        const cli = await time(() =>
          execFileSync(process.execPath, [join(ROOT, 'bin', 'follisim.js'), 'run', join(ROOT, 'examples', 'mouse-cemn-study.yaml'), '--threads', String(threads), '--out', join(dir, 'run'), '--force', '--no-store', '--progress', 'none'], { stdio: 'ignore' }),
        );
        out.push({ name: 'mouse-study-cli', value: cli, unit: 's', details: { ...details, threads, files: 'all' } });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return out;
  },
};
