import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createMouseHooks } from '../../src/follicle/mouse/lattice.ts';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { FollicleCoupling, healthyReferenceSignals } from '../../src/microenv/follicleCoupling.ts';
import { compileRules, SIGNALS } from '../../src/microenv/rules.ts';
import { assembleFollicleSignals } from '../../src/parameters/assemble/signals.ts';
import { testTile } from './tileHelpers.ts';

it('p-S6 is a transient of the telogen→anagen switch: on in early anagen, gone in later anagen and refractory telogen', () => {
  const P = assembleFollicleSignals({});
  const tile = testTile({ voxelUm: 125 });
  const n = 3;
  const geo = { n, xM: new Float64Array(n).fill(100e-6), yM: new Float64Array(n).fill(100e-6), telogenDepthM: 150e-6, anagenDepthM: 600e-6, descentDays: 7, kernelSigmaM: 40e-6 };
  const coupling = new FollicleCoupling(tile, geo, compileRules(DEFAULT_RULES, SIGNALS, { reference: healthyReferenceSignals(P), bounds: P.ruleBounds }), true, P);
  // follicle 0 enters anagen at day 0; follicle 1 stays competent; follicle 2 is refractory
  let day = 0;
  const view = { isAnagen: (i: number) => i === 0, anagenAgeDays: () => day, isCompetent: (i: number) => i === 1 };
  const hooks = createMouseHooks(n);
  const at: number[][] = [];
  for (let h = 1; h <= 8 * 24; h++) {
    day = h / 24;
    coupling.update(3600, new Float64Array(n), view, hooks);
    if (h % 24 === 0) at.push(Array.from(coupling.pS6));
  }
  assert.ok(at[1][0] > 0.7, `early anagen day 2: ${at[1][0]}`);
  assert.ok(at[7][0] < 0.05, `anagen day 8: ${at[7][0]}`);
  assert.ok(Math.abs(at[7][1] - P.pS6Basal) < 0.02, `competent telogen stays at basal in healthy skin: ${at[7][1]}`);
  assert.ok(at[7][2] < 0.01, `refractory telogen: ${at[7][2]}`);
});
