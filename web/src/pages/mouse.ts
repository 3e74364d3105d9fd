import { parseScenario } from '../../../src/scenario/index.ts';
import type { AnimalResult } from '../../../src/study/animal.ts';
import type { MouseUnit } from '../../../src/tasks/mouseStudyRun.ts';
import { labRuns, runInBrowser } from '../run.ts';
import { chartElement, fmt, h } from '../ui.ts';

/** A three-arm study sized for a browser: normal, AGA control, Ce-MN patch. */
function studyText(o: { perArm: number; days: number; lattice: number }): string {
  const photoDays = [0, Math.round(o.days / 3), Math.round((2 * o.days) / 3), o.days];
  return `schemaVersion: 1
name: browser-mouse-study
model: mouseStudy
seed: 2021
durationDays: ${o.days}
animals: { perArm: ${o.perArm} }
skin: { lattice: { nx: ${o.lattice}, ny: ${o.lattice} }, depilation: { method: cream, day: 0 } }
arms:
  - { id: normal, label: Normal, androgenLevel: 0 }
  - { id: agaControl, label: AGA control, androgenLevel: 1 }
  - id: ceriaPatch
    label: AGA + Ce-MN patch
    androgenLevel: 1
    patch: { cargo: { substance: ceria, massPerNeedleNg: 100 }, schedule: { days: [${[0, 4, 8, 12, 16, 20, 24, 28, 32].filter((d) => d < o.days).join(', ')}], positions: rotate } }
endpoints: { reference: agaControl, compareDays: [${Math.min(14, o.days)}] }
photos: { days: [${[...new Set(photoDays)].join(', ')}] }
`;
}

/** The mouse study: the photo grid and coverage curves fill in as each mouse (a unit) finishes. */
export function mousePage(root: HTMLElement): void {
  const num = (id: string, label: string, value: number) => h('label', {}, `${label} `, h('input', { id, type: 'number', value: String(value) }));
  const perArm = num('mice-per-arm', 'mice per arm', 3);
  const days = num('study-days', 'days', 21);
  const lattice = num('lattice', 'lattice side', 16);
  const status = h('span', { id: 'mouse-status' });
  const progress = h('progress', { max: 1, value: 0 });
  const grid = h('table', { class: 'photos', id: 'photo-grid' });
  const curves = h('div', { class: 'charts', id: 'coverage' });
  const run = h('button', { id: 'mouse-run', type: 'button' }, 'Run study');
  const cancel = h('button', { id: 'mouse-cancel', type: 'button', disabled: true }, 'Cancel');
  let controller: AbortController | null = null;
  const value = (l: HTMLElement) => Number((l.querySelector('input') as HTMLInputElement).value);

  run.addEventListener('click', async () => {
    const text = studyText({ perArm: value(perArm), days: value(days), lattice: value(lattice) });
    const r = parseScenario(text);
    if (!r.ok || r.value.model !== 'mouseStudy') {
      status.textContent = r.ok ? '' : r.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return;
    }
    const scenario = r.value;
    const photoDays = scenario.photos.days;
    grid.replaceChildren(h('tr', {}, h('th', {}, 'arm'), ...photoDays.map((d) => h('th', {}, `day ${d}`))), ...scenario.arms.map((a) => h('tr', { 'data-arm': a.id }, h('td', {}, a.label ?? a.id), ...photoDays.map(() => h('td')))));
    // coverage of every finished mouse, by arm and day; the chart shows the mean of those so far
    const sums = new Map<string, { arm: string; day: number; sum: number; n: number }>();
    let finished = 0;
    const drawn = new Set<number>();
    controller = new AbortController();
    run.disabled = true;
    cancel.disabled = false;
    const t0 = performance.now();
    try {
      const done = await runInBrowser(scenario, text, {
        signal: controller.signal,
        onProgress: (p) => ((progress.value = p.fraction), (status.textContent = p.stage)),
        onUnit: (_i, unit, result) => {
          const { arm } = unit as MouseUnit;
          const an = result as AnimalResult;
          const label = scenario.arms[arm].label ?? scenario.arms[arm].id;
          finished++;
          an.timesDays.forEach((d, k) => {
            const key = `${arm}/${d}`;
            const cell = sums.get(key) ?? { arm: label, day: d, sum: 0, n: 0 };
            cell.sum += an.series.hairCoverage[k];
            cell.n++;
            sums.set(key, cell);
          });
          const rows = [...sums.values()].map((c) => ({ arm: c.arm, day: c.day, coverage: c.sum / c.n }));
          if (!drawn.has(arm) && an.photos.length > 0) {
            // the arm's representative mouse (the only one the study photographs) shows its photos
            drawn.add(arm);
            const cells = grid.querySelectorAll(`tr[data-arm="${scenario.arms[arm].id}"] td`);
            an.photos.forEach((p, k) => {
              const c = h('canvas', { width: p.width, height: p.height, class: 'mouse-photo' });
              c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(p.rgba), p.width, p.height), 0, 0);
              cells[k + 1]?.replaceChildren(c);
            });
          }
          curves.replaceChildren(
            chartElement({ version: 1, kind: 'line', title: `Hair coverage, mean of ${finished} mice so far`, x: { field: 'day', label: 'Day', unit: 'days' }, y: { field: 'coverage', label: 'Coverage', unit: 'fraction', domain: [0, 1] }, series: 'arm', data: rows }),
          );
        },
      });
      labRuns.push(done);
      Object.assign(window.follisimLab, { summary: done.summary, seed: done.run.seed, files: Object.keys(done.files), text });
      const arms = (done.summary.arms ?? {}) as Record<string, { label: string; final: { coverage: { mean: number } } }>;
      status.textContent = `done in ${((performance.now() - t0) / 1000).toFixed(1)} s; final coverage ${Object.values(arms).map((a) => `${a.label} ${fmt(a.final.coverage.mean)}`).join(', ')}`;
    } catch (err) {
      status.textContent = err instanceof Error && err.name === 'AbortError' ? 'cancelled' : `failed: ${String(err)}`;
    } finally {
      controller = null;
      run.disabled = false;
      cancel.disabled = true;
    }
  });
  cancel.addEventListener('click', () => controller?.abort());
  root.append(
    h('h2', {}, 'Mouse study (AGA, Ce-MN patch)'),
    h('form', { class: 'fields', onsubmit: (e: Event) => e.preventDefault() }, perArm, days, lattice),
    h('p', {}, run, cancel, progress, ' ', status),
    h('div', { class: 'row' }, grid, curves),
  );
}
