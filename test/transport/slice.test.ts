/** Slices and depth profiles of a 3-D field: orientation, values and the CSV formatter. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { depthProfile, sliceField } from '../../src/transport/slice.ts';
import { createTransportGrid, voxelIndex } from '../../src/transport/grid.ts';

const grid = createTransportGrid({ nx: 4, ny: 3, nz: 5, dxM: 20e-6 });
// value encodes its coordinates: 100·i + 10·j + k
const field = new Float64Array(grid.voxelCount);
for (let k = 0; k < 5; k++) for (let j = 0; j < 3; j++) for (let i = 0; i < 4; i++) field[voxelIndex(grid, i, j, k)] = 100 * i + 10 * j + k;

describe('sliceField', () => {
  it("axis 'z' gives the plane at depth k: x across, y down", () => {
    const s = sliceField(field, grid, { axis: 'z', index: 2 });
    assert.equal(s.width, 4);
    assert.equal(s.height, 3);
    assert.equal(s.data[1 * 4 + 3], 300 + 10 + 2);
  });
  it("axis 'y' gives x across and depth down (row 0 = surface)", () => {
    const s = sliceField(field, grid, { axis: 'y', index: 1 });
    assert.equal(s.width, 4);
    assert.equal(s.height, 5);
    assert.equal(s.data[4 * 4 + 2], 200 + 10 + 4);
  });
  it("axis 'x' gives y across and depth down", () => {
    const s = sliceField(field, grid, { axis: 'x', index: 3 });
    assert.equal(s.width, 3);
    assert.equal(s.height, 5);
    assert.equal(s.data[2 * 3 + 1], 300 + 10 + 2);
  });
  it('rejects out-of-range indices', () => {
    assert.throws(() => sliceField(field, grid, { axis: 'z', index: 5 }), /\[0, 4\]/);
  });
});

describe('depthProfile', () => {
  it('averages each z-plane', () => {
    const p = depthProfile(field, grid);
    // mean over i of 100·i = 150, over j of 10·j = 10
    assert.deepEqual(Array.from(p), [160, 161, 162, 163, 164]);
  });
});
