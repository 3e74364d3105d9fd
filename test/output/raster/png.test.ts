/**
 * PNG files decode (signature, IHDR, per-chunk CRC, inflated IDAT rows) back to the pixels written, and the
 * colour maps are monotone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unzlibSync } from 'fflate';
import { colourAt, colourMap, relativeLuminance } from '../../../src/output/raster/colormap.ts';
import { formatValue, renderHeatmap, renderHeatmapRgba } from '../../../src/output/raster/heatmap.ts';
import { crc32, encodePng } from '../../../src/output/raster/png.ts';

/** Bitwise CRC-32, independent of the table-driven one under test. */
function crcBitwise(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ 0xffffffff) >>> 0;
}

interface Decoded {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  chunkTypes: string[];
  rgba: Uint8Array;
}

/** Minimal PNG decoder for 8-bit RGBA, non-interlaced files (all five filter types). */
function decodePng(png: Uint8Array): Decoded {
  assert.deepEqual(Array.from(png.subarray(0, 8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let off = 8;
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  while (off < png.length) {
    const len = view.getUint32(off);
    const type = String.fromCharCode(...png.subarray(off + 4, off + 8));
    const body = png.subarray(off + 8, off + 8 + len);
    const crc = view.getUint32(off + 8 + len);
    assert.equal(crc, crcBitwise(png.subarray(off + 4, off + 8 + len)), `CRC of ${type}`);
    chunkTypes.push(type);
    if (type === 'IHDR') {
      const hv = new DataView(body.buffer, body.byteOffset, body.byteLength);
      width = hv.getUint32(0);
      height = hv.getUint32(4);
      bitDepth = body[8];
      colourType = body[9];
      assert.equal(body[10], 0, 'compression method');
      assert.equal(body[11], 0, 'filter method');
      assert.equal(body[12], 0, 'interlace');
    } else if (type === 'IDAT') idat.push(body);
    off += 12 + len;
  }
  assert.equal(off, png.length, 'no trailing bytes');
  const all = new Uint8Array(idat.reduce((n, b) => n + b.length, 0));
  let p = 0;
  for (const b of idat) {
    all.set(b, p);
    p += b.length;
  }
  const raw = unzlibSync(all);
  const stride = width * 4;
  assert.equal(raw.length, height * (stride + 1), 'inflated size');
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f];
      assert.ok(pred !== undefined, `filter type ${f}`);
      rgba[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, bitDepth, colourType, chunkTypes, rgba };
}

describe('PNG encoder', () => {
  it('table CRC-32 matches the bitwise definition and the standard check value', () => {
    const check = new TextEncoder().encode('123456789');
    assert.equal(crc32(check), 0xcbf43926);
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) & 0xff);
    assert.equal(crc32(bytes), crcBitwise(bytes));
  });

  it('round-trips arbitrary RGBA pixels through a decoder (signature, IHDR, CRCs, IDAT)', () => {
    const w = 7;
    const h = 5;
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 53 + 7) & 0xff);
    const d = decodePng(encodePng(w, h, rgba));
    assert.equal(d.width, w);
    assert.equal(d.height, h);
    assert.equal(d.bitDepth, 8);
    assert.equal(d.colourType, 6);
    assert.deepEqual(d.chunkTypes, ['IHDR', 'IDAT', 'IEND']);
    assert.deepEqual(d.rgba, rgba);
  });

  it('rejects wrong sizes', () => {
    assert.throws(() => encodePng(2, 2, new Uint8Array(15)), /expected 16/);
    assert.throws(() => encodePng(0, 2, new Uint8Array(0)), /positive/);
  });
});

describe('colour maps', () => {
  it('viridis: relative luminance strictly increases along the map', () => {
    const m = colourMap('viridis');
    let prev = -1;
    for (let i = 0; i < 256; i += 3) {
      const l = relativeLuminance(colourAt(m, i / 255));
      assert.ok(l > prev, `luminance not increasing at ${i}: ${l} <= ${prev}`);
      prev = l;
    }
  });

  it('viridis: within 5/255 of reference stops (matplotlib viridis sampled at 9 points)', () => {
    const VIRIDIS_STOPS = ['#440154', '#472D7B', '#3B528B', '#2C728E', '#21918C', '#28AE80', '#5EC962', '#ADDC30', '#FDE725'];
    const parseHex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const m = colourMap('viridis');
    VIRIDIS_STOPS.forEach((hex, k) => {
      const ref = parseHex(hex);
      const got = colourAt(m, k / (VIRIDIS_STOPS.length - 1));
      for (let ch = 0; ch < 3; ch++) assert.ok(Math.abs(got[ch] - ref[ch]) <= 5, `stop ${k} channel ${ch}: ${got[ch]} vs ${ref[ch]}`);
    });
  });

  it('diverging: blue below the middle, red above; lightness rises to the middle and falls after', () => {
    const m = colourMap('diverging');
    let prevL = -1;
    for (let i = 0; i < 256; i++) {
      const rgb = colourAt(m, i / 255);
      if (i < 120) assert.ok(rgb[2] > rgb[0], `not blue at ${i}`);
      if (i > 135) assert.ok(rgb[0] > rgb[2], `not red at ${i}`);
      const l = relativeLuminance(rgb);
      if (i <= 127) assert.ok(l >= prevL - 1e-12, `lightness falls before the middle at ${i}`);
      else if (i >= 130) assert.ok(l <= prevL + 1e-12, `lightness rises after the middle at ${i}`);
      prevL = l;
    }
  });
});

describe('heatmap', () => {
  it('maps larger values to lighter viridis cells and writes a decodable PNG with a colour bar', () => {
    const w = 12;
    const h = 6;
    const data = Float64Array.from({ length: w * h }, (_, i) => i % w); // increases left → right
    const opts = { title: 'Test 1', unit: 'mol/m³', pixelsPerCell: 10, fontScale: 1 };
    const img = renderHeatmapRgba({ width: w, height: h, data }, opts);
    const d = decodePng(renderHeatmap({ width: w, height: h, data }, opts));
    assert.equal(d.width, img.width);
    assert.equal(d.height, img.height);
    assert.deepEqual(d.rgba, img.rgba);
    // Sample the centre of each cell of the middle row: luminance increases with the value.
    const mapX = 10;
    const mapY = 10 + 7 + 10;
    let prev = -1;
    for (let c = 0; c < w; c++) {
      const x = mapX + c * 10 + 5;
      const y = mapY + 3 * 10 + 5;
      const o = 4 * (y * img.width + x);
      const l = relativeLuminance([img.rgba[o], img.rgba[o + 1], img.rgba[o + 2]]);
      assert.ok(l > prev, `cell ${c} not lighter than cell ${c - 1}`);
      prev = l;
    }
    // The colour bar to the right of the map runs from the max colour (top) to the min colour (bottom).
    const barX = mapX + w * 10 + 16 + 9;
    const top = 4 * (mapY * img.width + barX);
    const bottom = 4 * ((mapY + 60 - 1) * img.width + barX);
    assert.deepEqual(Array.from(img.rgba.subarray(top, top + 3)), colourAt(colourMap('viridis'), 1));
    assert.deepEqual(Array.from(img.rgba.subarray(bottom, bottom + 3)), colourAt(colourMap('viridis'), 0));
  });

  it('formats labels compactly', () => {
    assert.equal(formatValue(0), '0');
    assert.equal(formatValue(11.734), '11.7');
    assert.equal(formatValue(2.3912e-5), '2.39e-5');
    assert.equal(formatValue(-1.5e7), '-1.5e7');
    assert.equal(formatValue(0.00342), '0.00342');
  });
});
