import { parseDocument } from 'yaml';
import type { ScenarioIssue } from '../../../src/core/scenario/parse.ts';
import { parseChartSpec } from '../../../src/output/charts/index.ts';
import { parseScenario, scenarioJsonSchema } from '../../../src/scenario/index.ts';
import type { ChartSpec } from '../../../src/output/charts/index.ts';
import { pageRunner, type LabRun } from '../run.ts';
import { EXAMPLES, QUICK_PATCH } from '../scenarios.ts';
import { chartElement, fmt, h, numericLeaves, pngImage } from '../ui.ts';

type JsonSchema = { properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; type?: string; const?: unknown; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number; description?: string; default?: unknown };

let text = QUICK_PATCH; // kept across page switches

/** The JSON Schema branch of one model: its top-level numeric fields become the form. */
function modelBranch(model: unknown): JsonSchema | undefined {
  const root = scenarioJsonSchema() as JsonSchema;
  return (root.oneOf ?? root.anyOf ?? []).find((b) => b.properties?.model?.const === model);
}

/** A line chart of a patch run's time series (the patch task has no chart specs of its own). */
function timeseriesChart(csv: string): ChartSpec | null {
  const [head, ...rows] = csv.trim().split('\n');
  const cols = head.split(',');
  const x = cols.indexOf('hours');
  const ys = cols.filter((c) => c.endsWith('Ng'));
  if (x < 0 || ys.length === 0) return null;
  const data = rows.flatMap((r) => {
    const v = r.split(',').map(Number);
    return ys.map((y) => ({ hours: v[x], amount: v[cols.indexOf(y)], series: y }));
  });
  return { version: 1, kind: 'line', title: 'Cargo budget', x: { field: 'hours', label: 'Time', unit: 'h' }, y: { field: 'amount', label: 'Amount', unit: 'ng', zero: true }, series: 'series', data };
}

