import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCell, htmlTable, markdownTable, textTable, type TableOptions } from '../../../src/output/html/table.ts';
import { byTag, deepText, parseXml } from './xmlCheck.ts';

const table: TableOptions = {
  caption: 'Outcomes <n=3>',
  columns: [{ header: 'Arm' }, { header: 'Density', unit: 'hairs/cm²', digits: 4 }, 'p', { header: 'Flag', key: 'flag' }],
  rows: [
    ['Vehicle & co', 133.3712, null, true],
    ['Drug | "B"', 152.94, 0.0031, false],
  ],
};

describe('htmlTable', () => {
  it('is well-formed, escapes text and formats numbers to significant digits', () => {
    const html = htmlTable(table);
    const doc = parseXml(html);
    assert.equal(doc.name, 'table');
    assert.equal(deepText(byTag(doc, 'caption')[0]), 'Outcomes <n=3>');
    const cells = byTag(doc, 'td').map(deepText);
    assert.deepEqual(cells, ['Vehicle & co', '133.4', '–', 'yes', 'Drug | "B"', '152.9', '0.00310', 'no']);
    const ths = byTag(doc, 'th');
    assert.equal(deepText(ths[1]), 'Density (hairs/cm²)');
    // Numeric columns are right-aligned, text columns left.
    assert.match(ths[1].attrs.style, /right/);
    assert.match(ths[0].attrs.style, /left/);
    assert.ok(!html.includes('<n=3>'));
  });

  it('reads record rows by key (or header)', () => {
    const html = htmlTable({ columns: [{ header: 'Name', key: 'name' }, 'value'], rows: [{ name: 'a', value: 1.23456 }], digits: 2 });
    const cells = byTag(parseXml(html), 'td').map(deepText);
    assert.deepEqual(cells, ['a', '1.2']);
  });
});

describe('textTable / markdownTable', () => {
  it('aligns columns in plain text', () => {
    const text = textTable({ columns: ['name', 'x'], rows: [['a', 1.5], ['bbbb', 22.25]] });
    const lines = text.split('\n');
    assert.equal(lines.length, 4);
    // Numbers right-aligned: the last characters line up.
    assert.equal(lines[2].length, lines[3].length);
    assert.ok(lines[2].endsWith(' 1.50'));
    assert.ok(lines[3].endsWith('22.3'));
  });

  it('escapes pipes in markdown and sets the alignment row', () => {
    const md = markdownTable(table);
    const lines = md.split('\n');
    assert.ok(md.includes('Drug \\| "B"'));
    const rule = lines.find((l) => l.startsWith('|') && /^[|\s:-]+$/.test(l));
    assert.ok(rule);
    const parts = rule.split('|').slice(1, -1);
    assert.equal(parts.length, 4);
    assert.ok(parts[1].trim().endsWith(':'), 'numeric column right-aligned');
    assert.ok(!parts[0].trim().endsWith(':'));
    // Every table row has the same number of unescaped pipes.
    const pipeCount = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    const rows = lines.filter((l) => l.startsWith('|'));
    for (const r of rows) assert.equal(pipeCount(r), pipeCount(rows[0]));
  });

  it('formatCell prints missing values as an en dash', () => {
    assert.equal(formatCell(null), '–');
    assert.equal(formatCell(undefined), '–');
    assert.equal(formatCell('x'), 'x');
  });
});
