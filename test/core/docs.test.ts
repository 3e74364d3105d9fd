import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { provenanceText } from '../../src/core/parameter.ts';
import { humanParameters } from '../../src/species/human.ts';

const model = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'model.md'), 'utf8');

it('every human parameter is documented in docs/model.md with its value and provenance', () => {
  for (const [key, p] of Object.entries(humanParameters)) {
    const row = model.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
    assert.ok(row, `${key} missing from docs/model.md (regenerate with scripts/param-table.ts)`);
    const cells = row.split('|').map((c) => c.trim());
    assert.equal(Number(cells[2]), p.value, `${key}: documented value ${cells[2]} differs from code ${p.value}`);
    assert.equal(cells[5], p.provenance.kind, `${key}: provenance kind`);
    assert.ok(cells[6].length > 10 && provenanceText(p.provenance).startsWith(cells[6].slice(0, 10)), `${key}: source text`);
  }
});
