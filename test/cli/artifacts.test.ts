import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PNG_SIGNATURE } from '../../src/output/raster/png.ts';
import { runCli } from '../helpers/cli.ts';

const run = runCli;
const dir = mkdtempSync(join(tmpdir(), 'follisim-artifacts-'));

const isPng = (path: string) => {
  const b = readFileSync(path);
  return PNG_SIGNATURE.every((v, i) => b[i] === v);
};
const selfContained = (html: string) => !/(src|href)\s*=\s*["']https?:/i.test(html) && !/<link\b/i.test(html);

describe('run artifacts, end to end', () => {
  it('mouse study: summary keys, report with photo grid, PNG photos, CSV tables', () => {
    const scn = join(dir, 'mouse.yaml');
    writeFileSync(
      scn,
      `model: mouseStudy
name: tiny
durationDays: 6
animals: { perArm: 2 }
skin: { lattice: { nx: 8, ny: 8 } }
arms:
  - { id: agaControl, androgenLevel: 1 }
  - { id: ceriaPatch, androgenLevel: 1, patch: { schedule: { days: [0, 3] } } }
photos: { days: [0, 6], widthPx: 24, heightPx: 16 }
endpoints: { compareDays: [6] }
`,
    );
    const out = join(dir, 'mouse');
    const r = run(['run', scn, '--out', out, '--seed', '1']);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    for (const arm of ['agaControl', 'ceriaPatch']) {
      assert.equal(summary.arms[arm].coverageByDay.length, 7);
      assert.deepEqual(Object.keys(summary.arms[arm].coverageByDay[0]).sort(), ['day', 'mean', 'sd']);
      assert.ok('daysTo50PctCoverage' in summary.arms[arm]);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.match(html, /data:image\/png;base64,/);
    assert.ok(selfContained(html));
    const photos = readdirSync(join(out, 'photos'));
    assert.equal(photos.length, 4);
    assert.ok(photos.every((p) => isPng(join(out, 'photos', p))));
    for (const f of ['arms-by-day.csv', 'mice-by-day.csv', 'comparisons.csv', 'manifest.json']) assert.ok(existsSync(join(out, f)), f);
    // Every figure has its chart definition (spec + data) beside it.
    const figures = readdirSync(join(out, 'figures'));
    const svgs = figures.filter((f) => f.endsWith('.svg'));
    assert.ok(svgs.includes('coverage.svg') && svgs.includes('km-50pct.svg') && svgs.includes('effects-forest.svg') && svgs.length === 8, figures.join(','));
    for (const f of svgs) assert.ok(figures.includes(f.replace(/\.svg$/, '.chart.json')), f);
    const spec = JSON.parse(readFileSync(join(out, 'figures', 'coverage.chart.json'), 'utf8'));
    assert.equal(spec.kind, 'line');
    assert.equal(spec.version, 1);
  });

  it('patch delivery: dose maps as PNG, depth profiles at each snapshot, cargo budget', () => {
    const scn = join(dir, 'patch.yaml');
    writeFileSync(
      scn,
      `model: patchDelivery
durationDays: 1
record: { everyDays: 0.25 }
skin: { windowUm: { x: 1000, y: 1000, depth: 600 }, voxelUm: 50 }
transport: { dtS: 1800 }
snapshots: { hours: [1, 24] }
`,
    );
    const out = join(dir, 'patch');
    const r = run(['run', scn, '--out', out, '--seed', '1']);
    assert.equal(r.status, 0, r.stderr);
    const maps = readdirSync(join(out, 'maps'));
    assert.equal(maps.length, 8, maps.join(','));
    assert.ok(maps.every((m) => isPng(join(out, 'maps', m))));
    for (const f of ['depth-profile-001h.csv', 'depth-profile-024h.csv', 'depth-profile-end.csv', 'timeseries.csv']) assert.ok(existsSync(join(out, f)), f);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    assert.ok(s.deliveredNg > 0 && s.retainedAtEndNg <= s.releasedNg);
    assert.ok(selfContained(readFileSync(join(out, 'report.html'), 'utf8')));
  });

  it('human scalp: report and figures', () => {
    const scn = join(dir, 'human.yaml');
    writeFileSync(scn, 'model: humanScalp\ndurationDays: 365\nscalp: { regions: { frontal: { areaCm2: 2 }, midScalp: { areaCm2: 2 }, vertex: { areaCm2: 2 }, occipital: { areaCm2: 2 } } }\n');
    const out = join(dir, 'human');
    assert.equal(run(['run', scn, '--out', out]).status, 0);
    for (const f of ['report.html', 'terminal-density.svg', 'overview.svg', 'terminal-density.chart.json', 'overview.chart.json']) assert.ok(existsSync(join(out, f)), f);
  });
});
