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
        const elapsedS = (performance.now() - t0) / 1000;
        const etaS = p.fraction >= 0.02 && p.fraction < 1 ? Number(((elapsedS * (1 - p.fraction)) / p.fraction).toFixed(1)) : undefined;
        process.stderr.write(JSON.stringify({ event: 'progress', stage: p.stage, fraction: Number(p.fraction.toFixed(3)), elapsedS: Number(elapsedS.toFixed(2)), etaS }) + '\n');
      } else if (useBar) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        const elapsedS = (performance.now() - t0) / 1000;
        // ETA from the average rate so far; shown once a little work is done (earlier guesses mislead)
        const eta = p.fraction >= 0.02 && p.fraction < 1 ? `  ETA ${formatSeconds((elapsedS * (1 - p.fraction)) / p.fraction)}` : '';
        process.stderr.write(`\r${p.stage.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${elapsedS.toFixed(1)}s${eta}\x1b[K`);
      }
    },
    done() {
      if (useBar && lastPct >= 0) process.stderr.write('\n');
    },
  };
}

/** Seconds as '42s', '3m05s' or '2h07m'. */
function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
