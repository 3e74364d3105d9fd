import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertionFraction, needleGeometry, needlePositions } from '../../src/patch/geometry.ts';
import { dissolvedFraction, needleVolumeWeights, woundEmission } from '../../src/patch/release.ts';
import { patchSchema } from '../../src/patch/schema.ts';
import { validateScenario, type PatchDeliveryScenario } from '../../src/scenario/index.ts';
import { runPatchDeliveryTask } from '../../src/tasks/patchDeliveryRun.ts';
import { createTransportGrid } from '../../src/transport/grid.ts';
import { assembleDelivery } from '../../src/parameters/assemble/delivery.ts';

const INSERTION = assembleDelivery({}).insertion;

const patch = (over: Record<string, unknown> = {}) => patchSchema.parse(over);

function scenario(over: Record<string, unknown>): PatchDeliveryScenario {
  const r = validateScenario({
    model: 'patchDelivery',
    durationDays: 1,
    record: { everyDays: 1 / 24 },
    skin: { windowUm: { x: 1000, y: 1000, depth: 800 }, voxelUm: 50 },
    transport: { dtS: 900 },
    snapshots: { hours: [] },
    ...over,
  });
  if (!r.ok || r.value.model !== 'patchDelivery') throw new Error(JSON.stringify(r.ok ? 'model' : r.issues));
  return r.value;
}

describe('microneedle geometry', () => {
  it('cone volume and inserted cargo fraction (tip-down cone: volume below h grows as h³)', () => {
    const g = needleGeometry(patch({ needleHeightUm: 600, baseDiameterUm: 300, insertion: { fraction: 0.5 } }), INSERTION);
    assert.ok(Math.abs(g.volumeM3 - (Math.PI * (150e-6) ** 2 * 600e-6) / 3) < 1e-20);
    assert.ok(Math.abs(g.insertionDepthM - 300e-6) < 1e-12);
    assert.ok(Math.abs(g.insertedCargoFraction - 0.125) < 1e-12);
    const tip = needleGeometry(patch({ insertion: { fraction: 0.5 }, cargo: { loading: 'tip', tipFraction: 0.4 } }), INSERTION);
    assert.equal(tip.insertedCargoFraction, 1, 'tip-loaded cargo shorter than the inserted length goes in whole');
    const pyramid = needleGeometry(patch({ shape: 'pyramid', needleHeightUm: 600, baseDiameterUm: 300 }), INSERTION);
    assert.ok(Math.abs(pyramid.volumeM3 - ((300e-6) ** 2 * 600e-6) / 3) < 1e-20);
  });

  it('insertion follows force and stiffness: default force gives the literature fraction, more force deeper, stiffer skin shallower', () => {
    const f0 = insertionFraction(patch(), INSERTION);
    assert.ok(Math.abs(f0 - 0.6) < 1e-12);
    assert.ok(insertionFraction(patch({ insertion: { forcePerNeedleN: 0.2 } }), INSERTION) > f0);
    assert.ok(insertionFraction(patch({ insertion: { skinStiffnessRelative: 3 } }), INSERTION) < f0);
    assert.ok(insertionFraction(patch({ insertion: { forcePerNeedleN: 10 } }), INSERTION) <= 1);
  });

  it('positions: patch centred in the window, rotated applications shift by half a pitch', () => {
    const p = patch({ rows: 10, columns: 10, pitchUm: 500, schedule: { days: [0, 3], positions: 'rotate' } });
    const a = needlePositions(p, 1500e-6, 1500e-6, 0);
    const b = needlePositions(p, 1500e-6, 1500e-6, 1);
    assert.equal(a.length, 9);
    assert.ok(Math.abs(a[0].x - 250e-6) < 1e-12);
    assert.ok(b.every((q) => a.every((r) => Math.abs(q.x - r.x) > 1e-9 || Math.abs(q.y - r.y) > 1e-9)));
  });

  it('given offsets place each application where the schedule says, and must match the days', () => {
    const p = patch({ schedule: { days: [0, 7], positions: 'given', offsetsUm: [{ x: 0, y: 0 }, { x: 100, y: -50 }] } });
    const a = needlePositions(p, 1500e-6, 1500e-6, 0);
    const b = needlePositions(p, 1500e-6, 1500e-6, 1);
    assert.ok(Math.abs(b[0].x - a[0].x - 100e-6) < 1e-12 && Math.abs(b[0].y - a[0].y + 50e-6) < 1e-12);
    assert.equal(patchSchema.safeParse({ schedule: { days: [0, 7], positions: 'given', offsetsUm: [{ x: 0, y: 0 }] } }).success, false);
  });

  it('needle volume weights sum to 1 and stay above the insertion depth', () => {
    const grid = createTransportGrid({ nx: 30, ny: 30, nz: 30, dxM: 25e-6 });
    const g = needleGeometry(patch(), INSERTION);
    const w = needleVolumeWeights(grid, g, [{ x: 375e-6, y: 375e-6 }]);
    let sum = 0;
    let deepest = 0;
    for (let v = 0; v < w.length; v++) {
      sum += w[v];
      if (w[v] > 0) deepest = Math.max(deepest, Math.floor(v / grid.planeSize));
    }
    assert.ok(Math.abs(sum - 1) < 1e-12);
    assert.ok(deepest * 25e-6 < g.insertionDepthM);
  });

  it('dissolution and wound emission profiles', () => {
    assert.equal(dissolvedFraction(0, 600), 0);
    assert.ok(Math.abs(dissolvedFraction(600, 600) - 0.5) < 1e-15);
    assert.ok(Math.abs(woundEmission(3, 3) - 1) < 1e-15);
    assert.ok(woundEmission(1, 3) < 1 && woundEmission(9, 3) < 1 && woundEmission(0, 3) === 0);
  });
});

