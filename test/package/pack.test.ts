/**
 * The package as users get it: `npm pack` (which runs `prepare`, i.e. `npm run build`, so dist/ is rebuilt
 * from the current source), `npm install <tarball>` into a scratch project, then
 *   - plain Node ESM (no tsx) imports it by name and runs a scenario: same numbers as the source run;
 *   - a strict TypeScript consumer (module/moduleResolution nodenext, no skipLibCheck, lib es2022 + dom and no
 *     @types/node: the public types are platform-neutral) type-checks against it with zero errors;
 *   - the installed `follisim` bin validates and runs scenarios, a mouse study on 2 worker threads among them
 *     (the compiled worker entry points), and the compiled transport worker reproduces the serial solver.
 * Needs the npm registry or npm's cache for the runtime dependencies (--prefer-offline). Side effect: `npm pack`
 * rebuilds this repository's dist/ (git-ignored; no other test reads it).
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseScenario, runScenario } from '../../src/index.ts';
import { ROOT } from '../helpers/cli.ts';

/** A short human scenario (4 regions, 1 year). */
const HUMAN = `model: humanScalp
name: pack-small
durationDays: 365
record: { everyDays: 73 }
scalp:
  regions:
    frontal: { areaCm2: 1 }
    midScalp: { areaCm2: 1 }
    vertex: { areaCm2: 1 }
    occipital: { areaCm2: 1 }
`;
const HUMAN_SEED = 7;

/** A mouse study small enough for a test: 2 arms × 2 mice × 5 days. */
const MOUSE = `model: mouseStudy
name: pack-mouse
durationDays: 5
animals: { perArm: 2 }
skin: { lattice: { nx: 8, ny: 8 } }
arms:
  - { id: agaControl, androgenLevel: 1 }
  - { id: ceriaPatch, androgenLevel: 1, patch: { cargo: { substance: ceria }, schedule: { days: [0, 4] } } }
photos: { days: [5], widthPx: 16, heightPx: 16 }
endpoints: { compareDays: [5] }
`;

/** Environment for child npm/node processes. Under `npm test`, npm exports npm_* variables (the project's
 * prefix among them) that would point the scratch install at this repository: only user-level settings
 * (cache, registry, proxies, config files) are kept. */
const KEPT_NPM_SETTINGS = /^npm_config_(cache|registry|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i;
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || KEPT_NPM_SETTINGS.test(k)));
}

