import type { SensitivityOutput } from '../../../tasks/sweep/sensitivityTask.ts';
import type { Drivers, IndicatorProbability } from '../../../tasks/sweep/sensitivitySummary.ts';

/**
 * The headline of a sensitivity run as rows (report tables) and as plain text (what `follisim sensitivity`
 * prints): each indicator's probability with its interval, and the five drivers of each output.
 */

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : 'n/a');

/** One row per indicator output. */
export function probabilityRows(p: readonly IndicatorProbability[]): Record<string, string | number>[] {
  return p.map((r) => ({
    outcome: r.output,
    probability: fmt(r.estimate),
    [`${Math.round(r.level * 100)} % interval (Clopper–Pearson)`]: `${fmt(r.low)} – ${fmt(r.high)}`,
    'samples (yes / n)': `${r.successes} / ${r.n}`,
    'undefined runs': r.undefinedRuns,
  }));
}

/** One row per output and rank: the Morris and (if run) Sobol driver at that rank. */
export function driverRows(drivers: readonly Drivers[]): Record<string, string | number>[] {
  return drivers.flatMap((d) =>
    Array.from({ length: Math.max(d.morris.length, d.sobol.length) }, (_, i) => ({
      output: d.output,
      rank: i + 1,
      'Morris (μ*)': d.morris[i] ? `${d.morris[i].parameter} (${fmt(d.morris[i].muStar)})` : '',
      ...(d.sobol.length ? { 'Sobol (ST [interval]; S1)': d.sobol[i] ? `${d.sobol[i].parameter} (${fmt(d.sobol[i].ST, 2)} [${fmt(d.sobol[i].STLow, 2)}, ${fmt(d.sobol[i].STHigh, 2)}]; ${fmt(d.sobol[i].S1, 2)})` : '' } : {}),
    })),
  );
}

function textTable(rows: readonly Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join('  ').trimEnd();
  return [line(cols), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => String(r[c] ?? ''))))].join('\n');
}

/** Plain-text summary (probabilities, then drivers). */
export function sensitivityText(out: SensitivityOutput): string {
  const parts: string[] = [];
  if (out.probabilities.length) parts.push('Probabilities over the sampled parameter space (base samples of the Sobol design):', textTable(probabilityRows(out.probabilities)));
  const kept = (out.summary.screen as { kept?: string[] } | undefined)?.kept;
  if (kept) parts.push(`Morris screen kept for the Sobol stage: ${kept.join(', ')}`);
  parts.push('Drivers of each output (largest first):', textTable(driverRows(out.drivers)));
  return `${parts.join('\n\n')}\n`;
}
