import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { pow } from '../../src/core/pow.ts';

/**
 * The portable power (src/core/pow.ts): accurate against Math.pow, IEEE special cases, and the only power the
 * platform-neutral code uses — V8's Math.pow and `**` differ in the last bit between Node 20 and the web lab's
 * Chromium (measured: ~10 % of pow(2, −x), pow(x, 3), pow(x, 4), pow(x, 0.8)), which made a study in the
 * browser differ from the same study in Node (test/e2e/weblab.test.ts compares them bit for bit).
 */
describe('portable pow', () => {
  it('agrees with Math.pow within (2 + |y| + |y·ln x|)·2⁻⁵² relative (the error bounds of binary powering and of exp(y·ln x)) over the model’s range of arguments', () => {
    let worst = 0;
    let s = 12345;
    const r = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    for (let i = 0; i < 20000; i++) {
      const x = 1e-6 + 50 * r();
      for (const y of [-30 * r(), 0.8, 1.7, 3, 4, 7, -2, 0.25, 33, 65, 4 * r()]) {
        const ref = Math.pow(x, y);
        if (ref === 0 || !Number.isFinite(ref)) continue;
        worst = Math.max(worst, Math.abs(pow(x, y) / ref - 1) / ((2 + Math.abs(y) + Math.abs(y * Math.log(x))) * 2 ** -52));
      }
    }
    assert.ok(worst <= 1, `worst relative difference ${worst} × its bound`);
  });

  it('keeps the IEEE special cases and is exact for small integer powers of exact values', () => {
    assert.equal(pow(0, 2), 0);
    assert.equal(pow(0, -1), Infinity);
    assert.equal(pow(0, 0.5), 0);
    assert.equal(pow(5, 0), 1);
    assert.equal(pow(Number.NaN, 0), 1);
    assert.ok(Number.isNaN(pow(Number.NaN, 2)));
    assert.ok(Number.isNaN(pow(-2, 0.5)));
    assert.equal(pow(-2, 3), -8);
    assert.equal(pow(-2, 4), 16);
    assert.ok(Math.abs(pow(-2, 67) / -(2 ** 67) - 1) < 1e-14);
    assert.equal(pow(2, -53), 2 ** -53);
    assert.equal(pow(3, 4), 81);
    assert.equal(pow(Infinity, 0.5), Infinity);
    assert.equal(pow(Infinity, -0.5), 0);
  });

  it('is the only power in the platform-neutral code (no Math.pow, no ** other than squares and powers of two)', () => {
    const SRC = join(import.meta.dirname, '..', '..', 'src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          // the Node edge and the output (pictures, charts) do not feed results
          if (!['node', 'output'].includes(relative(SRC, p))) walk(p);
        } else if (e.name.endsWith('.ts') && relative(SRC, p) !== join('core', 'pow.ts')) files.push(p);
      }
    };
    walk(SRC);
    const offending: string[] = [];
    for (const f of files) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\*\*|\*)/.test(line)) return; // doc comments
        const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
        if (/Math\.pow\(/.test(code)) offending.push(`${relative(SRC, f)}:${i + 1}: Math.pow`);
        // `a ** 2` and `2 ** n` are exact in every engine; other powers go through pow()
        for (const m of code.matchAll(/(\S+)\s*\*\*\s*(\S+)/g)) {
          const base = m[1];
          const exp = m[2];
          if (/^\*|\*$/.test(base) || /^\*/.test(exp)) continue; // markdown-like ** in strings
          if (/^2(?![0-9.])/.test(exp) || /(^|\()2$/.test(base)) continue;
          offending.push(`${relative(SRC, f)}:${i + 1}: ${m[0]}`);
        }
      });
    }
    assert.deepEqual(offending, []);
  });
});
