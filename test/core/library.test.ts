import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
// The README's library example against the source entry point (src/index.ts). The built package, imported
// by name through its export map from a scratch project, is tested in test/package/pack.test.ts.
import { parseScenario, runScenario, VERSION } from '../../src/index.ts';

it("the README's library example runs", () => {
  const r = parseScenario('model: humanScalp\ndurationDays: 365\nscalp: { regions: { vertex: { areaCm2: 2 }, frontal: { areaCm2: 1 }, midScalp: { areaCm2: 1 }, occipital: { areaCm2: 1 } } }\n');
  assert.ok(r.ok);
  if (!r.ok) return;
  const summary = runScenario(r.value, { seed: 1 }).summary as { regions: Record<string, { anagenFraction: number }> };
  assert.ok(summary.regions.vertex.anagenFraction > 0.5);
  assert.match(VERSION, /^\d+\.\d+\.\d+$/);
});

it('the export map points at the compiled counterpart of src/index.ts', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['.'], { types: './dist/index.d.ts', import: './dist/index.js' });
  assert.equal(pkg.bin.follisim, 'bin/follisim.js');
  assert.ok(!('tsx' in (pkg.dependencies ?? {})), 'tsx is a development dependency only');
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  assert.match(readme, /import \{ parseScenario, runScenario \} from 'follisim';/);
});
