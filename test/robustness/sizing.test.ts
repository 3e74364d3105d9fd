import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { estimateRun } from '../../src/core/sizing/estimate.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { cli, put, ROOT, SMALL_HUMAN, SMALL_MOUSE, SMALL_PATCH, tempDir } from './helpers.ts';

function scenario(text: string): Scenario {
  const r = parseScenario(text);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return (r as { ok: true; value: Scenario }).value;
}

const HUGE_GRID = SMALL_PATCH.replace('skin: { windowUm: { x: 500, y: 500, depth: 500 }, voxelUm: 50 }', 'skin: { windowUm: { x: 20000, y: 20000, depth: 20000 }, voxelUm: 20 }');
const MANY_MICE = SMALL_MOUSE.replace('animals: { perArm: 2 }', 'animals: { perArm: 1000 }').replace('durationDays: 4', 'durationDays: 35').replace('compareDays: [0, 2, 4]', 'compareDays: [14]').replace('skin: { lattice: { nx: 10, ny: 10 } }', 'skin: { lattice: { nx: 400, ny: 400 } }');
const BIG_SCALP =
  SMALL_HUMAN.replace(/areaCm2: 1 /g, 'areaCm2: 1000, follicleDensityPerCm2: 2000 ').replace('durationDays: 730', 'durationDays: 36525').replace('everyDays: 73', 'everyDays: 365') +
  '  cycle: { anagen: { meanDays: 5 }, catagen: { meanDays: 1 }, telogen: { meanDays: 1 } }\n';

// Issue #8 item 6: every run is sized before it starts; too large runs are refused with the estimate and the field.
describe('robustness: run sizing (item 6)', () => {
  it('the estimator scales with the driving fields and names them', () => {
    const grid = estimateRun(scenario(HUGE_GRID));
    assert.ok(grid.peakBytes > 50e9, `1000^3 voxels x 2 substances: ${grid.peakBytes}`);
    assert.match(grid.memoryDriver, /skin\.voxelUm = 20 .*1000 x 1000 x 1000/);
    const mice = estimateRun(scenario(MANY_MICE));
    assert.ok(mice.seconds > 3600, `2000 mice: ${mice.seconds} s`);
    assert.match(mice.timeDriver, /animals\.perArm x arms \(2000 mice\)/);
    const scalp = estimateRun(scenario(BIG_SCALP));
    assert.ok(scalp.seconds > 3600, `8e6 follicles x 100 y of 7-day cycles: ${scalp.seconds} s`);
    assert.match(scalp.timeDriver, /scalp\.regions\.\*\.areaCm2 x follicleDensityPerCm2 \(8000000 follicles\)/);
    for (const f of readdirSync(join(ROOT, 'examples')).filter((x) => x.endsWith('.yaml'))) {
      const e = estimateRun(scenario(readFileSync(join(ROOT, 'examples', f), 'utf8')));
      assert.ok(e.peakBytes < 1e9 && e.seconds < 120, `${f}: examples stay small (${e.peakBytes} B, ${e.seconds} s)`);
      assert.ok(Number.isFinite(e.workUnits) && e.workUnits > 0);
    }
  });

  it('the CLI refuses runs over the memory or the time budget (exit 2, nothing written) unless --allow-large', () => {
    const dir = tempDir('size');
    for (const [name, text, re] of [
      ['grid', HUGE_GRID, /run too large: estimated peak memory .* GB exceeds .*driven by skin\.voxelUm = 20/],
      ['mice', MANY_MICE, /run too long: estimated .* exceeds the budget of 60\.0 min; driven by animals\.perArm/],
      ['scalp', BIG_SCALP, /run too long: .*driven by scalp\.regions\.\*\.areaCm2/],
    ] as const) {
      const s = put(dir, `${name}.yaml`, text);
      const r = cli(['run', s, '--out', join(dir, `out-${name}`), '--threads', '2']);
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.match(r.stderr, /--allow-large/);
    }
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('out') || f.startsWith('.')), []);
  });

  it('follisim estimate prints the estimate and its drivers without running', () => {
    const r = cli(['estimate', join(ROOT, 'examples', 'patch-delivery.yaml')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /peak memory: ~0\.\d+ GB \(driven by skin\.voxelUm = 25 \(with skin\.windowUm\): 60 x 60 x 40 = 144000 voxels x 2 substances\)/);
    assert.match(r.stdout, /work: 2\.903e\+8 voxel·substance updates, ~[\d.]+ s on 1 thread\(s\) \(driven by transport\.dtS = 600/);
    assert.match(r.stdout, /within the limits/);
    const big = cli(['estimate', put(tempDir('est'), 'grid.yaml', HUGE_GRID)]);
    assert.equal(big.code, 0, big.stderr);
    assert.match(big.stdout, /over the limits: `follisim run` refuses it without --allow-large/);
  });
});

