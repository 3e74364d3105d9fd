import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { architectureTable, DOC, folderConcern, replaceTable, tableFolders } from './architectureTable.ts';

it('every source folder says what it is for (README.md)', () => {
  const missing = tableFolders().filter((f) => !folderConcern(f));
  assert.deepEqual(missing, [], `add a README.md to: ${missing.join(', ')}`);
});

it("docs/architecture.md's folder table is the one generated from the code (node --import tsx scripts/architecture-table.ts)", () => {
  const doc = readFileSync(DOC, 'utf8');
  assert.equal(replaceTable(doc, architectureTable()), doc);
});
