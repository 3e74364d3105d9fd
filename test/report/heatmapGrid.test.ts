import { describe, it } from 'node:test';
import { toBase64 } from '../../src/core/base64.ts';
import assert from 'node:assert/strict';
import { colorScale, colourMatrixToBmpDataUrl, imageGrid, isImageDataUrl } from '../../src/report/svgHeatmapGrid.ts';
import { colourMatrix, interpolateStops } from '../../src/report/palette.ts';
import { byTag, deepText, parseXml } from './xmlCheck.ts';

// A 1×1 transparent PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('imageGrid', () => {
  it('lays out rows × columns of images with labels', () => {
    const svg = imageGrid({
      rowLabels: ['Vehicle', 'Drug & <B>'],
      columnLabels: ['Day 0', 'Day 7', 'Day 14'],
      rowTitle: 'Arm',
      columnTitle: 'Day',
      cells: [
        [PNG, PNG, null],
        [PNG, [['#ff0000', '#00ff00'], ['#0000ff', 'rgb(10, 20, 30)']], PNG],
      ],
      colorScale: { min: 0, max: 1, label: 'Signal' },
    });
    const doc = parseXml(svg);
    const images = byTag(doc, 'image');
    assert.equal(images.filter((i) => i.attrs.class === 'cell-image').length, 4);
    assert.equal(byTag(doc, 'rect', 'cell-missing').length, 1);
    assert.equal(byTag(doc, 'g', 'cell-matrix').length, 1);
    const texts = byTag(doc, 'text').map(deepText);
    for (const t of ['Vehicle', 'Drug & <B>', 'Day 0', 'Day 14', 'Arm', 'Day', 'Signal']) assert.ok(texts.includes(t), t);
    // Cells in a row share y; columns advance in x.
    const cells = images.filter((i) => i.attrs.class === 'cell-image');
    assert.equal(cells[0].attrs.y, cells[1].attrs.y);
    assert.ok(Number(cells[1].attrs.x) > Number(cells[0].attrs.x));
    // The gradient referenced by the colour scale exists.
    const grad = byTag(doc, 'linearGradient')[0];
    assert.ok(svg.includes(`url(#${grad.attrs.id})`));
  });

  it('refuses external image URLs', () => {
    assert.throws(() => imageGrid({ cells: [['https://example.org/a.png']] }), /data:image/);
    assert.throws(() => imageGrid({ cells: [['javascript:alert(1)']] }));
    assert.equal(isImageDataUrl(PNG), true);
    assert.equal(isImageDataUrl('http://x/y.png'), false);
  });

  it('falls back to rects for colours a BMP cannot encode', () => {
    const doc = parseXml(imageGrid({ cells: [[[['red', 'blue'], ['blue', 'blue']]]] }));
    assert.equal(byTag(doc, 'rect').filter((r) => r.attrs.fill === 'blue').length, 2, 'horizontal runs merged');
  });
});

describe('colour matrices', () => {
  it('encodes a valid bottom-up 24-bit BMP', () => {
    const url = colourMatrixToBmpDataUrl([
      ['#ff0000', '#00ff00', '#0000ff'],
      ['#000000', '#ffffff', '#808080'],
    ]);
    assert.ok(url !== null && url.startsWith('data:image/bmp;base64,'));
    const bytes = Uint8Array.from(atob(url.slice('data:image/bmp;base64,'.length)), (c) => c.charCodeAt(0));
    const dv = new DataView(bytes.buffer);
    assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'BM');
    assert.equal(dv.getUint32(2, true), bytes.length);
    assert.equal(dv.getInt32(18, true), 3);
    assert.equal(dv.getInt32(22, true), 2);
    assert.equal(dv.getUint16(28, true), 24);
    // Rows are 4-byte aligned: 3 px × 3 B = 9 → 12. Top row (red, green, blue) is stored last, as BGR.
    const top = 54 + 12;
    assert.deepEqual([...bytes.slice(top, top + 9)], [0, 0, 255, 0, 255, 0, 255, 0, 0]);
    assert.deepEqual([...bytes.slice(54, 54 + 9)], [0, 0, 0, 255, 255, 255, 128, 128, 128]);
  });

  it('base64 matches the platform encoder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      assert.equal(toBase64(bytes), btoa(String.fromCharCode(...bytes)));
    }
  });

  it('maps values to colours along the stops, NaN to grey', () => {
    const m = colourMatrix([[0, 0.5, 1, Number.NaN]], { stops: ['#000000', '#ffffff'] });
    assert.deepEqual(m[0], ['#000000', '#808080', '#ffffff', '#BBBBBB']);
    assert.equal(interpolateStops(['#000000', '#ffffff'], 2), '#ffffff');
  });
});

describe('colorScale', () => {
  it('renders a standalone legend with ticks, linear and log, both orientations', () => {
    for (const orientation of ['vertical', 'horizontal'] as const) {
      for (const log of [false, true]) {
        const svg = colorScale({ min: 0.1, max: 100, log, orientation, label: 'Conc <µM>' });
        const doc = parseXml(svg);
        const texts = byTag(doc, 'text').map(deepText);
        assert.ok(texts.includes('Conc <µM>'));
        assert.ok(texts.length >= 3, `${orientation} log=${log}: ${texts.join(',')}`);
        if (log) for (const t of ['1', '10', '100']) assert.ok(texts.includes(t), `${orientation}: ${t}`);
      }
    }
  });
});
