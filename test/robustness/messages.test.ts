import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatIssue } from '../../src/core/scenario/parse.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { issuesOf, SMALL_HUMAN, SMALL_MOUSE } from './helpers.ts';

// Issue #8 item 11: the formatter shows what the file said, explains arm fields, says "required" when missing.
describe('robustness: validation messages (item 11)', () => {
  it('NaN and infinities are shown as written, not as null', () => {
    assert.deepEqual(issuesOf(SMALL_HUMAN.replace('durationDays: 730', 'durationDays: .nan')), ['f.yaml:3: durationDays = NaN: expected a number >= 0.001 and <= 36525']);
    assert.match(issuesOf(SMALL_HUMAN.replace('everyDays: 73', 'everyDays: .inf'))[0], /record\.everyDays = Infinity: expected a number >= 0\.001 and <= 36525/);
  });

  it('arm fields get ranges, not raw validator text', () => {
    const lines = issuesOf(SMALL_MOUSE.replace('{ id: agaControl, androgenLevel: 1 }', '{ id: agaControl, androgenLevel: 50 }'));
    assert.deepEqual(lines, ['f.yaml:8: arms.0.androgenLevel = 50: out of range: allowed a number >= 0 and <= 10']);
    const bad = issuesOf(SMALL_MOUSE.replace('id: ceria', 'id: "1ceria"'));
    assert.ok(bad.some((l) => /arms\.1\.id = "1ceria": not allowed: must be letters, digits, _ or -, starting with a letter/.test(l)), bad.join('\n'));
    assert.ok(!bad.some((l) => /Too big|Invalid string/.test(l)));
  });

  it('a missing key says "is required", not "not allowed"', () => {
    assert.deepEqual(issuesOf('durationDays: 3\n'), ['f.yaml:1: model: is required: one of: "humanScalp", "patchDelivery", "mouseStudy", "trial"']);
    const lines = issuesOf(SMALL_MOUSE.replace('id: ceria\n', 'label: ceria\n'));
    assert.ok(lines.some((l) => /arms\.1\.id: is required \(a string\)/.test(l)), lines.join('\n'));
  });

  it('an empty list says how many entries it needs', () => {
    const r = parseScenario(SMALL_MOUSE.replace(/arms:[\s\S]*endpoints/, 'arms: []\nendpoints'));
    assert.ok(!r.ok);
    if (!r.ok) assert.ok(r.issues.some((i) => /arms = \[\]: too short: needs at least 1 entries/.test(formatIssue(i, 'f.yaml'))));
  });

  it('a wrong type still names the expected type and range', () => {
    assert.match(issuesOf(SMALL_HUMAN.replace('everyDays: 73', 'everyDays: [1]'))[0], /record\.everyDays = \[1\]: expected a number >= 0\.001/);
  });
});
