import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assembleTrial } from '../../src/parameters/assemble/trial.ts';
import { reduceTrial } from '../../src/tasks/trial.ts';
import { trialPhotos } from '../../src/output/reports/trialReport.ts';
import { PHASE } from '../../src/follicle/human/automaton.ts';
import { depthDoseLookup } from '../../src/trial/ceriaDepthDose.ts';
import { follicleSpots, renderVertexPhoto, vertexPhotoRaster } from '../../src/trial/photo.ts';
import { photographFollicles, viewCounts } from '../../src/trial/photoSubjects.ts';
import { planTrial, runTrialUnit } from '../../src/trial/run.ts';
import { validTrial } from '../helpers/scenarios.ts';
import type { TrialScenario } from '../../src/trial/schema.ts';

function scenario(): TrialScenario {
  return validTrial({
    seed: 5,
    durationWeeks: 24,
    visitsWeeks: [0, 12, 24],
    targetArea: { areaCm2: 0.5 },
    population: { candidates: 240 },
    design: { commonRandomNumbers: true, subjectsPerUnit: 7 },
    arms: [
      { id: 'placebo', n: 6 },
      { id: 'fin', n: 6, treatments: { finasteride: { doseMg: 1 } } },
    ],
    analysis: { photoSubjects: 6 },
    // recovery as fast as loss (r = 1: ρ 0.12, as the uncoupled model's δ/2 at δ 0.243), so that a follicle of
    // this small trial turns terminal under finasteride within 24 weeks (the test is about drawing follicles)
    parameters: { 'trialProgression.recoveryToLossRatio': 1 },
  });
}

const P = assembleTrial({ 'trialProgression.recoveryToLossRatio': 1 });
const THRESHOLD_UM = 40;

it('each follicle keeps its place: positions depend on the man and the index only', () => {
  const a = follicleSpots(3, 50, 120);
  assert.deepEqual(follicleSpots(3, 50, 120), a);
  assert.notDeepEqual(follicleSpots(4, 50, 120), a);
  for (const s of a) assert.ok(s.x >= 0 && s.x < 120 && s.y >= 0 && s.y < 120);
});

it('a follicle that turns terminal changes its stroke at its own place and nowhere else', () => {
  const n = 64;
  const phase = new Uint8Array(n).fill(PHASE.anagen);
  const vellus = new Float64Array(n).fill(20);
  const before = { phase, shaftUm: vellus };
  const j = 27;
  const after = { phase, shaftUm: Float64Array.from(vellus, (d, i) => (i === j ? 70 : d)) };
  const size = 120;
  const a = vertexPhotoRaster(9, before, THRESHOLD_UM, size);
  const b = vertexPhotoRaster(9, after, THRESHOLD_UM, size);
  const spot = follicleSpots(9, n, size)[j];
  const px = (img: Uint8Array, x: number, y: number) => Array.from(img.subarray(4 * (Math.floor(y) * size + Math.floor(x)), 4 * (Math.floor(y) * size + Math.floor(x)) + 3));
  // at the follicle's root: pale vellus before, dark terminal after
  assert.deepEqual(px(a, spot.x, spot.y), [170, 140, 120]);
  assert.deepEqual(px(b, spot.x, spot.y), [45, 30, 22]);
  // every changed pixel lies on the terminal shaft of follicle j (its direction, within its length + 1 px width)
  const cell = size / Math.ceil(Math.sqrt(n));
  let changed = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (px(a, x, y).join() === px(b, x, y).join()) continue;
      changed++;
      const dx = x + 0.5 - spot.x;
      const dy = y + 0.5 - spot.y;
      const along = dx * Math.cos(spot.angle) + dy * Math.sin(spot.angle);
      const across = Math.abs(-dx * Math.sin(spot.angle) + dy * Math.cos(spot.angle));
      assert.ok(along > -2 && along < 2.5 * cell + 2 && across < 2.5, `changed pixel (${x}, ${y}) is off follicle ${j}'s shaft`);
    }
  }
  assert.ok(changed > 0);
  // a shed hair (latency) or a dormant follicle shows bare scalp there
  const shed = { phase: Uint8Array.from(phase, (p, i) => (i === j ? PHASE.latency : p)), shaftUm: vellus };
  assert.deepEqual(px(vertexPhotoRaster(9, shed, THRESHOLD_UM, size), spot.x, spot.y), [233, 196, 170]);
});

