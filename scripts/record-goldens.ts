/**
 * Re-records the golden outputs of the three examples (test/golden/data/<example>/). Only for deliberate science
 * changes: a restructuring must leave them untouched (test/golden/golden.test.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { comparedFiles, EXAMPLES, GOLDEN_DIR, runExample } from '../test/golden/goldens.ts';

for (const name of EXAMPLES) {
  const tmp = mkdtempSync(join(tmpdir(), `golden-${name}-`));
  const out = join(tmp, 'out');
  runExample(name, out);
  const dest = join(GOLDEN_DIR, name);
  rmSync(dest, { recursive: true, force: true });
  for (const f of comparedFiles(out)) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(out, f), join(dest, f));
  }
  rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(`recorded ${name}: ${comparedFiles(dest).join(', ')}\n`);
}
