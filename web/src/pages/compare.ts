import { labRuns } from '../run.ts';
import { fmt, h, numericLeaves } from '../ui.ts';

/** Two runs of this session side by side: every number of their summaries, with the difference. */
export function comparePage(root: HTMLElement): void {
  root.append(h('h2', {}, 'Compare two runs'));
  if (labRuns.length < 2) {
    root.append(h('p', { id: 'compare-empty' }, `Run at least two scenarios (Scenario page) to compare them; ${labRuns.length} run so far.`));
    return;
  }
  const pick = (id: string, initial: number) => h('select', { id }, ...labRuns.map((r, i) => h('option', { value: String(i), selected: i === initial }, r.label)));
  const a = pick('compare-a', labRuns.length - 2);
  const b = pick('compare-b', labRuns.length - 1);
  const table = h('table', { id: 'compare-table' });
  const draw = () => {
    const la = numericLeaves(labRuns[Number(a.value)].summary);
    const lb = numericLeaves(labRuns[Number(b.value)].summary);
    const keys = [...new Set([...Object.keys(la), ...Object.keys(lb)])].filter((k) => !/\.\d+\./.test(k));
    table.replaceChildren(
      h('tr', {}, h('th', {}, 'summary value'), h('th', {}, 'A'), h('th', {}, 'B'), h('th', {}, 'B − A')),
      ...keys.map((k) => h('tr', {}, h('td', {}, k), h('td', { class: 'num' }, k in la ? fmt(la[k]) : '—'), h('td', { class: 'num' }, k in lb ? fmt(lb[k]) : '—'), h('td', { class: 'num' }, k in la && k in lb ? fmt(lb[k] - la[k]) : ''))),
    );
  };
  a.addEventListener('change', draw);
  b.addEventListener('change', draw);
  root.append(h('p', {}, 'A ', a, ' B ', b), table);
  draw();
}
