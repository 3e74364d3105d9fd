import { escapeHtml, htmlTable } from '../html/index.ts';
import type { OrderingAnalysis, OrderingResult } from '../../results/orderingAnalysis.ts';

/** How to produce the analysis, shown when a report has none (numbers are never filled in by hand). */
export const ORDERINGS_HOW_TO = [
  'follisim sensitivity examples/sweeps/mouse-orderings-sobol.yaml --threads 2 --out runs/orderings',
  'follisim run examples/mouse-cemn-study.yaml --orderings runs/orderings',
];

const fmt = (x: number | null, digits = 3) => (x === null || !Number.isFinite(x) ? 'n/a' : Number(x.toPrecision(digits)).toString());
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function driversTable(o: OrderingResult): string {
  const rows = [];
  for (let k = 0; k < 5; k++) {
    const row: Record<string, string | number> = { rank: k + 1 };
    o.drivers.forEach((d, j) => {
      const m = d.morris[k];
      const s = d.sobol[k];
      row[`m${j}`] = m ? `${m.parameter} (${fmt(m.muStar)})` : '—';
      row[`s${j}`] = s ? `${s.parameter} (${fmt(s.ST, 2)} [${fmt(s.STLow, 2)}, ${fmt(s.STHigh, 2)}])` : '—';
    });
    if (o.drivers.some((d) => d.morris[k] || d.sobol[k])) rows.push(row);
  }
  return htmlTable({
    caption: `Parameters driving “${o.labelA} before ${o.labelB}”: Morris μ* (output units per parameter range) and Sobol total index ST [95 % bootstrap interval], largest first`,
    columns: [{ header: 'Rank', key: 'rank' }, ...o.drivers.flatMap((d, j) => [{ header: `${d.output}: Morris μ*`, key: `m${j}` }, { header: `${d.output}: Sobol ST`, key: `s${j}` }])],
    rows,
  });
}

/** The report section "Do the orderings survive parameter uncertainty?" (with or without an analysis). */
export function mouseOrderingsSection(a: OrderingAnalysis | undefined): string {
  if (!a) {
    return `<p>No ordering analysis is attached to this run, so no probability is shown. The probabilities that Ce-MN reaches 50 % coverage before minoxidil and before the empty patch, over the plausible range of every assumption-labelled parameter, come from a sensitivity run (docs/validation.md §7.5); attach its output folder to a study run:</p><pre>${ORDERINGS_HOW_TO.map(escapeHtml).join('\n')}</pre><p>(examples/sweeps/mouse-orderings-quick.yaml is a reduced version of the analysis.)</p>`;
  }
  const probs = htmlTable({
    caption: `Probability over the plausible parameter space (independent base samples of the Sobol design) that the first arm reaches 50 % coverage before the second (restricted mean days to 50 %), with its Clopper–Pearson interval`,
    columns: [
      { header: 'Ordering', key: 'ordering' },
      { header: 'Probability', key: 'p' },
      { header: `95 % interval`, key: 'ci' },
      { header: 'Samples (yes / n)', key: 'n' },
      { header: 'Undefined runs', key: 'undef' },
    ],
    rows: a.orderings.map((o) => ({
      ordering: `${o.labelA} before ${o.labelB}`,
      p: pct(o.estimate),
      ci: `${pct(o.low)} to ${pct(o.high)}${o.level !== 0.95 ? ` (${Math.round(o.level * 100)} %)` : ''}`,
      n: `${o.successes} / ${o.n}`,
      undef: o.undefinedRuns,
    })),
  });
  const s = a.size;
  const size = `<p>Analysis size: ${escapeHtml(s.method)}, ${s.runs} studies over ${s.parameters} parameters${s.morrisTrajectories !== null ? `; Morris screen with ${s.morrisTrajectories} trajectories` : ''}${s.sobolSamples !== null ? `; Sobol base sample N = ${s.sobolSamples}` : ''}; each study ${s.days} days, ${s.micePerArm} mice per arm, arms ${s.arms.map(escapeHtml).join(', ')}. These are the analysis's settings, not this run's: a small analysis gives wide intervals.</p>`;
  const src = a.source;
  const from = `<p>From: <code>${escapeHtml(src.path)}</code> (analysis “${escapeHtml(src.name)}”, seed ${src.seed}, follisim ${escapeHtml(src.version)}${src.gitCommit ? ` at ${escapeHtml(src.gitCommit.slice(0, 12))}` : ''}, finished ${escapeHtml(src.finishedAt)}; summary.json SHA-256 <code>${escapeHtml(src.summarySha256.slice(0, 16))}…</code>). Copied into this run's orderings.json and listed in its manifest inputs; the analysis was not re-run.</p>`;
  return [probs, ...a.orderings.map(driversTable), size, from].join('\n');
}