it('the photographs are a deterministic function of the simulated follicles, and the follicles are the ones the trial counted', () => {
  const s = scenario();
  const units = planTrial(s, P);
  const records = units.flatMap((u) => runTrialUnit(s, u, 5, P));
  const out = reduceTrial(s, records, 5);
  // up to photoSubjects completers per arm (dropouts are not photographed)
  assert.ok(out.trial.photos.length >= 4 && out.trial.photos.length <= 12, `${out.trial.photos.length} photographs`);
  const again = reduceTrial(s, runTrialUnit(s, { ...units[0], from: 0, to: s.population.candidates ?? 0 }, 5, P), 5);
  const files = trialPhotos(out);
  assert.deepEqual(trialPhotos(again), files);
  for (const p of out.trial.photos) {
    const st = p.state;
    assert.equal(st.baseline.phase.length, p.follicles);
    // counts from the follicles = the trial's true counts (reduceTrial also checks this)
    assert.deepEqual(viewCounts(st.baseline, st.terminalThresholdUm), p.baseline);
    assert.deepEqual(viewCounts(st.end, st.terminalThresholdUm), p.end);
    // and the same man re-run directly gives the same state and pixels
    const direct = photographFollicles(s, P, 5, p.id, p.arm, depthDoseLookup(), units[0].microenv);
    assert.deepEqual(direct, st);
    assert.deepEqual(renderVertexPhoto(p.id, direct.end, direct.terminalThresholdUm), files[`photos/${s.arms[p.arm].id}-${p.id}-end.png`]);
  }
  // under common random numbers the same man has the same baseline follicles in both arms
  const byId = new Map<number, (typeof out.trial.photos)[number][]>();
  for (const p of out.trial.photos) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  assert.ok([...byId.values()].some((ps) => ps.length === 2), 'no man photographed in both arms');
  for (const [, ps] of byId) if (ps.length === 2) assert.deepEqual(ps[0].state.baseline, ps[1].state.baseline);
  // a real follicle that re-enlarged under finasteride (vellus at baseline, terminal at the end; seed 5 has one):
  // its stroke is the only difference between the end picture and the end with that follicle as at baseline
  const fin = out.trial.photos.filter((p) => s.arms[p.arm].id === 'fin');
  const hit = fin.flatMap((p) => Array.from({ length: p.follicles }, (_, j) => ({ p, j }))).find(({ p, j }) => {
    const st = p.state;
    const shaft = (v: typeof st.end) => v.phase[j] !== PHASE.latency && v.phase[j] !== PHASE.dormant;
    return shaft(st.baseline) && shaft(st.end) && st.baseline.shaftUm[j] < st.terminalThresholdUm && st.end.shaftUm[j] >= st.terminalThresholdUm;
  });
  assert.ok(hit, 'no follicle turned terminal under finasteride');
  const st = hit.p.state;
  const asBefore = { phase: st.end.phase, shaftUm: Float64Array.from(st.end.shaftUm, (d, i) => (i === hit.j ? st.baseline.shaftUm[hit.j] : d)) };
  const end = vertexPhotoRaster(hit.p.id, st.end, st.terminalThresholdUm);
  const before = vertexPhotoRaster(hit.p.id, asBefore, st.terminalThresholdUm);
  const spot = follicleSpots(hit.p.id, hit.p.follicles, 120)[hit.j];
  const cell = 120 / Math.ceil(Math.sqrt(hit.p.follicles));
  let diff = 0;
  for (let k = 0; k < end.length; k += 4) {
    if (end[k] === before[k] && end[k + 1] === before[k + 1] && end[k + 2] === before[k + 2]) continue;
    diff++;
    const dx = ((k / 4) % 120) + 0.5 - spot.x;
    const dy = Math.floor(k / 4 / 120) + 0.5 - spot.y;
    assert.ok(Math.hypot(dx, dy) < 2.5 * cell + 3, 'a pixel changed away from the follicle');
  }
  assert.ok(diff > 0, 'the re-enlarged follicle left no trace');
  // another seed draws other follicles
  const other = reduceTrial(s, units.flatMap((u) => runTrialUnit(s, u, 6, P)), 6);
  assert.notDeepEqual(trialPhotos(other), files);
});
