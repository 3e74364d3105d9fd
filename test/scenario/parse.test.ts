import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatIssue } from '../../src/core/scenario/parse.ts';
import { parseScenario, scenarioJsonSchema, validateScenario } from '../../src/scenario/index.ts';

const BASE = `schemaVersion: 1
name: t
model: humanScalp
durationDays: 365
scalp:
  cycle:
    anagen:
      meanDays: 1000
`;

function issuesOf(text: string): string[] {
  const r = parseScenario(text);
  assert.equal(r.ok, false, 'expected the scenario to be rejected');
  return r.ok ? [] : r.issues.map((i) => formatIssue(i, 'f.yaml'));
}

describe('scenario parsing', () => {
  it('accepts a minimal scenario and fills every default explicitly', () => {
    const r = parseScenario(BASE);
    assert.ok(r.ok);
    if (!r.ok || r.value.model !== 'humanScalp') return;
    assert.equal(r.value.scalp.cycle.anagen.meanDays, 1000);
    assert.equal(r.value.scalp.cycle.telogen.meanDays, 90);
    assert.equal(r.value.scalp.regions.occipital.androgenSensitivity, 0);
    assert.equal(r.value.record.everyDays, 30);
    assert.equal(r.value.seed, undefined, 'seed stays absent until the run resolves it');
  });

  it('JSON is accepted too', () => {
    const r = parseScenario(JSON.stringify({ model: 'humanScalp', durationDays: 10, record: { everyDays: 1 } }));
    assert.ok(r.ok);
  });

  it('a negative duration names the path, the value, the allowed range and the line', () => {
    const lines = issuesOf(BASE.replace('meanDays: 1000', 'meanDays: -3'));
    assert.deepEqual(lines, ['f.yaml:8: scalp.cycle.anagen.meanDays = -3: out of range: allowed a number >= 0.01 and <= 36525']);
  });

  it('an impossible fraction is out of range [0, 1]', () => {
    const lines = issuesOf(BASE + '  follicle:\n    vellusFraction: 1.5\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^f\.yaml:10: scalp\.follicle\.vellusFraction = 1\.5: out of range: allowed a number >= 0 and <= 1$/);
  });

  it('an unknown key is reported with its line and the known keys', () => {
    const lines = issuesOf(BASE.replace('  cycle:', '  cylce:\n    x: 1\n  cycle:'));
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^f\.yaml:6: scalp\.cylce: unknown key 'cylce' \(known keys: initialization, spinUpDays, regions, cycle, follicle, aga, randomStreams, behaviour\)$/);
  });

  it('a wrong type names the expected type', () => {
    const lines = issuesOf(BASE.replace('durationDays: 365', 'durationDays: "long"'));
    assert.deepEqual(lines, ['f.yaml:4: durationDays = "long": expected a number >= 0.001 and <= 36525']);
  });

  it('a missing required field and an unknown model are explained', () => {
    assert.match(issuesOf(BASE.replace('durationDays: 365\n', ''))[0], /durationDays: is required/);
    assert.match(issuesOf(BASE.replace('model: humanScalp', 'model: elephant'))[0], /^f\.yaml:3: model = "elephant": not allowed/);
  });

  it('cross-field rules: Beta SD and recording interval', () => {
    const lines = issuesOf(BASE + '  aga:\n    susceptibility: { mean: 0.5, sd: 0.6 }\n');
    assert.match(lines[0], /scalp\.aga\.susceptibility\.sd = 0\.6: must satisfy sd < sqrt/);
    assert.match(issuesOf(BASE + 'record: { everyDays: 400 }\n')[0], /record\.everyDays = 400: must be <= durationDays \(365\)/);
  });

  it('YAML syntax errors and duplicate keys carry a line', () => {
    assert.match(issuesOf('model: humanScalp\ndurationDays: [1\n')[0], /^f\.yaml:\d+: \(root\): syntax error/);
    assert.match(issuesOf('model: humanScalp\nmodel: humanScalp\ndurationDays: 1\n')[0], /^f\.yaml:2: .*syntax error/);
    assert.match(issuesOf('- 1\n- 2\n')[0], /must be a mapping/);
  });

  it('validateScenario reports paths without lines for in-memory data', () => {
    const r = validateScenario({ model: 'humanScalp', durationDays: 0 });
    assert.ok(!r.ok);
    if (!r.ok) assert.equal(formatIssue(r.issues[0]), 'scenario: durationDays = 0: out of range: allowed a number >= 0.001 and <= 36525');
  });

  it('JSON Schema export describes the model sections', () => {
    const s = JSON.stringify(scenarioJsonSchema());
    assert.match(s, /"humanScalp"/);
    assert.match(s, /mean anagen duration of a terminal follicle \(days, > 0: from/);
  });
});
