import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { comparedFiles, diffCsv, diffJson, EXAMPLES, GOLDEN_DIR, readText, runExample } from './goldens.ts';

describe('golden outputs of the three examples (summary.json and every CSV)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'follisim-golden-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  for (const name of EXAMPLES) {
    it(`${name} reproduces its recorded outputs`, () => {
      const out = join(tmp, name);
      runExample(name, out);
      const golden = join(GOLDEN_DIR, name);
      assert.deepEqual(comparedFiles(out), comparedFiles(golden), 'the same files');
      for (const f of comparedFiles(golden)) {
        const d = f.endsWith('.json') ? diffJson(JSON.parse(readText(out, f)), JSON.parse(readText(golden, f))) : diffCsv(readText(out, f), readText(golden, f));
        assert.equal(d, null, `${name}/${f}: ${d}`);
      }
    });
  }
});

describe('golden comparison catches changes', () => {
  it('a changed number, a missing key and a changed cell are reported', () => {
    assert.equal(diffJson({ a: [1, 2] }, { a: [1, 2 * (1 + 1e-12)] }), null);
    assert.match(diffJson({ a: [1, 2] }, { a: [1, 2.001] }) ?? '', /\$\.a\[1\]/);
    assert.match(diffJson({ a: 1 }, { b: 1 }) ?? '', /keys/);
    assert.equal(diffCsv('x,y\n1,2\n', 'x,y\n1,2\n'), null);
    assert.match(diffCsv('x,y\n1,2\n', 'x,y\n1,3\n') ?? '', /row 2, column 2/);
  });
});