/** The scenario editor: YAML with inline issues, a form from the JSON Schema, run, cancel, results, download. */
export function editorPage(root: HTMLElement): void {
  const textarea = h('textarea', { id: 'scenario-text', spellcheck: false, value: text });
  const gutter = h('div', { class: 'gutter' });
  const issuesList = h('ul', { class: 'issues', id: 'issues' });
  const form = h('form', { class: 'fields', id: 'fields', onsubmit: (e: Event) => e.preventDefault() });
  const status = h('span', { id: 'status' }, 'ready');
  const progress = h('progress', { id: 'progress', max: 1, value: 0 });
  const charts = h('div', { class: 'charts', id: 'charts' });
  const pictures = h('div', { class: 'pictures', id: 'pictures' });
  const summaryBox = h('div', { id: 'summary' });
  const runButton = h('button', { id: 'run', type: 'button' }, 'Run');
  const cancelButton = h('button', { id: 'cancel', type: 'button', disabled: true }, 'Cancel');
  const downloadButton = h('button', { id: 'download', type: 'button', disabled: true }, 'Download results (.zip)');
  const examples = h('select', { id: 'example' }, h('option', { value: '' }, 'load an example…'), ...Object.keys(EXAMPLES).map((k) => h('option', { value: k }, k)));
  const runner = pageRunner({ progress, status, cancel: cancelButton, download: downloadButton });

  const drawGutter = (issues: ScenarioIssue[]) => {
    const bad = new Map<number, string>();
    for (const i of issues) if (i.line) bad.set(i.line, [bad.get(i.line), `${i.path}: ${i.message}`].filter(Boolean).join('\n'));
    const n = text.split('\n').length;
    gutter.replaceChildren(...Array.from({ length: n }, (_, k) => h('div', bad.has(k + 1) ? { class: 'bad', title: bad.get(k + 1) } : {}, String(k + 1))));
    gutter.scrollTop = textarea.scrollTop;
  };

  const drawForm = (issues: ScenarioIssue[]) => {
    let data: Record<string, unknown> = {};
    try {
      data = (parseDocument(text).toJS() ?? {}) as Record<string, unknown>;
    } catch {
      /* syntax errors are listed below the editor */
    }
    const branch = modelBranch(data.model);
    const fields = Object.entries(branch?.properties ?? {}).filter(([, p]) => p.type === 'number' || p.type === 'integer');
    const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.id : null;
    form.replaceChildren(
      h('strong', {}, branch ? `${String(data.model)}: top-level numbers` : 'choose a model'),
      ...fields.map(([key, p]) => {
        const issue = issues.find((i) => i.path === key);
        const input = h('input', {
          id: `field-${key}`,
          type: 'number',
          step: 'any',
          value: data[key] === undefined ? '' : String(data[key]),
          placeholder: p.default === undefined ? '' : String(p.default),
          min: p.minimum ?? p.exclusiveMinimum,
          max: p.maximum ?? p.exclusiveMaximum,
          class: issue ? 'invalid' : undefined,
          onchange: (e: Event) => setField(key, (e.target as HTMLInputElement).value),
        });
        return h('label', { title: p.description ?? '' }, `${key} `, input, issue ? h('span', { class: 'field-error', id: `error-${key}` }, issue.message) : null);
      }),
    );
    if (focused) document.getElementById(focused)?.focus();
  };

  const validate = (): ReturnType<typeof parseScenario> => {
    const r = parseScenario(text);
    const issues = r.ok ? [] : r.issues;
    issuesList.replaceChildren(...issues.map((i) => h('li', { 'data-line': i.line ?? '' }, `line ${i.line ?? '?'}: ${i.path || '(root)'}${i.value === undefined ? '' : ` = ${JSON.stringify(i.value)}`}: ${i.message}`)));
    if (r.ok) issuesList.replaceChildren(h('li', { class: 'ok' }, 'valid'));
    drawGutter(issues);
    drawForm(issues);
    runButton.disabled = !r.ok || runner.busy;
    return r;
  };

  /** Writes a form value into the YAML (keeping comments and layout), then re-validates. */
  const setField = (key: string, raw: string) => {
    const doc = parseDocument(text);
    if (raw.trim() === '') doc.delete(key);
    else doc.set(key, Number(raw));
    text = doc.toString();
    textarea.value = text;
    validate();
  };

  const showResults = (r: LabRun) => {
    const leaves = Object.entries(numericLeaves(r.summary)).filter(([k]) => !/\.\d+\./.test(k)).slice(0, 30);
    summaryBox.replaceChildren(h('h3', {}, 'Summary'), h('table', { id: 'summary-table' }, ...leaves.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', { class: 'num' }, fmt(v))))));
    const specs = Object.entries(r.files).filter(([k]) => k.endsWith('.chart.json')).map(([, v]) => parseChartSpec(JSON.parse(v as string)));
    const ts = r.files['timeseries.csv'];
    if (specs.length === 0 && typeof ts === 'string') {
      const s = timeseriesChart(ts);
      if (s) specs.push(s);
    }
    charts.replaceChildren(h('h3', {}, 'Charts'), ...specs.map(chartElement));
    const pngs = Object.entries(r.files).filter(([k, v]) => k.endsWith('.png') && v instanceof Uint8Array).slice(0, 12);
    pictures.replaceChildren(h('h3', {}, 'Pictures'), ...pngs.map(([k, v]) => pngImage(v as Uint8Array, k)));
  };

  const run = async () => {
    const r = validate();
    if (!r.ok) return;
    runButton.disabled = true;
    await runner.start(r.value, text, (done, seconds) => {
      status.textContent = `done in ${seconds.toFixed(2)} s (seed ${done.run.seed}, ${done.run.executor})`;
      showResults(done);
    });
    validate();
  };

  textarea.addEventListener('input', () => {
    text = textarea.value;
    validate();
  });
  textarea.addEventListener('scroll', () => (gutter.scrollTop = textarea.scrollTop));
  examples.addEventListener('change', () => {
    if (!examples.value) return;
    text = EXAMPLES[examples.value];
    textarea.value = text;
    validate();
  });
  runButton.addEventListener('click', run);

  root.append(
    h('h2', {}, 'Scenario'),
    h('div', { class: 'row' }, h('div', {}, examples, h('div', { class: 'editor' }, gutter, textarea), issuesList), form),
    h('p', {}, runButton, cancelButton, progress, ' ', status, ' ', downloadButton),
    h('div', { class: 'row' }, summaryBox, h('div', {}, charts, pictures)),
  );
  validate();
}
