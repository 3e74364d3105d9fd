import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { architectureTable, DOC, folderConcern, replaceTable, tableFolders } from './architectureTable.ts';

it('every source folder says what it is for (README.md)', () => {
  const missing = tableFolders().filter((f) => !folderConcern(f));
  assert.deepEqual(missing, [], `add a README.md to: ${missing.join(', ')}`);
});

it("docs/architecture.md's folder table is the one generated from the code (node --import tsx scripts/architecture-table.ts)", () => {
  // File and line counts are informational and drift with every edit; the folders, their concerns and
  // their imports are what the table promises, so only those must match.
  const sizes = (text: string): string => text.replace(/\| \d+ \| \d+ \|/g, '| n | n |');
  const doc = readFileSync(DOC, 'utf8');
  assert.equal(sizes(replaceTable(doc, architectureTable())), sizes(doc));
});
