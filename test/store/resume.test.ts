import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { toCsv } from '../../src/core/recorder.ts';
import { photoPng } from '../../src/output/raster/photo.ts';
import { ResultStore } from '../../src/node/store/store.ts';
import { resultJson } from '../../src/results/json.ts';
import { validateScenario } from '../../src/scenario/index.ts';
import type { MouseStudyOutput } from '../../src/tasks/mouseStudyRun.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { CLI_SOURCE, ROOT } from '../helpers/cli.ts';
import { smallMouseStudy } from '../helpers/scenarios.ts';

const SCENARIO = smallMouseStudy('resume-test');
const dir = mkdtempSync(join(tmpdir(), 'follisim-resume-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Event = { event: string; stage?: string; reused?: number; ran?: number };

/** Runs the CLI; `killWhen` sees each JSON progress line and returns true to SIGKILL the process. */
function runCli(args: string[], killWhen?: (e: Event) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; events: Event[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const events: Event[] = [];
    let stderr = '';
    let buf = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const e = JSON.parse(line) as Event;
        events.push(e);
        if (killWhen?.(e)) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, events, stderr });
    });
  });
}

it('a run killed with SIGKILL and started again with the same command runs only the remaining units; each unit is stored once; output equals an uninterrupted run byte for byte', async () => {
  const scenarioPath = join(dir, 'mice.json');
  writeFileSync(scenarioPath, JSON.stringify(SCENARIO));
  const store = join(dir, 'store');
  const out = join(dir, 'out');
  const command = ['run', scenarioPath, '--store', store, '--out', out, '--seed', '11', '--threads', '1', '--progress', 'json'];

  const first = await runCli(command, (e) => e.event === 'progress' && e.stage === 'units 2/6');
  assert.equal(first.signal, 'SIGKILL', `the first run should be killed mid-run:\n${first.stderr}`);
  assert.ok(!existsSync(out), 'a killed run writes no output folder');

  const second = await runCli(command);
  assert.equal(second.code, 0, second.stderr);
  const units = second.events.find((e) => e.event === 'units');
  assert.ok(units, 'the resumed run reports its unit counts');
  const { reused = 0, ran = 0 } = units;
  assert.ok(reused >= 1 && reused < 6, `units taken from the store: ${reused}`);
  assert.equal(reused + ran, 6);
  // the executor under the store sees only the missing units: its progress counts 'units k/ran'
  const unitSteps = second.events.filter((e) => e.event === 'progress' && /^units \d+\/\d+$/.test(e.stage ?? '')).map((e) => e.stage);
  assert.deepEqual(unitSteps, Array.from({ length: ran }, (_, k) => `units ${k + 1}/${ran}`), 'only the remaining units ran');

  const db = await ResultStore.open(store);
  const [run] = await db.listRuns({ task: 'run:mouseStudy' });
  assert.equal(run.status, 'done');
  assert.equal(run.attempt, 2);
  const stored = await db.unitCounts(run.id);
  await db.close();
  assert.deepEqual(stored.map((s) => s.index), [0, 1, 2, 3, 4, 5], 'every unit stored exactly once');
  assert.equal(stored.filter((s) => s.attempt === 1).length, reused);
  assert.equal(stored.filter((s) => s.attempt === 2).length, ran);

  const v = validateScenario(SCENARIO);
  if (!v.ok) throw new Error('invalid scenario');
  const reference = (await runTask(v.value, { seed: 11 })).output as MouseStudyOutput;
  assert.equal(readFileSync(join(out, 'summary.json'), 'utf8'), resultJson(reference.summary));
  for (const [name, table] of Object.entries(reference.tables)) assert.equal(readFileSync(join(out, `${name}.csv`), 'utf8'), toCsv(table), name);
  for (const p of reference.photos) assert.deepEqual(readFileSync(join(out, 'photos', `${p.arm}-day${String(p.day).padStart(2, '0')}.png`)), Buffer.from(photoPng(p)));
  process.stdout.write(`# resume: ${reused} units from the killed run, ${ran} run after the restart\n`);
});
