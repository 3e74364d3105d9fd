import { deriveKey } from '../../core/random/seeds.ts';
import { formatIssue } from '../../core/scenario/parse.ts';
import { validateScenario, type Scenario } from '../../scenario/index.ts';
import { taskForScenario } from '../registry.ts';
import type { UnitContext } from '../task.ts';
import type { TaskOutput } from '../types.ts';
import { derivedReadout, derivedReadoutNames } from './derived.ts';
import { probeValues } from './distributions.ts';
import { TaskInputError } from './errors.ts';
import { getAtPath, setAtPath } from './paths.ts';
import type { CommonSpec, OutputSpec } from './spec.ts';

/**
 * Running the subtask at one design point: values are set by path on a copy of the raw subtask scenario,
 * which is then validated like any scenario file (so an out-of-range value gets the schema's own message),
 * run with its registered task (plan → units → reduce, here in one thread: the point is the unit), and the
 * requested outputs are read from its result.
 */

/** The subtask seed of a point and replicate: shared by all points with common random numbers. */
export function subtaskSeed(rootSeed: number, crn: boolean, point: number, replicate: number): number {
  const path = crn ? ['subtask', 'replicate', replicate] : ['subtask', 'point', point, 'replicate', replicate];
  return Number(deriveKey(rootSeed, path) >> 11n);
}

/** The validated subtask scenario with `values` set at the parameters' paths; bad values throw TaskInputError. */
export function pointScenario(spec: Pick<CommonSpec, 'subtask' | 'parameters'>, values: readonly number[]): Scenario {
  const raw = structuredClone(spec.subtask);
  delete raw.seed; // the task derives the subtask seed; a seed in the file would be ignored anyway
  const lines: string[] = [];
  spec.parameters.forEach((p, i) => {
    const err = setAtPath(raw, p.path, values[i]);
    if (err) lines.push(`parameters.${i}.path = ${JSON.stringify(p.path)}: ${err}`);
    (p.alsoPaths ?? []).forEach((q, k) => {
      const e = setAtPath(raw, q, values[i]);
      if (e) lines.push(`parameters.${i}.alsoPaths.${k} = ${JSON.stringify(q)}: ${e}`);
    });
  });
  if (lines.length) throw new TaskInputError(lines);
  const r = validateScenario(raw);
  if (!r.ok) {
    throw new TaskInputError(r.issues.map((iss) => {
      const hits = (q: string) => iss.path === q || iss.path.startsWith(`${q}.`) || q.startsWith(`${iss.path}.`);
      const i = spec.parameters.findIndex((p) => hits(p.path) || (p.alsoPaths ?? []).some(hits));
      return i >= 0 ? `parameters.${i}.path = ${JSON.stringify(spec.parameters[i].path)}: ${formatIssue({ ...iss, line: undefined }, 'subtask')}` : formatIssue({ ...iss, line: undefined }, 'subtask');
    }));
  }
  return r.value;
}

/** Checks up front that every parameter path exists and accepts its extreme values (min and max). */
export function checkParameters(spec: Pick<CommonSpec, 'subtask' | 'parameters'>): void {
  if (typeof spec.subtask.scenarioFile === 'string') throw new TaskInputError([`subtask.scenarioFile = ${JSON.stringify(spec.subtask.scenarioFile)}: must be resolved into an inline scenario by the caller`]);
  const lows = spec.parameters.map((p) => probeValues(p)[0]);
  const highs = spec.parameters.map((p) => probeValues(p)[1]);
  pointScenario(spec, lows);
  pointScenario(spec, highs);
}

/** Runs a validated scenario with its registered task in this thread (sub-units one after another). */
export async function runScenarioTask(scenario: Scenario, seed: number, ctx: UnitContext): Promise<TaskOutput> {
  const task = taskForScenario(scenario);
  const units = task.plan(scenario, seed);
  const results: unknown[] = [];
  for (let i = 0; i < units.length; i++) {
    ctx.checkpoint();
    const sub = { ...ctx, onProgress: (p: { fraction: number; stage: string }) => ctx.onProgress?.({ fraction: (i + p.fraction) / units.length, stage: p.stage }) };
    results.push(await task.runUnit(scenario, units[i], seed, sub));
  }
  return task.reduce(scenario, results, seed);
}