describe('patch delivery into skin', () => {
  it('without clearance every released nanogram stays in the skin (mass balance 1e-9)', () => {
    const out = runPatchDeliveryTask(scenario({ transport: { dtS: 900, clearance: false } }), { seed: 1 });
    const s = out.summary as Record<string, number>;
    assert.ok(s.deliveredNg > 0);
    assert.ok(Math.abs(s.releasedNg - s.deliveredNg) / s.deliveredNg < 1e-6, 'all inserted cargo released within a day (t½ 20 min)');
    assert.ok(Math.abs(s.retainedAtEndNg - s.releasedNg) / s.releasedNg < 1e-9, `${s.retainedAtEndNg} vs ${s.releasedNg}`);
  });

  it('a sink at the deep face removes cargo that a no-flux face keeps', () => {
    const keep = runPatchDeliveryTask(scenario({ durationDays: 3, transport: { dtS: 900, clearance: false } }), { seed: 1 }).summary as Record<string, number>;
    const sink = runPatchDeliveryTask(scenario({ durationDays: 3, transport: { dtS: 900, clearance: false, deepFace: 'sink' } }), { seed: 1 }).summary as Record<string, number>;
    assert.ok(Math.abs(keep.retainedAtEndNg - keep.releasedNg) / keep.releasedNg < 1e-9);
    assert.ok(sink.retainedAtEndNg < keep.retainedAtEndNg * 0.999, `${sink.retainedAtEndNg} vs ${keep.retainedAtEndNg}`);
  });

  it('with clearance the retained cargo falls and stays below the released amount', () => {
    const out = runPatchDeliveryTask(scenario({ durationDays: 3 }), { seed: 1 });
    const t = out.tables.timeseries as Record<string, Float64Array>;
    const n = t.retainedNg.length;
    assert.ok(t.retainedNg[n - 1] < 0.5 * t.releasedNg[n - 1]);
    for (let i = 0; i < n; i++) assert.ok(t.retainedNg[i] <= t.releasedNg[i] * (1 + 1e-12));
  });

  it('an empty patch delivers no ceria but its tracks emit a wound signal; no injury, no signal', () => {
    const empty = runPatchDeliveryTask(scenario({ durationDays: 3, patch: { cargo: { substance: 'none' } } }), { seed: 1 });
    const t = empty.tables.timeseries as Record<string, Float64Array>;
    assert.equal((empty.summary as Record<string, number>).deliveredNg, 0);
    assert.ok(t.meanWoundDermisAu[t.meanWoundDermisAu.length - 1] > 0);
    const noInjury = runPatchDeliveryTask(scenario({ durationDays: 1, patch: { injury: { enabled: false } } }), { seed: 1 });
    const w = (noInjury.tables.timeseries as Record<string, Float64Array>).meanWoundDermisAu;
    assert.ok(w.every((x) => x === 0));
  });

  it('a non-detachable patch releases only what dissolved before the backing came off', () => {
    const s = runPatchDeliveryTask(
      scenario({ transport: { dtS: 300, clearance: false }, patch: { matrix: { detachable: false, wearTimeMin: 20, dissolutionHalfTimeMin: 20 } } }),
      { seed: 1 },
    ).summary as Record<string, number>;
    assert.ok(Math.abs(s.releasedNg / s.deliveredNg - 0.5) < 1e-9, `released ${s.releasedNg} of ${s.deliveredNg}`);
  });

  it('two scheduled applications deliver twice the dose', () => {
    const one = runPatchDeliveryTask(scenario({ durationDays: 2, transport: { dtS: 900, clearance: false } }), { seed: 1 }).summary as Record<string, number>;
    const two = runPatchDeliveryTask(scenario({ durationDays: 2, transport: { dtS: 900, clearance: false }, patch: { schedule: { days: [0, 1] } } }), { seed: 1 }).summary as Record<string, number>;
    assert.ok(Math.abs(two.releasedNg - 2 * one.releasedNg) / one.releasedNg < 1e-6);
  });
});
