/** The transport scenario schema: defaults, unit conversion to SI and rejection of bad input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveTransport, substrateSchema, transportSchema } from '../../src/transport/schema.ts';
import { createSolver } from '../../src/transport/solver.ts';

describe('transport schema', () => {
  it('fills explicit defaults', () => {
    const cfg = transportSchema.parse({});
    assert.deepEqual(cfg.grid, { nx: 50, ny: 50, nz: 100, spacingUm: 10, layers: [] });
    assert.equal(cfg.dtS, 0.6);
    assert.deepEqual(cfg.substrates, []);
    const s = substrateSchema.parse({ name: 'x' });
    assert.equal(s.diffusionUm2PerS, 100);
    assert.equal(s.decayPerS, 0);
    assert.equal(s.boundaries.zMax, 'noFlux');
    assert.deepEqual(s.pointSources, []);
  });

  it('converts µm, µm²/s and per-layer records to per-plane SI arrays', () => {
    const cfg = transportSchema.parse({
      grid: { nx: 4, ny: 3, nz: 10, spacingUm: 20, layers: [{ name: 'epidermis', thicknessUm: 60 }, { name: 'dermis', thicknessUm: 1000 }] },
      dtS: 2,
      substrates: [
        {
          name: 'np',
          diffusionUm2PerS: { epidermis: 1, dermis: 50 },
          decayPerS: { epidermis: 0, dermis: 1e-4 },
          boundaries: { zMax: { dirichlet: 0 } },
          pointSources: [{ xUm: 30, yUm: 10, depthUm: 75, ratePerS: 1e-15 }],
        },
      ],
    });
    const { grid, substrates, dtS } = resolveTransport(cfg);
    assert.ok(Math.abs(grid.dxM - 20e-6) < 1e-20);
    assert.equal(dtS, 2);
    const D = substrates[0].diffusionM2PerS as Float64Array;
    // Plane centres at 10, 30, 50 µm are epidermis (< 60 µm); 70 µm and below are dermis.
    assert.deepEqual(Array.from(grid.layerOfZ), [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    assert.ok(Math.abs(D[0] - 1e-12) < 1e-27 && Math.abs(D[3] - 5e-11) < 1e-25);
    assert.deepEqual(substrates[0].dirichlet, { zMax: 0 });
    assert.ok(Math.abs(substrates[0].pointSources![0].zM - 75e-6) < 1e-18);
    const solver = createSolver(grid, substrates, dtS);
    solver.step();
    assert.ok(solver.field('np').some((v) => v > 0));
  });

  it('rejects negative values, unknown keys and missing layers', () => {
    assert.equal(substrateSchema.safeParse({ name: 'x', diffusionUm2PerS: -1 }).success, false);
    assert.equal(substrateSchema.safeParse({ name: 'x', boundaries: { top: 'noFlux' } }).success, false);
    assert.equal(substrateSchema.safeParse({ name: 'x', boundaries: { zMin: { dirichlet: -2 } } }).success, false);
    const cfg = transportSchema.parse({
      grid: { layers: [{ name: 'epidermis', thicknessUm: 100 }, { name: 'dermis', thicknessUm: 900 }] },
      substrates: [{ name: 'a', diffusionUm2PerS: { epidermis: 1 } }],
    });
    assert.throws(() => resolveTransport(cfg), /no value for layer 'dermis'/);
    const dup = transportSchema.parse({ substrates: [{ name: 'a' }, { name: 'a' }] });
    assert.throws(() => resolveTransport(dup), /duplicate/);
  });
});