/** A number read from a result, or why nothing could be read. */
export type Readout = { ok: true; value: number } | { ok: false; reason: string };

function asNumber(v: unknown, path: string): Readout {
  if (typeof v === 'number') return { ok: true, value: v };
  if (v === null) return { ok: true, value: Number.NaN }; // e.g. a threshold never reached
  if (typeof v === 'boolean') return { ok: true, value: v ? 1 : 0 };
  return { ok: false, reason: `'${path}' is ${Array.isArray(v) ? 'a list' : typeof v}, not a number` };
}

function readAtDay(output: TaskOutput, o: OutputSpec & { day: number }): Readout {
  const m = /^tables\.([^.]+)\.(.+)$/.exec(o.path);
  if (!m) return { ok: false, reason: `with day, the path must name a table column: tables.TABLE.COLUMN (tables: ${Object.keys(output.tables).join(', ')})` };
  const table = output.tables[m[1]];
  if (!table) return { ok: false, reason: `no table '${m[1]}' (tables: ${Object.keys(output.tables).join(', ')})` };
  const col = table[m[2]];
  const day = table.day;
  if (!col || !day) return { ok: false, reason: `table '${m[1]}' has no column '${m[2]}' or no day column (columns: ${Object.keys(table).join(', ')})` };
  const rows: number[] = [];
  for (let i = 0; i < day.length; i++) {
    if (Object.entries(o.where ?? {}).every(([k, v]) => table[k] !== undefined && String(table[k][i]) === String(v))) rows.push(i);
  }
  if (rows.length === 0) return { ok: false, reason: `no rows of '${m[1]}' match where ${JSON.stringify(o.where)}` };
  const t = rows.map((i) => Number(day[i]));
  const y = rows.map((i) => Number(col[i]));
  if (o.day < t[0] || o.day > t[t.length - 1]) return { ok: false, reason: `day ${o.day} is outside the table's days ${t[0]}-${t[t.length - 1]}` };
  for (let k = 1; k < t.length; k++) {
    if (t[k] >= o.day) return { ok: true, value: t[k] === t[k - 1] ? y[k] : y[k - 1] + ((o.day - t[k - 1]) / (t[k] - t[k - 1])) * (y[k] - y[k - 1]) };
  }
  return { ok: true, value: y[0] };
}

/** Reads one output from a subtask result: summary path, table column at a day, or a derived readout. */
export function readOutput(output: TaskOutput, o: OutputSpec): Readout {
  if (o.day !== undefined) return readAtDay(output, { ...o, day: o.day });
  const inSummary = getAtPath(output.summary, o.path);
  if (inSummary.found) return asNumber(inSummary.value, o.path);
  const [head, ...rest] = o.path.split('.');
  const derived = derivedReadout(output.task, head);
  if (derived && rest.length) {
    const d = getAtPath(derived.compute(output), rest.join('.'));
    if (d.found) return asNumber(d.value, o.path);
  }
  const extra = derivedReadoutNames(output.task);
  return { ok: false, reason: `names nothing in the ${output.task} result (top-level summary keys: ${Object.keys(output.summary).join(', ')}${extra.length ? `; derived: ${extra.join(', ')}` : ''})` };
}

/** What one unit returns: the outputs' values in spec order, and the outputs that named nothing. */
export interface PointResult {
  values: number[];
  missing: string[];
}

/** Runs the subtask at one point and reads every output (a missing output is reported, not thrown). */
export async function evaluatePoint(spec: CommonSpec, values: readonly number[], seed: number, ctx: UnitContext): Promise<PointResult> {
  const output = await runScenarioTask(pointScenario(spec, values), seed, ctx);
  const out: PointResult = { values: [], missing: [] };
  spec.outputs.forEach((o, i) => {
    const r = readOutput(output, o);
    out.values.push(r.ok ? r.value : Number.NaN);
    if (!r.ok) out.missing.push(`outputs.${i}.path = ${JSON.stringify(o.path)}: ${r.reason}`);
  });
  return out;
}

/** Throws TaskInputError when any unit reported outputs that named nothing (listed once each). */
export function assertOutputsFound(results: readonly PointResult[]): void {
  const missing = new Set<string>();
  for (const r of results) for (const m of r.missing) missing.add(m);
  if (missing.size) throw new TaskInputError([...missing]);
}
