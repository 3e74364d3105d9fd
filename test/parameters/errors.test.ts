import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatIssue } from '../../src/core/scenario/parse.ts';
import { main } from '../../src/node/cli/main.ts';
import { DEFAULT_RULES } from '../../src/microenv/defaultRules.ts';
import { parameterCatalog } from '../../src/parameters/catalog.ts';
import { parseScenario, validateScenario } from '../../src/scenario/index.ts';

const issuesOf = (text: string) => {
  const r = parseScenario(text);
  assert.ok(!r.ok, 'expected validation to fail');
  return r.issues.map((i) => formatIssue(i, 's.yaml'));
};

describe('scenario parameters: section', () => {
  it('an unknown path is an error at its line that suggests the nearest known path', () => {
    const lines = issuesOf('model: humanScalp\ndurationDays: 100\nparameters:\n  human.aga.miniaturisationPerCycle: 0.3\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^s\.yaml:4: parameters\.human\.aga\.miniaturisationPerCycle: unknown parameter/);
    assert.match(lines[0], /did you mean 'human\.aga\.miniaturizationPerCycle'/);
  });

  it('a value outside the plausible range names the path, the value, the range and the line', () => {
    const lines = issuesOf('model: patchDelivery\ndurationDays: 7\nparameters:\n  patch.woundPeakDays: 3\n  ros.h2o2ClearancePerS: 40\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^s\.yaml:5: parameters\.ros\.h2o2ClearancePerS = 40: out of range: allowed 0\.05 to 2 1\/s/);
  });

  it('a non-number and a non-map section are errors', () => {
    assert.match(issuesOf('model: patchDelivery\ndurationDays: 7\nparameters:\n  patch.woundPeakDays: soon\n')[0], /s\.yaml:4: .*expected a number \(d\)/);
    assert.match(issuesOf('model: patchDelivery\ndurationDays: 7\nparameters: 3\n')[0], /s\.yaml:3: parameters = 3: must be a map/);
  });

  it('a bound parameter fills its field; the same value in both is fine, different values name both', () => {
    const ok = validateScenario({ model: 'humanScalp', durationDays: 100, parameters: { 'human.aga.miniaturizationPerCycle': 0.3 } });
    assert.ok(ok.ok);
    assert.equal(ok.value.model === 'humanScalp' && ok.value.scalp.aga.miniaturizationPerCycle, 0.3);
    assert.equal(ok.value.parameterValues?.['human.aga.miniaturizationPerCycle'], 0.3);
    assert.equal(ok.value.parameterValues?.['ros.h2o2ClearancePerS'], 0.315, 'the resolved map holds every default');
    const same = validateScenario({ model: 'humanScalp', durationDays: 100, scalp: { aga: { miniaturizationPerCycle: 0.3 } }, parameters: { 'human.aga.miniaturizationPerCycle': 0.3 } });
    assert.ok(same.ok);
    const lines = issuesOf('model: humanScalp\ndurationDays: 100\nscalp:\n  aga: { miniaturizationPerCycle: 0.2 }\nparameters:\n  human.aga.miniaturizationPerCycle: 0.3\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^s\.yaml:6: parameters\.human\.aga\.miniaturizationPerCycle = 0\.3: conflicts with scalp\.aga\.miniaturizationPerCycle = 0\.2/);
  });

  it('a parameter bound to several fields fills each; arm patches only where an arm has a patch', () => {
    const h = validateScenario({ model: 'humanScalp', durationDays: 100, parameters: { 'human.follicle.follicleDensityPerCm2': 200 } });
    assert.ok(h.ok && h.value.model === 'humanScalp');
    for (const r of Object.values(h.value.scalp.regions)) assert.equal(r.follicleDensityPerCm2, 200);
    const m = validateScenario({ model: 'mouseStudy', durationDays: 2, arms: [{ id: 'a' }, { id: 'b', patch: {} }], endpoints: { reference: 'a', compareDays: [2] }, photos: { days: [2] }, parameters: { 'patch.pitchUm': 600 } });
    assert.ok(m.ok && m.value.model === 'mouseStudy');
    assert.equal(m.value.arms[0].patch, undefined);
    assert.equal(m.value.arms[1].patch?.pitchUm, 600);
  });

  it('rules.* parameters change the default rules table, and conflict with an explicit rules list', () => {
    const r = validateScenario({ model: 'mouseStudy', durationDays: 2, arms: [{ id: 'a' }], parameters: { 'rules.wound.pS6.saturation': 4 } });
    assert.ok(r.ok && r.value.model === 'mouseStudy');
    const rules = r.value.microenvironment.rules;
    assert.equal(rules.length, DEFAULT_RULES.length);
    assert.equal(rules.find((x) => x.signal === 'wound' && x.behaviour === 'pS6')?.saturation, 4);
    assert.deepEqual(rules.slice(1), DEFAULT_RULES.slice(1));
    const bad = validateScenario({ model: 'mouseStudy', durationDays: 2, arms: [{ id: 'a' }], microenvironment: { rules: [] }, parameters: { 'rules.wound.pS6.saturation': 4 } });
    assert.ok(!bad.ok);
    assert.match(bad.issues[0].message, /conflicts with microenvironment\.rules/);
  });

  it('follisim validate exits 2 with the line of the bad parameter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'follisim-params-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'model: patchDelivery\ndurationDays: 1\nparameters:\n  vegf.vesselMax: 100\n');
    const write = process.stderr.write.bind(process.stderr);
    let err = '';
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
    try {
      assert.equal(await main(['validate', file]), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.match(err, /bad\.yaml:4: parameters\.vegf\.vesselMax = 100: out of range: allowed 1\.5 to 5/);
  });
});

describe('the resolved parameter map', () => {
  it('records every parameter; a resolved scenario (as in a manifest) validates again to the same value', () => {
    const r = validateScenario({
      model: 'mouseStudy',
      durationDays: 2,
      arms: [{ id: 'a', patch: {} }],
      skin: { cycle: { catagen: { meanDays: 4 } } },
      parameters: { 'rules.wound.pS6.saturation': 4, 'mouse.cycle.anagenMeanDays': 17, 'ros.h2o2ClearancePerS': 0.4, 'patch.pitchUm': 600 },
    });
    assert.ok(r.ok);
    const values = r.value.parameterValues ?? {};
    assert.equal(Object.keys(values).length, parameterCatalog().size);
    assert.equal(values['ros.h2o2ClearancePerS'], 0.4);
    const again = validateScenario(JSON.parse(JSON.stringify({ ...r.value, parameterValues: { 'ros.h2o2ClearancePerS': 1 } })));
    assert.ok(again.ok, JSON.stringify(!again.ok && again.issues));
    assert.deepEqual(again.value, r.value);
  });
});
