import type { TaskProgress } from '../tasks/types.ts';

export type ProgressMode = 'auto' | 'bar' | 'json' | 'none';

/** A progress reporter on stderr: a bar on a terminal, JSON lines when asked, silence otherwise. */
export function progressReporter(mode: ProgressMode): { update: (p: TaskProgress) => void; done: () => void } {
  const useBar = mode === 'bar' || (mode === 'auto' && process.stderr.isTTY === true);
  let lastPct = -1;
  let lastStage = '';
  const t0 = performance.now();
  return {
    update(p) {
      const pct = Math.floor(p.fraction * 100);
      if (pct === lastPct && p.stage === lastStage) return;
      lastPct = pct;
      lastStage = p.stage;
      if (mode === 'json') {
        process.stderr.write(JSON.stringify({ event: 'progress', stage: p.stage, fraction: Number(p.fraction.toFixed(3)) }) + '\n');
      } else if (useBar) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        const elapsed = ((performance.now() - t0) / 1000).toFixed(1);
        process.stderr.write(`\r${p.stage.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${elapsed}s`);
      }
    },
    done() {
      if (useBar && lastPct >= 0) process.stderr.write('\n');
    },
  };
}
