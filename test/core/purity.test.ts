import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The core must run in a browser and in worker threads: nothing outside src/node/ may import node:*
 * modules, Node built-ins by bare name, or Node-only packages; nor touch `process` or `Buffer`.
 */
const SRC = join(import.meta.dirname, '..', '..', 'src');
const EDGE = join(SRC, 'node');
// Observable Plot (charts) and linkedom (its DOM outside a page) are pure JS and run in browsers.
const ALLOWED_PACKAGES = [/^zod(\/|$)/, /^yaml$/, /^pure-rand\//, /^fflate$/, /^@observablehq\/plot$/, /^linkedom$/];
const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'util', 'zlib', 'buffer', 'events', 'process', 'module', 'readline', 'perf_hooks', 'v8', 'vm', 'cluster', 'dgram', 'dns', 'tls', 'assert']);

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== EDGE) out.push(...tsFiles(p));
    } else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('platform-neutral core', () => {
  const files = tsFiles(SRC);
  it('finds the core files', () => {
    assert.ok(files.length >= 10, `only ${files.length} core files found`);
  });

  for (const file of files) {
    it(`${relative(SRC, file)} imports nothing Node-only`, () => {
      const text = readFileSync(file, 'utf8');
      const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      );
      for (const spec of specs) {
        if (spec.startsWith('.')) {
          assert.ok(!spec.includes('/node/'), `${spec}: the core must not import the Node edge`);
          continue;
        }
        assert.ok(!spec.startsWith('node:'), `${spec}: node:* import in the core`);
        assert.ok(!NODE_BUILTINS.has(spec.split('/')[0]), `${spec}: Node built-in in the core`);
        assert.ok(ALLOWED_PACKAGES.some((re) => re.test(spec)), `${spec}: package not on the core allow-list`);
      }
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.ok(!/\bprocess\.|\bBuffer\.|\b__dirname\b|\brequire\(/.test(code), 'uses process, Buffer, __dirname or require');
    });
  }
});
