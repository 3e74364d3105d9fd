import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Modules under src/node/ that the web lab bundles for the browser (they touch no runtime): keep them free of
 * Node imports, as test/core/purity.test.ts keeps the core.
 */
const SHARED = ['server/catalog.ts', 'server/estimate.ts'];

describe('src/node modules shared with the web lab', () => {
  for (const rel of SHARED) {
    it(`${rel} imports only the core and browser-safe packages`, () => {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'node', rel), 'utf8');
      const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const s of specs) {
        assert.ok(s.startsWith('../../') || s.startsWith('./'), `${rel}: ${s} (only core modules or siblings)`);
        if (s.startsWith('./')) assert.ok(SHARED.some((x) => x.endsWith(s.slice(2))), `${rel}: sibling ${s} is not on the shared list`);
      }
      assert.ok(!/\bprocess\.|\bBuffer\b|node:/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')), `${rel} uses Node`);
    });
  }
});
