import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createMouseHooks } from '../../src/follicle/mouse/lattice.ts';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { FollicleCoupling, healthyReferenceSignals } from '../../src/microenv/follicleCoupling.ts';
import { compileRules, SIGNALS } from '../../src/microenv/rules.ts';
import { assembleFollicleSignals } from '../../src/parameters/assemble/signals.ts';
import { testTile } from './tileHelpers.ts';

const P = assembleFollicleSignals({});
const patch = { cargo: { substance: 'ceria' }, schedule: { days: [0] } };

/** Mean damage of bulbs under androgen after `days` with one ceria patch, and the active ceria by day (kg/m³ summed). */
function run(mechanisms: Record<string, boolean>, days: number) {
  const tile = testTile({ patch, mechanisms, voxelUm: 125 });
  const n = 4;
  const geo = { n, xM: Float64Array.from([60e-6, 190e-6, 310e-6, 440e-6]), yM: Float64Array.from([60e-6, 190e-6, 310e-6, 440e-6]), telogenDepthM: 150e-6, anagenDepthM: 600e-6, descentDays: 7, kernelSigmaM: 40e-6 };
  const coupling = new FollicleCoupling(tile, geo, compileRules(DEFAULT_RULES, SIGNALS, { reference: healthyReferenceSignals(P), bounds: P.ruleBounds }), true, P);
  const view = { isAnagen: () => false, anagenAgeDays: () => 0, isCompetent: () => true };
  coupling.update(0, new Float64Array(n), view, createMouseHooks(n));
  const ceria: number[] = [];
  for (let h = 1; h <= days * 24; h++) {
    tile.step(3600, 1);
    coupling.update(3600, new Float64Array(n).fill(1), view, createMouseHooks(n));
    if (h % 24 === 0) ceria.push(tile.solver.field('ceria').reduce((s, x) => s + x, 0));
  }
  return { damage: coupling.damage.reduce((s, x) => s + x, 0) / n, ceria };
}

it('ceria activity declines in tissue, and its SOD-like activity lowers follicle damage through superoxide', () => {
  const both = run({}, 8);
  const noSod = run({ ceriaSod: false }, 8);
  assert.ok(both.ceria[7] < 0.3 * both.ceria[0], `active ceria day 8 vs day 1: ${both.ceria[7]} vs ${both.ceria[0]}`);
  assert.ok(both.damage < noSod.damage, `damage with SOD-like activity ${both.damage} vs without ${noSod.damage}`);
});
