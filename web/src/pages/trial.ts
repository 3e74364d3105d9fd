import { htmlTable } from '../../../src/output/html/index.ts';
import { trialCharts } from '../../../src/output/reports/trialCharts.ts';
import { parseScenario } from '../../../src/scenario/index.ts';
import type { TrialOutput } from '../../../src/tasks/trial.ts';
import { pageRunner, type LabRun } from '../run.ts';
import { chartElement, fmt, h, pngImage } from '../ui.ts';

/** Active arms offered against placebo: the treatments block of the trial schema (examples/trials/*.yaml). */
const TREATMENTS: Record<string, { label: string; yaml: string }> = {
  minox5: { label: '5 % minoxidil', yaml: '{ minoxidil: { concentrationPct: 5 } }' },
  fin1: { label: 'finasteride 1 mg', yaml: '{ finasteride: { doseMg: 1 } }' },
  ceriaPatch: { label: 'ceria patch weekly', yaml: '{ ceriaPatch: { loaded: true, needleUm: 600, everyDays: 7 } }' },
  needling: { label: 'dermaroller 1.5 mm weekly', yaml: '{ microneedling: { needleMm: 1.5, everyDays: 7 } }' },
};

/** A two-arm trial (active vs placebo) after examples/trials/ceria-patch-human.yaml, sized for a browser. */
function trialText(o: { treatment: string; perArm: number; weeks: number; seed: number }): string {
  const t = TREATMENTS[o.treatment] ?? TREATMENTS.minox5;
  const visits = [...new Set([0, 4, 8, 12, 16, 24, 36, 52, 78, 104].filter((w) => w < o.weeks).concat(o.weeks))];
  return `# ${t.label} vs placebo, ${o.perArm} men per arm, ${o.weeks} weeks (the web lab's trial page)
schemaVersion: 1
model: trial
name: browser-trial
seed: ${o.seed}
durationWeeks: ${o.weeks}
visitsWeeks: [${visits.join(', ')}]
targetArea: { areaCm2: 1 }
counting: { method: visual }
arms:
  - id: ${o.treatment}
    label: ${t.label}
    n: ${o.perArm}
    treatments: ${t.yaml}
  - id: placebo
    label: placebo (vehicle)
    n: ${o.perArm}
analysis: { control: placebo }
`;
}

/** The flow of men (screened → analysed) as the report shows it. */
function flowTable(out: TrialOutput): HTMLElement {
  const f = out.tables.flow;
  const box = h('div', { id: 'trial-flow' });
  // htmlTable escapes every cell: its string is safe to parse
  box.innerHTML = htmlTable({
    caption: 'Flow of men (screened → analysed)',
    columns: [{ header: 'Stage', key: 'stage' }, { header: 'Men', key: 'count' }],
    rows: Array.from(f.stage as readonly string[], (stage, i) => ({ stage, count: Number((f.count as ArrayLike<number>)[i]) })),
  });
  return box;
}

/** Sample men's vertex photographs, baseline beside end, from the run's files (the CLI's photos/*.png). */
function photoFigures(out: TrialOutput, files: LabRun['files']): HTMLElement {
  return h(
    'div',
    { id: 'trial-photos', class: 'pictures' },
    ...out.trial.photos.map((p) => {
      const arm = out.trial.arms[p.arm];
      const png = (when: string) => files[`photos/${arm.id}-${p.id}-${when}.png`];
      const b = png('baseline');
      const e = png('end');
      return h(
        'figure',
        { class: 'vertex' },
        b instanceof Uint8Array ? pngImage(b, `${arm.label}, man ${p.id}, baseline`) : null,
        e instanceof Uint8Array ? pngImage(e, `${arm.label}, man ${p.id}, end`) : null,
        h('figcaption', {}, `${arm.label}, man ${p.id}: ${p.baseline.terminal} → ${p.end.terminal} terminal hairs`),
      );
    }),
  );
}

/** The human trial: arm curves with CI bands, waterfall, responders, flow and vertex photographs. */
export function trialPage(root: HTMLElement): void {
  const num = (id: string, label: string, value: number) => h('label', {}, `${label} `, h('input', { id, type: 'number', value: String(value) }));
  const perArm = num('trial-per-arm', 'men per arm', 40);
  const weeks = num('trial-weeks', 'weeks', 24);
  const seed = num('trial-seed', 'seed', 2026);
  const treatment = h('select', { id: 'trial-treatment' }, ...Object.entries(TREATMENTS).map(([k, t]) => h('option', { value: k }, t.label)));
  const status = h('span', { id: 'trial-status' });
  const progress = h('progress', { id: 'trial-progress', max: 1, value: 0 });
  const run = h('button', { id: 'trial-run', type: 'button' }, 'Run trial');
  const cancel = h('button', { id: 'trial-cancel', type: 'button', disabled: true }, 'Cancel');
  const download = h('button', { id: 'trial-download', type: 'button', disabled: true }, 'Download results (.zip)');
  const results = h('div', { id: 'trial-results' });
  const runner = pageRunner({ progress, status, cancel, download });
  const value = (l: HTMLElement) => Number((l.querySelector('input') as HTMLInputElement).value);

  run.addEventListener('click', async () => {
    const text = trialText({ treatment: treatment.value, perArm: value(perArm), weeks: value(weeks), seed: value(seed) });
    const r = parseScenario(text);
    if (!r.ok || r.value.model !== 'trial') {
      status.textContent = r.ok ? '' : r.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return;
    }
    run.disabled = true;
    await runner.start(r.value, text, (done, seconds) => {
      const out = done.run.output as TrialOutput;
      const charts = trialCharts(out);
      results.replaceChildren(
        h('div', { class: 'row' }, h('div', { class: 'charts', id: 'trial-curves' }, chartElement(charts['change-from-baseline'])), flowTable(out)),
        h('div', { class: 'row' }, h('div', { class: 'charts', id: 'trial-waterfall' }, chartElement(charts.waterfall)), h('div', { class: 'charts', id: 'trial-responders' }, chartElement(charts.responders))),
        h('h3', {}, 'Vertex photographs (baseline, end)'),
        photoFigures(out, done.files),
      );
      const arms = (done.summary.arms ?? []) as { label: string; ittChangePerCm2: number }[];
      status.textContent = `done in ${seconds.toFixed(1)} s; change at the end (ITT, /cm²): ${arms.map((a) => `${a.label} ${fmt(a.ittChangePerCm2)}`).join(', ')}`;
    });
    run.disabled = false;
  });
  root.append(
    h('h2', {}, 'Human trial (virtual, randomized, vs placebo)'),
    h('form', { class: 'fields', onsubmit: (e: Event) => e.preventDefault() }, h('label', {}, 'active arm ', treatment), perArm, weeks, seed),
    h('p', {}, run, cancel, progress, ' ', status, ' ', download),
    results,
  );
}
