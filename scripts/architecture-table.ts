/**
 * Regenerates the folder table of docs/architecture.md from the code: each folder's concern is the first
 * paragraph of its README.md, and "imports" is read from its import statements, so the table cannot drift.
 * `--check` exits 1 when the document is out of date (test/core/architecture.test.ts runs it in-process).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { architectureTable, DOC, replaceTable } from '../test/core/architectureTable.ts';

const doc = readFileSync(DOC, 'utf8');
const next = replaceTable(doc, architectureTable());
if (process.argv.includes('--check')) {
  process.exitCode = next === doc ? 0 : 1;
} else {
  writeFileSync(DOC, next);
  process.stdout.write(`wrote ${join('docs', 'architecture.md')}\n`);
}
