/** Regenerates docs/tutorials/*.md from the literate tutorial tests in test/tutorials/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allTutorials, DOCS_DIR } from '../test/tutorials/literate.ts';

mkdirSync(DOCS_DIR, { recursive: true });
for (const [name, md] of Object.entries(allTutorials())) {
  writeFileSync(join(DOCS_DIR, name), md);
  process.stdout.write(`wrote docs/tutorials/${name}\n`);
}
