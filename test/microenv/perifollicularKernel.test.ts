import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FollicleSheet, gaussianAxisWeights, kernelWeightedMeanDensity, PerifollicularKernels } from '../../src/microenv/perifollicularKernel.ts';
import { createTransportGrid } from '../../src/transport/grid.ts';

const PITCH_M = 500e-6;
const grid = (dxM: number) => {
  const n = Math.round(PITCH_M / dxM);
  return createTransportGrid({ nx: n, ny: n, nz: Math.round(800e-6 / dxM), dxM });
};

describe('perifollicular kernel', () => {
  it('axis weights sum to 1, mirror at the faces, and keep the centre of mass of an interior Gaussian', () => {
    const out = new Float64Array(64);
    for (const dx of [125e-6, 62.5e-6, 31.25e-6]) {
      const n = Math.round(PITCH_M / dx);
      const s = gaussianAxisWeights(250e-6, 40e-6, dx, 0, n, out, 0);
      let sum = 0;
      let mean = 0;
      for (let j = 0; j < s.len; j++) {
        sum += out[j];
        mean += out[j] * (s.start + j + 0.5) * dx;
      }
      assert.ok(Math.abs(sum - 1) < 1e-12, `sum ${sum}`);
      assert.ok(Math.abs(mean - 250e-6) < 1e-9, `centre ${mean}`);
      // at a face the mirrored mass stays in the tile
      const e = gaussianAxisWeights(5e-6, 40e-6, dx, 0, n, out, 0);
      assert.equal(e.start, 0);
      assert.ok(Math.abs(out.subarray(0, e.len).reduce((a, b) => a + b, 0) - 1) < 1e-12);
    }
  });

  it("each follicle's deposited amount is its weight on every grid, and a readout of a constant is that constant", () => {
    const xM = Float64Array.from([10e-6, 130e-6, 260e-6, 260e-6, 499e-6]);
    const yM = Float64Array.from([250e-6, 40e-6, 260e-6, 480e-6, 0]);
    const weight = Float64Array.from([1, 0.5, 2, 1, 0.25]);
    const anagen = Uint8Array.from([0, 1, 0, 1, 1]);
    const depth = Float64Array.from([150e-6, 300e-6, 500e-6, 20e-6, 790e-6]);
    for (const dx of [125e-6, 62.5e-6, 31.25e-6]) {
      const g = grid(dx);
      const k = new PerifollicularKernels(g, xM, yM, 40e-6, 0);
      k.setDepths(depth);
      const a = new Float64Array(g.voxelCount);
      const b = new Float64Array(g.voxelCount);
      k.deposit(weight, anagen, a, b);
      const total = (x: Float64Array) => x.reduce((s, v) => s + v, 0) * g.voxelVolumeM3;
      assert.ok(Math.abs(total(a) - 3) < 1e-12, `telogen follicles ${total(a)}`);
      assert.ok(Math.abs(total(b) - 1.75) < 1e-12, `anagen follicles ${total(b)}`);
      const out = new Float64Array(xM.length);
      k.average(new Float64Array(g.voxelCount).fill(7), out);
      for (const r of out) assert.ok(Math.abs(r - 7) < 1e-12, `readout ${r}`);
    }
  });

  it('the kernel-weighted mean density of a follicle sheet converges at second order to the continuous value', () => {
    const at = (dx: number) => {
      const g = grid(dx);
      const rho = new Float64Array(g.voxelCount);
      new FollicleSheet(g, 0, 150e-6, 40e-6).deposit(75, rho);
      return kernelWeightedMeanDensity(rho, new Float64Array(g.voxelCount));
    };
    // exact for a continuous Gaussian sheet: n/(A·2√π·σ) = 75 / (0.25 mm² · 2√π · 40 µm)
    const exact = 75 / (PITCH_M * PITCH_M * 2 * Math.sqrt(Math.PI) * 40e-6);
    const err = [125e-6, 62.5e-6, 31.25e-6].map((dx) => Math.abs(at(dx) / exact - 1));
    // cell averages smooth the Gaussian (32 %, 8 %, 2.5 % low at 125, 62.5, 31.25 µm); production is normalised by
    // the same discrete value, so the follicles' mean production is exact on every grid and only its shape converges
    for (let i = 1; i < err.length; i++) assert.ok(err[i - 1] / err[i] > 3, `second order: ${err.join(', ')}`);
    assert.ok(err[2] < 0.03, `relative errors ${err.join(', ')}`);
  });
});
