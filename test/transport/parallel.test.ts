/**
 * The worker-thread solver must reproduce the single-thread solver bit for bit (tolerance 1e-12 relative
 * asserted; identical in practice), and the core solver must run on SharedArrayBuffer-backed fields.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createParallelSolver } from '../../src/node/transport/parallel.ts';
import { splitRange } from '../../src/node/transport/sync.ts';
import { createTransportGrid, voxelIndex } from '../../src/transport/grid.ts';
import { createSolver } from '../../src/transport/solver.ts';
import type { SubstrateSpec, TransportSolver } from '../../src/transport/solver.ts';
import { xorshift } from './helpers.ts';

const grid = createTransportGrid({
  nx: 23,
  ny: 17,
  nz: 19,
  dxM: 10e-6,
  layers: [
    { name: 'epidermis', thicknessM: 50e-6 },
    { name: 'dermis', thicknessM: 100e-6 },
  ],
});
const specs: SubstrateSpec[] = [
  { name: 'a', diffusionM2PerS: Float64Array.from(grid.layerOfZ, (l) => [1e-11, 2e-10, 5e-10][l]), decayPerS: 1e-3, dirichlet: { zMax: 0 } },
  { name: 'b', diffusionM2PerS: 3e-10, bulkSource: true, bulkUptake: true, pointSources: [{ xM: 101e-6, yM: 77e-6, zM: 41e-6, rate: 1e-12 }] },
  { name: 'c', diffusionM2PerS: 1e-9, initial: 2, dirichlet: { zMin: 5, xMax: 1 } },
];

function fill(solver: TransportSolver): void {
  const rnd = xorshift(99);
  for (const name of solver.names) {
    const f = solver.field(name);
    for (let i = 0; i < f.length; i++) f[i] = rnd() < 0.1 ? rnd() : 0;
  }
  const S = solver.sourceRate('b');
  const U = solver.uptakeRate('b');
  for (let i = 0; i < S.length; i++) {
    S[i] = rnd() * 1e-3;
    U[i] = rnd() * 1e-2;
  }
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
  return m;
}

describe('parallel transport solver', () => {
  for (const threads of [2, 3]) {
    it(`${threads} threads reproduce the single-thread solver (≤ 1e-12 relative; identical bits expected)`, async (t) => {
      const serial = createSolver(grid, specs, 2.5);
      fill(serial);
      const parallel = await createParallelSolver(grid, specs, 2.5, { threads });
      try {
        assert.equal(parallel.threads, threads);
        fill(parallel);
        for (let s = 0; s < 7; s++) {
          serial.step();
          parallel.step();
        }
        // Point sources changed between steps must be honoured too.
        const moved = [{ xM: 5e-6, yM: 165e-6, zM: 185e-6, rate: 3e-12 }];
        serial.setPointSources('b', moved);
        parallel.setPointSources('b', moved);
        serial.step(4);
        parallel.step(4);
        assert.equal(parallel.stepCount, serial.stepCount);
        assert.equal(parallel.timeS, serial.timeS);
        for (const name of serial.names) {
          const d = maxRelDiff(parallel.field(name), serial.field(name));
          t.diagnostic(`${name}: max relative difference ${d}`);
          assert.ok(d <= 1e-12, `${name}: max relative difference ${d}`);
        }
        assert.ok(parallel.field('b')[voxelIndex(grid, 0, 16, 18)] > 0);
      } finally {
        await parallel.close();
      }
    });
  }

  it('the core solver runs on SharedArrayBuffer-backed fields with identical results', () => {
    const plain = createSolver(grid, specs, 1);
    const shared = createSolver(grid, specs, 1, { allocate: (n) => new Float64Array(new SharedArrayBuffer(n * 8)) });
    assert.ok(shared.field('a').buffer instanceof SharedArrayBuffer);
    fill(plain);
    fill(shared);
    plain.step(5);
    shared.step(5);
    for (const name of plain.names) assert.deepEqual(shared.field(name), plain.field(name));
  });

  it('splits ranges into contiguous near-equal slabs covering everything once', () => {
    for (const [n, parts] of [[100, 2], [19, 3], [2, 4], [1, 1]]) {
      let next = 0;
      for (let p = 0; p < parts; p++) {
        const [a, b] = splitRange(n, parts, p);
        assert.equal(a, next);
        assert.ok(b - a >= Math.floor(n / parts) && b - a <= Math.ceil(n / parts));
        next = b;
      }
      assert.equal(next, n);
    }
  });
});
