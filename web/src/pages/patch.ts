import { colourAt, colourMap } from '../../../src/output/raster/index.ts';
import { humanScalpSkin, mouseDorsalSkin } from '../../../src/species/skin.ts';
import { parseScenario } from '../../../src/scenario/index.ts';
import type { FieldSnapshot } from '../../../src/tasks/patchDeliveryRun.ts';
import { runInBrowser } from '../run.ts';
import { fmt, h } from '../ui.ts';

const SPECIES = [
  { id: 'mouseDorsal', label: 'Mouse dorsal skin', skin: mouseDorsalSkin, depthUm: 800, voxelUm: 25 },
  { id: 'humanScalp', label: 'Human scalp', skin: humanScalpSkin, depthUm: 4000, voxelUm: 50 },
] as const;

/** A one-day patch-delivery scenario of one species for the designer's settings. */
function scenarioText(species: (typeof SPECIES)[number], o: { heightUm: number; pitchUm: number; massNg: number; loading: string; days: number }): string {
  return `schemaVersion: 1
name: patch-designer-${species.id}
model: patchDelivery
seed: 1
durationDays: ${o.days}
skin: { species: ${species.id}, windowUm: { x: ${o.pitchUm}, y: ${o.pitchUm}, depth: ${species.depthUm} }, voxelUm: ${species.voxelUm} }
patch: { pitchUm: ${o.pitchUm}, needleHeightUm: ${o.heightUm}, cargo: { substance: ceria, massPerNeedleNg: ${o.massNg}, loading: ${o.loading} } }
snapshots: { hours: [1, ${o.days * 24}] }
`;
}

/** Draws a depth–dose section with the species' follicle bulb depths as labelled lines. */
function drawMap(canvas: HTMLCanvasElement, s: FieldSnapshot, lines: { depthUm: number; label: string }[]): void {
  const scale = Math.max(2, Math.floor(360 / s.height));
  canvas.width = s.width * scale + 150;
  canvas.height = s.height * scale;
  const ctx = canvas.getContext('2d')!;
  let max = 0;
  for (const v of s.values) max = Math.max(max, v);
  const map = colourMap('viridis');
  for (let z = 0; z < s.height; z++) {
    for (let x = 0; x < s.width; x++) {
      const [r, g, b] = colourAt(map, max > 0 ? s.values[z * s.width + x] / max : 0);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(x * scale, z * scale, scale, scale);
    }
  }
  ctx.font = '11px sans-serif';
  for (const l of lines) {
    const y = (l.depthUm / s.pixelUm) * scale;
    if (y > canvas.height) continue;
    ctx.strokeStyle = '#ff5a5a';
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(s.width * scale, y);
    ctx.stroke();
    ctx.fillStyle = '#c00';
    ctx.fillText(`${l.label} ${l.depthUm} µm`, s.width * scale + 4, y + 4);
  }
  ctx.fillStyle = '#333';
  ctx.fillText(`max ${fmt(max)} µg/mL`, s.width * scale + 4, 12);
}

/** Patch designer: needle length, pitch, loading → depth–dose maps in mouse and human skin side by side. */
export function patchPage(root: HTMLElement): void {
  const num = (id: string, label: string, value: number) => h('label', {}, `${label} `, h('input', { id, type: 'number', value: String(value), step: 'any' }));
  const height = num('needle-height', 'needle length (µm)', 600);
  const pitch = num('needle-pitch', 'pitch (µm)', 500);
  const mass = num('needle-mass', 'ceria per needle (ng)', 100);
  const days = num('patch-days', 'days', 1);
  const loading = h('select', { id: 'needle-loading' }, h('option', { value: 'uniform' }, 'uniform'), h('option', { value: 'tip' }, 'tip-loaded'));
  const status = h('span', { id: 'patch-status' });
  const panels = h('div', { class: 'row', id: 'patch-maps' });
  const value = (l: HTMLElement) => Number((l.querySelector('input') as HTMLInputElement).value);
  const go = async () => {
    const o = { heightUm: value(height), pitchUm: value(pitch), massNg: value(mass), days: value(days), loading: loading.value };
    panels.replaceChildren();
    status.textContent = 'running…';
    const t0 = performance.now();
    for (const sp of SPECIES) {
      const text = scenarioText(sp, o);
      const r = parseScenario(text);
      const box = h('div', {}, h('h3', {}, sp.label));
      panels.append(box);
      if (!r.ok) {
        box.append(h('ul', { class: 'issues' }, ...r.issues.map((i) => h('li', {}, `${i.path}: ${i.message}`))));
        continue;
      }
      const out = await runInBrowser(r.value, text, {});
      const snaps = ((out.run.output as { snapshots?: FieldSnapshot[] }).snapshots ?? []).filter((s) => s.substance === 'ceria' && s.plane === 'xz');
      // the first hour shows where the needle put the cargo; the end shows where it went
      const canvases = snaps.map((snap) => {
        const canvas = h('canvas', { class: 'dose-map', title: `${snap.hours} h` });
        drawMap(canvas, snap, [{ depthUm: sp.skin.telogenBulbDepthUm.value, label: 'telogen bulb' }, { depthUm: sp.skin.anagenBulbDepthUm.value, label: 'anagen bulb' }]);
        return h('figure', {}, canvas, h('figcaption', { class: 'small' }, `after ${snap.hours} h`));
      });
      const s = out.summary as Record<string, number>;
      box.append(h('div', { class: 'row' }, ...canvases), h('p', { class: 'small' }, `insertion ${fmt(s.insertionDepthUm)} µm · delivered ${fmt(s.deliveredNg)} ng · perifollicular peak ${fmt(s.perifollicularPeakFractionOfDose)} of dose`));
    }
    status.textContent = `done in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  };
  root.append(
    h('h2', {}, 'Patch designer'),
    h('p', { class: 'small' }, 'Vertical sections through a needle after the chosen time: ceria concentration (viridis, per-species scale), with the depths of telogen and anagen follicle bulbs. The bulge is not drawn: no bulge depth is in the parameter catalogue yet.'),
    h('form', { class: 'fields', onsubmit: (e: Event) => e.preventDefault() }, height, pitch, mass, days, h('label', {}, 'loading ', loading)),
    h('p', {}, h('button', { id: 'patch-run', type: 'button', onclick: go }, 'Compute maps'), status),
    panels,
  );
}
