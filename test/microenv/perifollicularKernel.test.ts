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

  it('averageFields and average equal the direct triple sum (round-off), zero fields read 0, and deposit is the adjoint of the readout', () => {
    const g = grid(62.5e-6);
    const n = 60;
    const xM = new Float64Array(n);
    const yM = new Float64Array(n);
    const depth = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xM[i] = ((i * 58.3e-6) % PITCH_M);
      yM[i] = ((Math.floor(i / 7) * 58.3e-6) % PITCH_M);
      depth[i] = i % 3 === 0 ? 150e-6 : 150e-6 + (i % 11) * 30e-6;
    }
    const k = new PerifollicularKernels(g, xM, yM, 40e-6, 1);
    k.setDepths(depth);
    // a smooth, non-trivial field stored interleaved (stride 3) and a plain one
    const chem = new Float64Array(3 * g.voxelCount).map((_, j) => 1 + Math.sin(j * 0.37));
    const plain = new Float64Array(g.voxelCount).map((_, j) => Math.cos(j * 0.11) ** 2);
    const zero = new Float64Array(g.voxelCount);
    const outs = [0, 1, 2, 3].map(() => new Float64Array(n).fill(Number.NaN));
    k.averageFields([
      { values: chem, stride: 3, offset: 1, out: outs[0] },
      { values: zero, stride: 1, offset: 0, out: outs[1] },
      { values: plain, stride: 1, offset: 0, out: outs[2] },
      { values: chem, stride: 3, offset: 0, out: outs[3] },
    ]);
    // reference: the direct triple sum Σ_v K_i(v)·q(v) with K_i the product of the three axis weights (the
    // kernel's own definition, summed voxel by voxel, independent of its column/depth reductions)
    const axis = (c: number, lo: number, hi: number) => {
      const w = new Float64Array(hi);
      const span = gaussianAxisWeights(c, 40e-6, g.dxM, lo, hi, w, 0);
      const full = new Float64Array(hi);
      for (let j = 0; j < span.len; j++) full[span.start + j] = w[j];
      return full;
    };
    const direct = (values: Float64Array, stride: number, offset: number) =>
      Float64Array.from({ length: n }, (_, i) => {
        const wx = axis(xM[i], 0, g.nx);
        const wy = axis(yM[i], 0, g.ny);
        const wz = axis(depth[i], 1, g.nz);
        let sum = 0;
        for (let z = 0; z < g.nz; z++) for (let y = 0; y < g.ny; y++) for (let x = 0; x < g.nx; x++) sum += wx[x] * wy[y] * wz[z] * values[stride * (x + g.nx * (y + g.ny * z)) + offset];
        return sum;
      });
    const single = new Float64Array(n);
    const check = (out: Float64Array, values: Float64Array, stride: number, offset: number) => {
      const ref = direct(values, stride, offset);
      k.average(values, single, stride, offset);
      for (let i = 0; i < n; i++) {
        assert.ok(Math.abs(out[i] - ref[i]) <= 1e-14 * Math.abs(ref[i]), `follicle ${i}: fused ${out[i]} vs direct ${ref[i]}`);
        assert.ok(Math.abs(single[i] - ref[i]) <= 1e-14 * Math.abs(ref[i]), `follicle ${i}: one field ${single[i]} vs direct ${ref[i]}`);
      }
    };
    check(outs[0], chem, 3, 1);
    check(outs[2], plain, 1, 0);
    check(outs[3], chem, 3, 0);
    assert.deepEqual([...outs[1]], new Array<number>(n).fill(0));
    // adjoint: Σ_v K_i(v)·q(v)·ΔV from follicle i's deposited density equals its readout
    const a = new Float64Array(g.voxelCount);
    const b = new Float64Array(g.voxelCount);
    for (let i = 0; i < n; i++) {
      const w = new Float64Array(n);
      w[i] = 1;
      k.deposit(w, new Uint8Array(n), a, b);
      let s = 0;
      for (let v = 0; v < g.voxelCount; v++) s += a[v] * plain[v] * g.voxelVolumeM3;
      assert.ok(Math.abs(s - outs[2][i]) < 1e-12, `follicle ${i}: adjoint ${s} vs readout ${outs[2][i]}`);
    }
  });

  it('depths that never repeat restart the depth cache without changing a readout', () => {
    const g = grid(62.5e-6);
    const k = new PerifollicularKernels(g, Float64Array.from([100e-6, 300e-6]), Float64Array.from([200e-6, 400e-6]), 40e-6, 1);
    const field = new Float64Array(g.voxelCount).map((_, j) => (j % 13) / 13);
    const out = new Float64Array(2);
    const fresh = new Float64Array(2);
    for (let call = 0; call < 2100; call++) {
      const d = Float64Array.from([100e-6 + call * 1e-7, 600e-6 - call * 1e-7]);
      k.setDepths(d);
      if (call % 700 !== 699) continue;
      k.average(field, out);
      const again = new PerifollicularKernels(g, Float64Array.from([100e-6, 300e-6]), Float64Array.from([200e-6, 400e-6]), 40e-6, 1);
      again.setDepths(d);
      again.average(field, fresh);
      assert.deepEqual([...out], [...fresh]);
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

  it('readoutMultiplyAdds counts the x-stage reads exactly and a lone follicle by hand', () => {
    const g = grid(62.5e-6);
    const k8 = 8;
    // a lone follicle: x over its planes and every y cell, z over its y cells, y once per field
    const lone = new PerifollicularKernels(g, [250e-6], [130e-6], 40e-6, 0);
    lone.setDepths([300e-6]);
    const buf = new Float64Array(64);
    const xs = gaussianAxisWeights(250e-6, 40e-6, 62.5e-6, 0, g.nx, buf, 0);
    const ys = gaussianAxisWeights(130e-6, 40e-6, 62.5e-6, 0, g.ny, buf, 0);
    const zs = gaussianAxisWeights(300e-6, 40e-6, 62.5e-6, 0, g.nz, buf, 0);
    assert.deepEqual(lone.readoutMultiplyAdds(k8), { x: k8 * zs.len * g.ny * xs.len, z: k8 * ys.len * zs.len, y: k8 * ys.len });
    // many follicles at several depths: the x stage reads each field value once per multiply-add
    const n = 60;
    const xM = Float64Array.from({ length: n }, (_, i) => ((i * 57.7e-6) % PITCH_M));
    const yM = Float64Array.from({ length: n }, (_, i) => ((i * 91.3e-6) % PITCH_M));
    const depth = Float64Array.from({ length: n }, (_, i) => [150e-6, 300e-6, 420e-6][i % 3]);
    const many = new PerifollicularKernels(g, xM, yM, 40e-6, 0);
    many.setDepths(depth);
    let reads = 0;
    const data = new Float64Array(g.voxelCount).fill(1);
    const counted = new Proxy(data, {
      get(t, p) {
        if (typeof p === 'string' && /^\d+$/.test(p)) reads++;
        return Reflect.get(t, p) as unknown;
      },
    });
    many.averageFields([{ values: counted as unknown as ArrayLike<number>, stride: 1, offset: 0, out: new Float64Array(n) }]);
    const w = many.readoutMultiplyAdds(1);
    // isZeroField reads every voxel once (up to the first non-zero: the first voxel here)
    assert.equal(reads - 1, w.x);
    assert.ok(w.z > 0 && w.y > 0);
  });
});
