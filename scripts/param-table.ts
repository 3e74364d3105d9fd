/**
 * Parameter tables of docs/model.md, generated from the parameter catalog (src/parameters/format.ts).
 *   node --import tsx scripts/param-table.ts [human|mouse|skin|microenv|study]   print one block (or all)
 *   node --import tsx scripts/param-table.ts --write                              rewrite the blocks in docs/model.md
 * Each block sits between `<!-- params:NAME -->` and `<!-- /params:NAME -->`; test/core/docs.test.ts checks them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterMarkdown } from '../src/parameters/format.ts';
import { replaceParamBlocks, PARAM_BLOCKS } from './paramBlocks.ts';

const arg = process.argv[2];
if (arg === '--write') {
  const file = join(import.meta.dirname, '..', 'docs', 'model.md');
  writeFileSync(file, replaceParamBlocks(readFileSync(file, 'utf8')));
} else {
  for (const name of PARAM_BLOCKS) if (!arg || arg === name) console.log(parameterMarkdown(name));
}
