/**
 * A serial step skips substrates that cannot change (zero field, zero sources, zero boundary values): the
 * skip must be exact, and must not swallow a field that a source, a point source or a boundary would fill.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTransportGrid } from '../../src/transport/grid.ts';
import { createSolver, type SubstrateSpec } from '../../src/transport/solver.ts';

const grid = () => createTransportGrid({ nx: 6, ny: 5, nz: 7, dxM: 20e-6, layers: [{ name: 'dermis', thicknessM: 140e-6 }] });
const active: SubstrateSpec = { name: 'a', diffusionM2PerS: 1e-10, decayPerS: 1e-3, initial: 1, bulkSource: true };

describe('quiescent substrates in a serial step', () => {
  it('a zero substrate stays exactly zero and its neighbour is solved exactly as on its own', () => {
    const alone = createSolver(grid(), [active], 30);
    const both = createSolver(grid(), [active, { name: 'z', diffusionM2PerS: 1e-10, bulkSource: true, bulkUptake: true }], 30);
    for (const s of [alone, both]) s.sourceRate('a')[17] = 2;
    alone.step(20);
    both.step(20);
    assert.deepEqual(Array.from(both.field('a')), Array.from(alone.field('a')));
    assert.ok(both.field('z').every((c) => c === 0));
  });

  it('a zero field is still solved when a bulk source, a point source or a boundary value would fill it', () => {
    const src = createSolver(grid(), [{ name: 'z', diffusionM2PerS: 1e-10, bulkSource: true }], 30);
    src.sourceRate('z')[40] = 1;
    src.step();
    assert.ok(src.field('z').some((c) => c > 0), 'bulk source');
    const point = createSolver(grid(), [{ name: 'z', diffusionM2PerS: 1e-10, pointSources: [{ xM: 50e-6, yM: 50e-6, zM: 50e-6, rate: 1e-15 }] }], 30);
    point.step();
    assert.ok(point.field('z').some((c) => c > 0), 'point source');
    const bc = createSolver(grid(), [{ name: 'z', diffusionM2PerS: 1e-10, dirichlet: { zMin: 1 } }], 30);
    bc.step();
    assert.ok(bc.field('z').some((c) => c > 0), 'Dirichlet value');
  });
});
