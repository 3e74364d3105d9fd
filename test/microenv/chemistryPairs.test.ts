import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rosBackwardEulerStep, type ChemistryInputs } from '../../src/microenv/chemistry.ts';
import { assembleChemistry } from '../../src/parameters/assemble/chemistry.ts';

const p = assembleChemistry({});
const tol = { atol: [1e-15, 1e-11, 1e-8] as [number, number, number], rtol: 1e-6, maxIterations: 200 };

describe('rosBackwardEulerStep over a range', () => {
  it('gives each voxel bitwise the state it gets when stepped alone (odd range, with and without ceria, a failing voxel)', () => {
    const n = 37;
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const inp: ChemistryInputs = {
      prodS: Float64Array.from({ length: n }, () => 1e-5 * rnd()),
      prodH: Float64Array.from({ length: n }, () => 1e-4 * rnd()),
      ceriaArea: Float64Array.from({ length: n }, () => (rnd() < 0.5 ? 0 : 50 * rnd())),
    };
    inp.prodH[5] = Number.NaN;
    const y0 = Float64Array.from({ length: 3 * n }, (_, i) => (i % 3 === 0 ? 1e-9 : i % 3 === 1 ? 1e-4 : 2) * (0.5 + rnd()));
    for (const h of [1, 3600]) {
      const all = y0.slice();
      const failedAll = rosBackwardEulerStep(p, inp, all, h, tol, 0, n);
      const alone = y0.slice();
      let failedAlone = 0;
      for (let v = 0; v < n; v++) failedAlone += rosBackwardEulerStep(p, inp, alone, h, tol, v, v + 1);
      assert.equal(failedAll, failedAlone);
      assert.equal(failedAll, 1, 'the NaN voxel fails and keeps its state');
      for (let i = 0; i < 3 * n; i++) assert.ok(Object.is(all[i], alone[i]), `h ${h}, value ${i}: ${all[i]} vs ${alone[i]}`);
    }
  });
});
