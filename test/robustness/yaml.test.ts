import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH } from '../../src/core/scenario/limits.ts';
import { cli, issuesOf, put, SMALL_HUMAN, tempDir } from './helpers.ts';

// Issue #8 item 9: hostile YAML is a validation error (exit 2), never a crash or an exhausted heap/stack.
describe('robustness: YAML resource bounds (item 9)', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
    .concat(['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`))
    .join('\n');

  it('a billion-laughs alias bomb is refused with a clear message', () => {
    const lines = issuesOf(`${SMALL_HUMAN}${bomb}\n`);
    assert.deepEqual(lines, [`f.yaml: (root): too many alias expansions: aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies (allowed at most ${MAX_ALIAS_COUNT}; write the values out)`]);
  });

  it('an undefined alias names the alias and its line', () => {
    assert.deepEqual(issuesOf(SMALL_HUMAN.replace('durationDays: 730', 'durationDays: *nope')), [
      'f.yaml:3: (root): undefined alias *nope: an alias must refer to an anchor (&nope) set before it',
    ]);
  });

  it('1,000 levels of nesting (flow or block) are refused before parsing', () => {
    const flow = issuesOf(`${SMALL_HUMAN}x: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    assert.match(flow[0], new RegExp(`nesting too deep: more than ${MAX_NESTING_DEPTH} levels`));
    let block = `${SMALL_HUMAN}x:\n`;
    for (let i = 1; i <= 1000; i++) block += `${' '.repeat(i)}a:\n`;
    assert.match(issuesOf(block)[0], /nesting too deep/);
    assert.ok(!flow.join().includes('call stack'));
  });

  it('the CLI: alias bomb, undefined alias and a 50 MB file exit 2 with one message each', () => {
    const dir = tempDir('yaml');
    const files = {
      bomb: put(dir, 'bomb.yaml', `${SMALL_HUMAN}${bomb}\n`),
      alias: put(dir, 'alias.yaml', SMALL_HUMAN.replace('durationDays: 730', 'durationDays: *nope')),
      huge: put(dir, 'huge.yaml', `${SMALL_HUMAN}# ${'x'.repeat(50 * 1024 * 1024)}\n`),
    };
    const want = { bomb: /too many alias expansions/, alias: /undefined alias \*nope/, huge: /file too large: \d+ bytes, allowed at most/ };
    for (const [k, f] of Object.entries(files)) {
      const r = cli(['validate', f]);
      assert.equal(r.code, 2, `${k}: ${r.stderr}`);
      assert.match(r.stderr, want[k as keyof typeof want]);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
    }
  });
});
