import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sanitizeRunName } from '../../src/node/outputDir.ts';
import { cli, put, SMALL_HUMAN, tempDir } from './helpers.ts';

const hidden = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.'));

// Issue #8 items 3, 5 and 10: an output folder is the whole of one run or absent; path problems are
// found before the simulation; staging folders of killed runs are cleaned up.
describe('robustness: output folders (items 3, 5, 10)', () => {
  it('item 3: an existing folder is refused without --force and replaced whole with it', () => {
    const dir = tempDir('out');
    const s = put(dir, 's.yaml', SMALL_HUMAN);
    const out = join(dir, 'run');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.txt'), 'from an older run');
    const refused = cli(['run', s, '--out', out, '--seed', '1', '--progress', 'none']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /exists; pass --force to replace it whole/);
    assert.deepEqual(readdirSync(out), ['stale.txt'], 'a refused run leaves the folder as it was');
    const forced = cli(['run', s, '--out', out, '--seed', '1', '--progress', 'none', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(!existsSync(join(out, 'stale.txt')), 'the old folder is replaced whole, not merged');
    assert.ok(existsSync(join(out, 'summary.json')));
    assert.deepEqual(hidden(dir), [], 'no staging or old folder is left');
  });

  it('item 3: empty, ".", the cwd, a parent of it, a file and the scenario file are refused', () => {
    const dir = tempDir('out');
    const s = put(dir, 's.yaml', SMALL_HUMAN);
    put(dir, 'file.txt', 'x');
    mkdirSync(join(dir, 'sub'));
    const cases: [string, string, RegExp][] = [
      ['', dir, /--out = "": empty/],
      ['.', dir, /is the working folder or one of its parents/],
      [dir, dir, /is the working folder or one of its parents/],
      ['..', join(dir, 'sub'), /is the working folder or one of its parents/],
      ['file.txt', dir, /exists and is a file/],
      ['s.yaml', dir, /is the scenario file or holds it/],
      [dir, join(dir, 'sub'), /is the working folder|is the scenario file or holds it/],
    ];
    for (const [out, cwd, re] of cases) {
      const r = cli(['run', s, '--out', out, '--force', '--progress', 'none'], cwd);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, re);
    }
    assert.equal(readFileSync(s, 'utf8'), SMALL_HUMAN);
    assert.deepEqual(readdirSync(dir).sort(), ['file.txt', 's.yaml', 'sub']);
  });

  it('item 3: a scenario name cannot place the default folder outside runs/', () => {
    const dir = tempDir('out');
    const s = put(dir, 's.yaml', SMALL_HUMAN.replace('name: small', 'name: "../../x/\\0/..\\\\y"'));
    const r = cli(['run', s, '--seed', '2', '--progress', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const runs = readdirSync(join(dir, 'runs'));
    assert.equal(runs.length, 1);
    assert.match(runs[0], /^x_/);
    assert.deepEqual(readdirSync(dir).sort(), ['runs', 's.yaml']);
    assert.equal(sanitizeRunName('../../etc'), 'etc');
    assert.equal(sanitizeRunName('a\0b/c'), 'a_b_c');
    assert.equal(sanitizeRunName('..'), 'run');
    assert.equal(sanitizeRunName('n'.repeat(500)).length, 64);
  });

  it('item 5: output-path problems are found before the simulation, exit 2', () => {
    const dir = tempDir('out');
    // a big enough run that starting it would print progress lines
    const s = put(dir, 's.yaml', SMALL_HUMAN.replace(/areaCm2: 1 /g, 'areaCm2: 100 '));
    put(dir, 'file.txt', 'x');
    const cases: [string, RegExp][] = [
      [join(dir, 'file.txt', 'out'), /cannot write there \(a part of the path is a file\)/],
      [join(dir, 'n'.repeat(250)), /folder name too long/],
    ];
    for (const [out, re] of cases) {
      const r = cli(['run', s, '--out', out, '--progress', 'json']);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.doesNotMatch(r.stderr, /"fraction"/, 'the simulation did not start');
      assert.doesNotMatch(r.stderr, /internal error/);
    }
    assert.deepEqual(hidden(dir), []);
  });

  it('item 10: staging folders of dead processes are removed by the next run into the same parent', () => {
    const dir = tempDir('out');
    const s = put(dir, 's.yaml', SMALL_HUMAN);
    // a dead writer (pid 2^22 + 7 is above the default pid_max of most systems) and an older folder without a marker
    const dead = join(dir, '.old-run.partial-4194311-1000');
    mkdirSync(dead);
    writeFileSync(join(dead, '.follisim-staging.json'), JSON.stringify({ pid: 4194311, startedMs: 1000 }));
    writeFileSync(join(dead, 'summary.json'), '{');
    const oldFolder = join(dir, '.prev.old-4194312-1000');
    mkdirSync(oldFolder);
    // a live process's staging folder (this test runner) is kept
    const live = join(dir, `.live.partial-${process.pid}-1000`);
    mkdirSync(live);
    const r = cli(['run', s, '--out', join(dir, 'new'), '--seed', '1', '--progress', 'none']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(hidden(dir), [`.live.partial-${process.pid}-1000`]);
  });
});
