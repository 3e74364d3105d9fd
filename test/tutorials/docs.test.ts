import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { allTutorials, DOCS_DIR, tutorialMarkdown } from './literate.ts';

it('docs/tutorials/*.md are generated from the tutorial tests (run scripts/tutorials.ts after editing one)', () => {
  const all = allTutorials();
  assert.ok(Object.keys(all).length >= 3, 'tutorials exist');
  for (const [name, md] of Object.entries(all)) {
    const path = join(DOCS_DIR, name);
    assert.ok(existsSync(path), `${path} missing`);
    assert.equal(readFileSync(path, 'utf8'), md, `${name} is out of date`);
  }
});

it('prose lines become text and code becomes TypeScript blocks', () => {
  assert.equal(tutorialMarkdown('//> # T\n//> Some text.\nconst a = 1;\n\n//> More.\n'), '# T\nSome text.\n\n```ts\nconst a = 1;\n```\n\nMore.\n');
});
