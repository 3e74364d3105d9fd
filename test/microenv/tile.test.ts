import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rosChemistry as R } from '../../src/species/microenv.ts';
import { bulbPlaneMean, testTile } from './tileHelpers.ts';

const DAY = 86400;
const run = (tile: ReturnType<typeof testTile>, days: number, dht: number) => {
  const dt = tile.solver.dtS;
  for (let t = 0; t < days * DAY - 1e-6; t += dt) tile.step(dt, dht);
  return tile;
};
const meanVessels = (t: ReturnType<typeof testTile>) => bulbPlaneMean(t, t.vessels);
const meanRos = (t: ReturnType<typeof testTile>) => bulbPlaneMean(t, t.chem, 3, 1) / R.h2o2BaselineMolPerM3.value;

describe('microenvironment tile', () => {
  it('healthy untreated skin stays at its reference state (ROS index 1, vessels 1)', () => {
    const t = run(testTile({}), 4, 0);
    assert.ok(Math.abs(meanRos(t) - 1) < 0.05, `ros ${meanRos(t)}`);
    assert.ok(Math.abs(meanVessels(t) - 1) < 0.1, `vessels ${meanVessels(t)}`);
  });

  it('androgen raises perifollicular ROS and lowers vessel density', () => {
    const a = run(testTile({}), 6, 1);
    assert.ok(meanRos(a) > 1.5, `ros ${meanRos(a)}`);
    assert.ok(meanVessels(a) < 0.95, `vessels ${meanVessels(a)}`);
  });

  it('an empty patch grows vessels through injury; without injury angiogenesis it does not', () => {
    const empty = { cargo: { substance: 'none' } };
    const withInjury = run(testTile({ patch: empty }), 6, 1);
    const noInjury = run(testTile({ patch: empty, mechanisms: { injuryAngiogenesis: false } }), 6, 1);
    const control = run(testTile({}), 6, 1);
    assert.ok(meanVessels(withInjury) > 1.2 * meanVessels(control), `${meanVessels(withInjury)} vs ${meanVessels(control)}`);
    assert.ok(Math.abs(meanVessels(noInjury) - meanVessels(control)) < 0.02);
  });

  it('a ceria patch lowers ROS; without its catalase-like activity it does not', () => {
    const ceria = run(testTile({ patch: {} }), 2, 1);
    const noCat = run(testTile({ patch: {}, mechanisms: { ceriaCat: false } }), 2, 1);
    const control = run(testTile({}), 2, 1);
    assert.ok(meanRos(ceria) < 0.9 * meanRos(control), `${meanRos(ceria)} vs ${meanRos(control)}`);
    assert.ok(Math.abs(meanRos(noCat) / meanRos(control) - 1) < 0.02);
  });

  it('topical minoxidil reaches µM-mM in the upper dermis and raises VEGF', () => {
    const mx = run(testTile({ minoxidilDays: [0, 0.5, 1, 1.5] }), 2, 0);
    const ctl = run(testTile({}), 2, 0);
    const g = mx.grid;
    const m = mx.solver.field('minoxidil');
    let peak = 0;
    for (let v = 0; v < g.voxelCount; v++) peak = Math.max(peak, m[v]);
    assert.ok(peak * 1e3 > 10 && peak * 1e3 < 5000, `peak minoxidil ${peak * 1e3} µM`);
    const vegf = (t: typeof mx) => bulbPlaneMean(t, t.solver.field('vegf')) / t.vegfRef;
    assert.ok(vegf(mx) > 1.5 * vegf(ctl), `${vegf(mx)} vs ${vegf(ctl)}`);
  });

  it('operator splitting converges at first order as the coupling step shrinks', () => {
    const at = (h: number) => {
      const t = run(testTile({ patch: {}, couplingStepH: h }), 2, 1);
      return { ros: Float64Array.from({ length: t.grid.voxelCount }, (_, v) => t.chem[3 * v + 1]), vessels: Float64Array.from(t.vessels) };
    };
    const ref = at(1 / 32);
    const hs = [1, 0.5, 0.25, 0.125];
    const err = hs.map((h) => {
      const r = at(h);
      let e = 0;
      let n = 0;
      for (let v = 0; v < r.ros.length; v++) {
        if (ref.ros[v] === 0) continue;
        e += ((r.ros[v] - ref.ros[v]) / ref.ros[v]) ** 2 + (r.vessels[v] - ref.vessels[v]) ** 2;
        n++;
      }
      return Math.sqrt(e / n);
    });
    for (let i = 1; i < err.length; i++) assert.ok(err[i] < err[i - 1], `errors ${err.join(', ')}`);
    const order = Math.log(err[0] / err[err.length - 1]) / Math.log(hs[0] / hs[hs.length - 1]);
    assert.ok(order > 0.7 && order < 1.6, `observed order ${order} (errors ${err.join(', ')})`);
  });

  it('with modal transport the bulb VEGF converges at first order in the coupling step; at the default 3 h it is within 2 % of the limit', () => {
    // a ceria patch under androgen: the wound transient of the first day is the hardest part for a long step
    const vegfAt = (h: number, days: number) => {
      const t = run(testTile({ patch: {}, couplingStepH: h, transportScheme: 'modal' }), days, 1);
      return bulbPlaneMean(t, t.solver.field('vegf')) / t.vegfRef;
    };
    for (const days of [1, 4]) {
      const ref = vegfAt(1 / 16, days);
      const hs = [6, 3, 1.5];
      const err = hs.map((h) => Math.abs(vegfAt(h, days) / ref - 1));
      assert.ok(err[0] > err[1] && err[1] > err[2], `day ${days}: errors ${err.join(', ')}`);
      const order = Math.log(err[0] / err[2]) / Math.log(hs[0] / hs[2]);
      assert.ok(order > 0.7 && order < 2, `day ${days}: observed order ${order} (errors ${err.join(', ')})`);
      assert.ok(err[1] < 0.02, `day ${days}: at 3 h ${err[1]}`);
    }
  });
});
