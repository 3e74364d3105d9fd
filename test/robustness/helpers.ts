import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { formatIssue } from '../../src/core/scenario/parse.ts';
import { parseScenario } from '../../src/scenario/index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The CLI's source entry (tests run the source, never a possibly stale dist/ build). */
export const CLI_SOURCE = join(ROOT, 'src', 'node', 'cli', 'main.ts');
/** A results store of this test process, outside every working folder the tests inspect. */
const STORE = mkdtempSync(join(tmpdir(), 'follisim-store-robust-'));
/** tsx's loader, resolved from this repository so the CLI runs from any working folder. */
const TSX = import.meta.resolve('tsx');

/** Runs the CLI in a child process (cwd defaults to the repository root). */
export function cli(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string; ms: number } {
  const t0 = Date.now();
  // the results store goes to a temp folder, so "nothing written" checks see only the run's own output
  const r = spawnSync(process.execPath, ['--import', TSX, CLI_SOURCE, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, FOLLISIM_STORE: STORE } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** A fresh temp folder. */
export const tempDir = (tag: string) => mkdtempSync(join(tmpdir(), `follisim-${tag}-`));

/** Writes a file into a folder and returns its path. */
export function put(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Issues of a rejected scenario as formatted lines (file `f.yaml`). */
export function issuesOf(text: string): string[] {
  const r = parseScenario(text);
  assert.equal(r.ok, false, 'expected the scenario to be rejected');
  return r.ok ? [] : r.issues.map((i) => formatIssue(i, 'f.yaml'));
}

/** A small, fast human scenario (1 cm² regions, 2 years). */
export const SMALL_HUMAN = `model: humanScalp
name: small
durationDays: 730
record: { everyDays: 73 }
scalp:
  regions:
    frontal: { areaCm2: 1 }
    midScalp: { areaCm2: 1 }
    vertex: { areaCm2: 1 }
    occipital: { areaCm2: 1 }
`;

/** A small, fast mouse study (2 arms x 2 mice, 10 x 10 lattice, 4 days). */
export const SMALL_MOUSE = `model: mouseStudy
name: small-mouse
seed: 3
durationDays: 4
animals: { perArm: 2 }
skin: { lattice: { nx: 10, ny: 10 } }
arms:
  - { id: agaControl, androgenLevel: 1 }
  - id: ceria
    androgenLevel: 1
    patch: { schedule: { days: [0] } }
endpoints: { compareDays: [0, 2, 4], reference: agaControl }
photos: { days: [0, 4], widthPx: 16, heightPx: 16 }
`;

/** A small, fast patch delivery (0.5 mm window, 12 h). */
export const SMALL_PATCH = `model: patchDelivery
name: small-patch
seed: 1
durationDays: 0.5
record: { everyDays: 0.125 }
skin: { windowUm: { x: 500, y: 500, depth: 500 }, voxelUm: 50 }
snapshots: { hours: [1, 12] }
`;
