import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RandomStream } from '../../src/core/random/stream.ts';
import { MouseLattice } from '../../src/follicle/mouse/lattice.ts';
import { assembleMouseLattice, typicalMouseTraits } from '../../src/follicle/mouse/model.ts';
import { mouseReadouts } from '../../src/follicle/mouse/readouts.ts';
import { meanLuminance, renderDorsalPhoto } from '../../src/follicle/mouse/render.ts';
import { mouseSkinSchema } from '../../src/follicle/mouse/schema.ts';

const model = assembleMouseLattice(mouseSkinSchema.parse({ lattice: { nx: 40 }, depilation: { method: 'wax' } }));

function lattice(seed = 1): MouseLattice {
  return new MouseLattice(model, typicalMouseTraits(model), RandomStream.fromSeed(seed));
}

function runDays(lat: MouseLattice, days: number): void {
  for (let s = 0; s < Math.round(days / lat.model.dtDays); s++) lat.step();
}

describe('mouse dorsal photo', () => {
  it('is an opaque RGBA image of the requested size', () => {
    const img = renderDorsalPhoto(lattice(), 120, 80);
    assert.equal(img.length, 120 * 80 * 4);
    for (let o = 3; o < img.length; o += 4) assert.equal(img[o], 255);
  });

  it('is reproducible and does not touch the simulation (state or random stream)', () => {
    const a = lattice(3);
    const b = lattice(3);
    runDays(a, 12);
    runDays(b, 12);
    const first = renderDorsalPhoto(a, 100, 100);
    assert.deepEqual(renderDorsalPhoto(a, 100, 100), first);
    runDays(a, 5);
    runDays(b, 5);
    assert.deepEqual(Array.from(a.phase), Array.from(b.phase));
    assert.deepEqual(Array.from(a.shaftLengthMm), Array.from(b.shaftLengthMm));
  });

  it('depilated telogen skin is pink; pigmented anagen skin is darker', () => {
    const lat = lattice();
    const pink = renderDorsalPhoto(lat, 80, 80);
    assert.ok(pink[0] > pink[1] && pink[0] > pink[2], 'red dominates on pink skin');
    lat.pigmentation.fill(1);
    const dark = renderDorsalPhoto(lat, 80, 80);
    assert.ok(meanLuminance(dark) < meanLuminance(pink) - 80, `${meanLuminance(dark)} vs ${meanLuminance(pink)}`);
  });

  it('mean luminance falls as hair coverage rises', () => {
    const lat = lattice(5);
    runDays(lat, 35); // skin faded back to pink, coat grown
    const full = Float64Array.from(lat.shaftLengthMm);
    const lum: number[] = [];
    const cov: number[] = [];
    for (const keep of [0, 0.25, 0.5, 0.75, 1]) {
      // Keep the hairs of a deterministic fraction of the follicles.
      for (let i = 0; i < lat.n; i++) lat.shaftLengthMm[i] = ((i * 7919) % 1000) / 1000 < keep ? full[i] : 0;
      cov.push(mouseReadouts(lat).hairCoverage);
      lum.push(meanLuminance(renderDorsalPhoto(lat, 160, 160)));
    }
    for (let k = 1; k < lum.length; k++) {
      assert.ok(cov[k] > cov[k - 1], `coverage rises: ${cov}`);
      assert.ok(lum[k] < lum[k - 1], `luminance falls: ${lum.map((x) => x.toFixed(1))}`);
    }
  });

  it('longer hair darkens the picture more than short stubble', () => {
    const lat = lattice(6);
    runDays(lat, 35);
    const base = Float64Array.from(lat.shaftLengthMm);
    const lum = (scale: number) => {
      for (let i = 0; i < lat.n; i++) lat.shaftLengthMm[i] = base[i] > 0 ? Math.max(0.2, base[i] * scale) : 0;
      return meanLuminance(renderDorsalPhoto(lat, 160, 160));
    };
    assert.ok(lum(1) < lum(0.2), 'full hair darker than stubble');
  });
});