function sh(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: childEnv(), maxBuffer: 64 << 20 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('npm package: pack, install, use', { timeout: 240_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'follisim-pack-'));
  const project = join(tmp, 'consumer');
  let tarball = '';
  let packed: string[] = [];
  const timings: Record<string, number> = {};

  before(() => {
    let t = performance.now();
    ok(sh('npm', ['pack', '--pack-destination', tmp, '--no-audit', '--no-fund'], ROOT), 'npm pack');
    timings.packS = (performance.now() - t) / 1000;
    const tgz = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
    assert.equal(tgz.length, 1, `one tarball: ${tgz.join(', ')}`);
    tarball = join(tmp, tgz[0]);
    packed = ok(sh('tar', ['-tzf', tarball], tmp), 'tar -t').trim().split('\n');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
    // The consumer is a git repository with a commit: follisim's manifests must not take it for their own.
    ok(sh('git', ['init', '-q'], project), 'git init');
    ok(sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '--allow-empty', '-m', 'init'], project), 'git commit');
    t = performance.now();
    ok(sh('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error'], project), 'npm install <tarball>');
    timings.installS = (performance.now() - t) / 1000;
  });
  after(() => {
    process.stdout.write(`# pack-test timings (s): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])))}\n`);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the tarball ships the compiled build, the bin, docs and examples, and no sources or tests', () => {
    const files = packed.map((f) => f.replace(/^package\//, ''));
    for (const f of ['package.json', 'README.md', 'bin/follisim.js', 'dist/index.js', 'dist/index.d.ts', 'dist/node/cli/main.js', 'dist/node/pool/unitWorker.js', 'build-info.json', 'dist/node/transport/worker.js', 'dist/browser/follisim.js', 'examples/mouse-cemn-study.yaml']) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
    const stray = files.filter((f) => /^(src|test|bench|scripts|node_modules)\//.test(f) || /\.ts$/.test(f.replace(/\.d\.ts$/, '')));
    assert.deepEqual(stray, []);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'follisim', 'package.json'), 'utf8'));
    assert.ok(!existsSync(join(project, 'node_modules', 'tsx')), 'tsx is not installed for users');
    assert.ok(!existsSync(join(project, 'node_modules', 'typescript')), 'typescript is not installed for users');
    assert.equal(installed.name, 'follisim');
  });

  it('plain Node ESM imports it by name and runs a scenario: the same numbers as the source', () => {
    writeFileSync(
      join(project, 'run.mjs'),
      `import { parseScenario, runScenario, VERSION } from 'follisim';
import { readFileSync } from 'node:fs';
const r = parseScenario(readFileSync(process.argv[2], 'utf8'));
if (!r.ok) throw new Error(JSON.stringify(r.issues));
const out = runScenario(r.value, { seed: Number(process.argv[3]) });
process.stdout.write(JSON.stringify({ version: VERSION, summary: out.summary }));
`,
    );
    writeFileSync(join(project, 'human.yaml'), HUMAN);
    const t = performance.now();
    const got = JSON.parse(ok(sh(process.execPath, ['run.mjs', 'human.yaml', String(HUMAN_SEED)], project), 'node run.mjs'));
    timings.libraryRunS = (performance.now() - t) / 1000;
    const regions = got.summary.regions as Record<string, Record<string, unknown>>;
    for (const name of ['frontal', 'midScalp', 'vertex', 'occipital']) {
      for (const key of ['anagenFraction', 'terminalDensityPerCm2']) {
        const v = regions[name][key];
        assert.ok(typeof v === 'number' && Number.isFinite(v), `${name}.${key} = ${v}`);
      }
    }
    const parsed = parseScenario(HUMAN);
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    const fromSource = runScenario(parsed.value, { seed: HUMAN_SEED }).summary;
    assert.equal(JSON.stringify(got.summary), JSON.stringify(fromSource), 'the built package computes exactly what the source computes');
  });

  it('a strict TypeScript consumer (nodenext) type-checks against the published types', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], noEmit: true, skipLibCheck: false },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      `import {
  formatIssue, parseScenario, runScenario, validateScenario, RandomStream, VERSION,
  type HumanScenario, type MouseStudyScenario, type ParseResult, type Scenario, type ScenarioIssue,
  type TaskOptions, type TaskOutput, type TaskProgress,
} from 'follisim';

const parsed: ParseResult<Scenario> = parseScenario('model: humanScalp\\ndurationDays: 30\\n');
if (!parsed.ok) {
  const issues: ScenarioIssue[] = parsed.issues;
  const lines: string[] = issues.map((i) => formatIssue(i, 'scenario.yaml'));
  console.log(lines.join('\\n'));
} else {
  const scenario: Scenario = parsed.value;
  if (scenario.model === 'humanScalp') {
    const human: HumanScenario = scenario;
    const days: number = human.durationDays;
    console.log(days);
  }
  const seen: TaskProgress[] = [];
  const options: TaskOptions = { seed: 1, onProgress: (p) => seen.push(p) };
  const out: TaskOutput = runScenario(scenario, options);
  console.log(VERSION, Object.keys(out.summary), seen.length);
}
const mouse = validateScenario({ model: 'mouseStudy', arms: [{ id: 'agaControl' }] });
if (mouse.ok && mouse.value.model === 'mouseStudy') {
  const m: MouseStudyScenario = mouse.value;
  console.log(m.arms.map((a) => a.id));
}
const u: number = RandomStream.fromSeed(1).uniform();
console.log(u);
// @ts-expect-error runScenario needs options with a seed
runScenario({ model: 'humanScalp' });
`,
    );
    const t = performance.now();
    const r = sh(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], project);
    timings.tscS = (performance.now() - t) / 1000;
    assert.equal(r.status, 0, `tsc reported errors:\n${r.stdout}${r.stderr}`);
    assert.equal(r.stdout.trim(), '');
  });

  it('the installed follisim bin validates and runs; a mouse study runs on 2 compiled worker threads', () => {
    const bin = join(project, 'node_modules', '.bin', 'follisim');
    writeFileSync(join(project, 'mouse.yaml'), MOUSE);
    const t = performance.now();
    assert.match(ok(sh(bin, ['validate', 'human.yaml'], project), 'follisim validate'), /valid/);
    assert.match(ok(sh(bin, ['--version'], project), 'follisim --version'), /^\d+\.\d+\.\d+/);
    ok(sh(bin, ['run', 'human.yaml', '--out', 'out-human', '--seed', String(HUMAN_SEED), '--progress', 'none'], project), 'follisim run (human)');
    for (const f of ['manifest.json', 'summary.json', 'timeseries.csv']) assert.ok(existsSync(join(project, 'out-human', f)), f);
    ok(sh(bin, ['run', 'mouse.yaml', '--out', 'out-mouse', '--seed', '3', '--threads', '2', '--progress', 'none'], project), 'follisim run (mouse, 2 threads)');
    timings.binS = (performance.now() - t) / 1000;
    for (const f of ['manifest.json', 'summary.json', 'report.html', 'arms-by-day.csv']) assert.ok(existsSync(join(project, 'out-mouse', f)), f);
    const manifest = JSON.parse(readFileSync(join(project, 'out-mouse', 'manifest.json'), 'utf8'));
    assert.equal(manifest.solver.threads, 2);
    // follisim's own commit comes from the build stamp; the consumer project is a git repository of its own
    const consumerHead = sh('git', ['rev-parse', 'HEAD'], project).stdout.trim();
    const stamp = JSON.parse(readFileSync(join(project, 'node_modules', 'follisim', 'build-info.json'), 'utf8')) as { commit: string | null };
    assert.notEqual(manifest.gitCommit, consumerHead, "an installed package does not record the consumer repository's commit");
    assert.equal(manifest.gitCommit, stamp.commit, 'it records the commit it was built from');
    const summary = JSON.parse(readFileSync(join(project, 'out-mouse', 'summary.json'), 'utf8'));
    assert.deepEqual(Object.keys(summary.arms).sort(), ['agaControl', 'ceriaPatch']);
    // The same study on one thread (no workers) gives the same summary: the workers ran the same code.
    ok(sh(bin, ['run', 'mouse.yaml', '--out', 'out-mouse-1', '--seed', '3', '--threads', '1', '--progress', 'none'], project), 'follisim run (mouse, 1 thread)');
    assert.equal(readFileSync(join(project, 'out-mouse', 'summary.json'), 'utf8'), readFileSync(join(project, 'out-mouse-1', 'summary.json'), 'utf8'));
  });

  it('the compiled transport worker reproduces the single-thread solver', () => {
    writeFileSync(
      join(project, 'transport.mjs'),
      `const dist = new URL('./node_modules/follisim/dist/', import.meta.url);
const { createParallelSolver } = await import(new URL('node/transport/parallel.js', dist).href);
const { createSolver } = await import(new URL('transport/solver.js', dist).href);
const { createTransportGrid } = await import(new URL('transport/grid.js', dist).href);
const grid = createTransportGrid({ nx: 12, ny: 10, nz: 14, dxM: 10e-6, layers: [{ name: 'epidermis', thicknessM: 40e-6 }, { name: 'dermis', thicknessM: 100e-6 }] });
const specs = [{ name: 'a', diffusionM2PerS: 3e-10, decayPerS: 1e-3, pointSources: [{ xM: 51e-6, yM: 47e-6, zM: 61e-6, rate: 1e-12 }], dirichlet: { zMax: 0 } }];
const serial = createSolver(grid, specs, 0.5);
const parallel = await createParallelSolver(grid, specs, 0.5, { threads: 2 });
serial.step(20);
parallel.step(20);
const a = serial.field('a'), b = parallel.field('a');
let maxDiff = 0, total = 0;
for (let i = 0; i < a.length; i++) { maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i])); total += a[i]; }
await parallel.close();
process.stdout.write(JSON.stringify({ threads: parallel.threads, maxDiff, total }));
`,
    );
    const r = JSON.parse(ok(sh(process.execPath, ['transport.mjs'], project), 'node transport.mjs'));
    assert.equal(r.threads, 2);
    assert.ok(r.total > 0, `mass was released (${r.total})`);
    assert.equal(r.maxDiff, 0);
  });
});
