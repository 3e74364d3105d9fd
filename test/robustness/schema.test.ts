import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleHumanScalp } from '../../src/follicle/human/model.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { issuesOf, SMALL_HUMAN, SMALL_MOUSE, SMALL_PATCH } from './helpers.ts';

// Issue #8 items 1, 4, 7, 8: inputs that overflowed, silently did nothing, never ended or crashed are now
// validation errors naming the field, the value, the allowed range and the line.
describe('robustness: scenario bounds and cross-field checks', () => {
  it('item 1: huge areas are refused; counts are safe integers, never wrapped', () => {
    assert.match(issuesOf(SMALL_HUMAN.replace('frontal: { areaCm2: 1 }', 'frontal: { areaCm2: 9000000 }'))[0], /^f\.yaml:7: scalp\.regions\.frontal\.areaCm2 = 9000000: out of range: allowed a number >= 1e-9 and <= 1000$/);
    assert.match(issuesOf(SMALL_HUMAN.replace('frontal: { areaCm2: 1 }', 'frontal: { areaCm2: 1e30 }'))[0], /areaCm2 = 1e\+30: out of range/);
    // found by the generated suite: 1e-320 cm² underflows to 0 m² and gave 0/0 densities
    assert.match(issuesOf(SMALL_HUMAN.replace('frontal: { areaCm2: 1 }', 'frontal: { areaCm2: 1e-320 }'))[0], /areaCm2 = 1e-320: out of range: allowed a number >= 1e-9 and <= 1000/);
    const r = parseScenario(SMALL_HUMAN.replace(/areaCm2: 1 /g, 'areaCm2: 1000 ').replace('scalp:\n', 'scalp:\n  regions:\n    frontal: { areaCm2: 1000, follicleDensityPerCm2: 2000 }\n').replace('  regions:\n    frontal: { areaCm2: 1000 }\n', ''));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    if (r.ok && r.value.model === 'humanScalp') {
      const m = assembleHumanScalp(r.value.scalp);
      assert.equal(m.regionFollicles[0], 2_000_000);
      for (const n of m.regionFollicles) assert.ok(Number.isSafeInteger(n) && n > 0);
    }
  });

  it('item 4: a misspelt reference arm, compare days and photo days past the end', () => {
    assert.ok(parseScenario(SMALL_MOUSE.replace(/arms:[\s\S]*endpoints: \{ compareDays: \[0, 2, 4\], reference: agaControl \}/, 'arms: [{ id: solo }]\nendpoints: {}')).ok, 'one arm: nothing to compare');
    assert.deepEqual(issuesOf(SMALL_MOUSE.replace('reference: agaControl', 'reference: agaControll')), [
      'f.yaml:12: endpoints.reference = "agaControll": names no arm: allowed one of: "agaControl", "ceria"',
    ]);
    assert.match(issuesOf(SMALL_MOUSE.replace('compareDays: [0, 2, 4]', 'compareDays: [0, 9]'))[0], /endpoints\.compareDays\.1 = 9: day 9 is after the end of the run: allowed 0 to 4/);
    assert.match(issuesOf(SMALL_MOUSE.replace('days: [0, 4], widthPx', 'days: [0, 40], widthPx'))[0], /photos\.days\.1 = 40: day 40 is after the end/);
    assert.match(issuesOf(SMALL_PATCH.replace('hours: [1, 12]', 'hours: [1, 13]'))[0], /snapshots\.hours\.1 = 13: hour 13 is after the end of the run: allowed 0 to 12/);
  });

  it('item 7: tiny steps, steps longer than the run and impossible grids are refused', () => {
    assert.match(issuesOf(SMALL_PATCH + 'transport: { dtS: 1e-320 }\n')[0], /transport\.dtS = 1e-320: out of range: allowed a number >= 1 and <= 86400/);
    assert.match(issuesOf(SMALL_MOUSE + 'microenvironment: { couplingStepH: 1e-320 }\n')[0], /microenvironment\.couplingStepH = 1e-320: out of range: allowed a number >= 0\.01/);
    assert.match(issuesOf(SMALL_PATCH.replace('durationDays: 0.5', 'durationDays: 0.01').replace('everyDays: 0.125', 'everyDays: 0.01').replace('hours: [1, 12]', 'hours: [0]') + 'transport: { dtS: 7200 }\n')[0], /transport\.dtS = 7200: step longer than the run: allowed at most durationDays = 864 s/);
    assert.match(issuesOf(SMALL_MOUSE.replace('durationDays: 4', 'durationDays: 0.5\nrecord: { everyDays: 0.25 }').replace('compareDays: [0, 2, 4]', 'compareDays: [0]').replace('days: [0, 4], widthPx', 'days: [0], widthPx').replace('skin: { lattice: { nx: 10, ny: 10 } }', 'skin: { lattice: { nx: 10, ny: 10, dtDays: 2 } }'))[0], /skin\.lattice\.dtDays = 2: step longer than the run/);
    const grid = issuesOf(SMALL_PATCH.replace('skin: { windowUm: { x: 500, y: 500, depth: 500 }, voxelUm: 50 }', 'skin: { windowUm: { x: 20000, y: 20000, depth: 20000 }, voxelUm: 1 }'));
    assert.match(grid[0], /skin\.voxelUm = 1: gives a 20000 x 20000 x 20000 grid \(8\.00e\+12 voxels\); allowed at most 1000000000 voxels/);
    assert.match(issuesOf(SMALL_HUMAN.replace('everyDays: 73', 'everyDays: 0.0001'))[0], /record\.everyDays = 0\.0001: out of range: allowed a number >= 0\.001/);
  });

  it('item 8: extreme spreads and durations are out of range with a stated range', () => {
    const sd = issuesOf(SMALL_HUMAN + '  follicle:\n    terminalDiameterUm: { mean: 80, sd: 1e308 }\n');
    assert.match(sd[0], /scalp\.follicle\.terminalDiameterUm\.sd = 1e\+308: out of range: allowed a number >= 0 and <= 199/);
    assert.match(issuesOf(SMALL_HUMAN + '  cycle:\n    anagen: { meanDays: 1e-320 }\n')[0], /scalp\.cycle\.anagen\.meanDays = 1e-320: out of range: allowed a number >= 0\.01 and <= 36525/);
    assert.match(issuesOf(SMALL_HUMAN + '  cycle:\n    latency: { meanDays: 1e300 }\n')[0], /latency\.meanDays = 1e\+300: out of range/);
    assert.match(issuesOf(SMALL_MOUSE + 'microenvironment:\n  rules:\n    - { signal: ros, direction: increases, behaviour: pS6, halfMax: 1e-320, saturation: 2 }\n')[0], /microenvironment\.rules\.0\.halfMax = 1e-320: out of range: allowed a number >= 0\.000001 and <= 1000000/);
  });
});
