import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provenanceText, type ParameterSet } from '../../src/core/parameter.ts';

const MODEL = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'model.md'), 'utf8');

/** The text of docs/model.md section `## N.` (up to the next `## ` heading). */
export function modelSection(n: number): string {
  const start = MODEL.indexOf(`\n## ${n}. `);
  assert.ok(start >= 0, `docs/model.md has no section ${n}`);
  const next = MODEL.indexOf('\n## ', start + 1);
  return MODEL.slice(start, next < 0 ? undefined : next);
}

/**
 * Asserts every parameter of `set` has a row in section n of docs/model.md with its value, kind and source;
 * `table` (a text in the table's `####` heading) narrows the search when keys repeat across tables.
 */
export function assertDocumented(set: ParameterSet, section: number, table?: string): void {
  let lines = modelSection(section).split('\n');
  if (table) {
    const start = lines.findIndex((l) => /^#{4,5} /.test(l) && l.includes(table));
    assert.ok(start >= 0, `no table '${table}' in docs/model.md §${section}`);
    const end = lines.findIndex((l, i) => i > start && /^#{2,5} /.test(l));
    lines = lines.slice(start, end < 0 ? undefined : end);
  }
  for (const [key, p] of Object.entries(set)) {
    // rows name the full dotted path (`mouse.cycle.anagenMeanDays`); the set's key is its last part(s)
    const row = lines.find((l) => /^\| `[a-z]+\.[\w.]+` \| [-\d.e]+ \|/.test(l) && l.includes(`.${key}\` |`)) ?? lines.find((l) => l.startsWith(`| \`${key}\` |`));
    assert.ok(row, `${key} missing from docs/model.md §${section} (regenerate with scripts/param-table.ts)`);
    const cells = row.split('|').map((c) => c.trim());
    assert.equal(Number(cells[2]), p.value, `${key}: documented value ${cells[2]} differs from code ${p.value}`);
    assert.equal(cells[6], p.provenance.kind, `${key}: provenance kind`);
    assert.ok(cells[7].length > 0 && provenanceText(p.provenance).replace(/\|/g, '/').startsWith(cells[7].slice(0, 10)), `${key}: source text`);
  }
}
