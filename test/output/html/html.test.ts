import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findExternalResources, htmlReport } from '../../../src/output/html/html.ts';
import { renderChartSvg } from '../../../src/output/charts/index.ts';
import { byTag, deepText, parseXml } from './xmlCheck.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function demo(): string {
  return htmlReport({
    title: 'Trial <report> & "more"',
    subtitle: "It's a test",
    metadata: { seed: 42, version: '0.1.0', date: '2025-01-01', note: '<script>alert(1)</script>', missing: null },
    sections: [
      { heading: 'Density', svg: renderChartSvg({ version: 1, kind: 'line', x: { field: 'x' }, y: { field: 'y' }, data: [{ x: 0, y: 1 }, { x: 1, y: 2 }] }), caption: 'Figure 1 <a>' },
      { heading: 'Bars', svg: renderChartSvg({ version: 1, kind: 'bar', x: { field: 'c' }, y: { field: 'v' }, error: 'e', data: [{ c: 'x', v: 1, e: 0.1 }, { c: 'y', v: 2, e: 0.2 }] }) },
      { heading: 'Photos', svg: renderChartSvg({ version: 1, kind: 'images', x: { field: 'd' }, y: { field: 'r' }, src: 's', data: [{ d: 'd0', r: 'a', s: PNG }, { d: 'd7', r: 'a', s: PNG }] }) },
      { heading: 'Numbers', table: { columns: ['name', 'value'], rows: [['pi', Math.PI]] }, caption: 'Table 1' },
      { heading: 'Notes', text: 'First paragraph with <tags> & ampersands.\n\nSecond paragraph.' },
      { heading: 'Raw', html: '<p class="raw">trusted <em>html</em></p>' },
      { heading: 'Density', text: 'A duplicate heading gets a unique anchor.' },
    ],
    footer: 'follisim',
  });
}

describe('htmlReport', () => {
  it('contains every section, in order, with unique anchors', () => {
    const html = demo();
    const doc = parseXml(html, { html: true });
    const h2 = byTag(doc, 'h2').map(deepText);
    assert.deepEqual(h2, ['Density', 'Bars', 'Photos', 'Numbers', 'Notes', 'Raw', 'Density']);
    const ids = byTag(doc, 'section').map((s) => s.attrs.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(byTag(doc, 'svg').filter((s) => (s.attrs.class ?? '').includes('follisim-chart')).length, 3);
    assert.equal(byTag(doc, 'table').length, 1);
    assert.equal(byTag(doc, 'p').filter((p) => p.attrs.class === 'raw').length, 1);
    assert.equal(byTag(doc, 'figcaption').map(deepText)[0], 'Figure 1 <a>');
    assert.equal(byTag(doc, 'caption').map(deepText)[0], 'Table 1');
    // Table of contents links to each section.
    const links = byTag(doc, 'a').map((a) => a.attrs.href);
    for (const id of ids) assert.ok(links.includes(`#${id}`));
  });

  it('is self-contained: no external URLs, no <link>, inline CSS only', () => {
    const html = demo();
    assert.ok(!/src="http/i.test(html));
    assert.ok(!/<link/i.test(html));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/href="(https?:)?\/\//i.test(html));
    assert.ok(!/url\((?!#)/i.test(html), 'only url(#id) references');
    assert.deepEqual(findExternalResources(html), []);
    assert.ok(html.includes('<style>'));
  });

  it('escapes title, metadata and text and shows the metadata block', () => {
    const html = demo();
    const doc = parseXml(html, { html: true });
    assert.equal(deepText(byTag(doc, 'title')[0]), 'Trial <report> & "more"');
    assert.equal(deepText(byTag(doc, 'h1')[0]), 'Trial <report> & "more"');
    const dt = byTag(doc, 'dt').map(deepText);
    const dd = byTag(doc, 'dd').map(deepText);
    assert.deepEqual(dt, ['seed', 'version', 'date', 'note', 'missing']);
    assert.deepEqual(dd, ['42', '0.1.0', '2025-01-01', '<script>alert(1)</script>', '–']);
    assert.ok(html.includes('First paragraph with &lt;tags&gt; &amp; ampersands.'));
  });

  it('rejects sections that load external resources unless allowed', () => {
    const bad = [
      '<img src="https://example.org/x.png">',
      '<link rel="stylesheet" href="x.css">',
      '<svg><image href="http://example.org/a.png"/></svg>',
      '<div style="background: url(https://x/y.png)"></div>',
      '<style>@import "x.css";</style>',
      '<script src="//cdn.example.org/x.js"></script>',
    ];
    for (const html of bad) {
      assert.throws(() => htmlReport({ title: 't', sections: [{ heading: 'h', html }] }), /external/, html);
      assert.doesNotThrow(() => htmlReport({ title: 't', sections: [{ heading: 'h', html }], allowExternal: true }));
    }
    // A plain hyperlink is navigation, not a loaded resource.
    assert.doesNotThrow(() => htmlReport({ title: 't', sections: [{ heading: 'h', html: '<a href="https://doi.org/10.1/x">paper</a>' }] }));
  });
});

describe('src/output/html purity', () => {
  it('imports nothing from node:* (it runs in browsers)', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../src/output/html');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.ok(!/from\s+['"]node:/.test(text) && !/import\(['"]node:/.test(text), `${f} imports node:*`);
      assert.ok(!/\bBuffer\b|\bprocess\./.test(text), `${f} uses a Node global`);
    }
  });
});
