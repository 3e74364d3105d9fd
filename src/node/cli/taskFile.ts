import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatIssue, parseScenarioText } from '../../core/scenario/parse.ts';
import { scenarioSchema, validateScenario } from '../../scenario/index.ts';
import { calibrateSpecSchema } from '../../tasks/sweep/calibrateSpec.ts';
import { TaskInputError } from '../../tasks/sweep/errors.ts';
import { setAtPath } from '../../tasks/sweep/paths.ts';
import { sensitivitySpecSchema } from '../../tasks/sweep/sensitivityTask.ts';
import { sweepSpecSchema } from '../../tasks/sweep/sweepTask.ts';

/** The sweep-family task files the CLI reads, by command. */
export const TASK_FILE_SCHEMAS = { sweep: sweepSpecSchema, sensitivity: sensitivitySpecSchema, calibrate: calibrateSpecSchema } as const;
export type TaskFileKind = keyof typeof TASK_FILE_SCHEMAS;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TaskInputError([`${path}: cannot read ${what} (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`]);
  }
}

/**
 * Reads and validates a sweep / sensitivity / calibrate file; `subtask.scenarioFile` is resolved relative
 * to the file and replaced by the scenario it names (checked as a scenario on its own first). Bad input
 * throws TaskInputError with one `file:line: field: message` line per problem.
 */
export function loadTaskFile(path: string, kind: TaskFileKind): { spec: Record<string, unknown>; inputs: Record<string, string> } {
  const text = readText(path, `${kind} file`);
  const r = parseScenarioText(TASK_FILE_SCHEMAS[kind], text);
  if (!r.ok) throw new TaskInputError(r.issues.map((i) => formatIssue(i, path)));
  const spec = r.value as Record<string, unknown> & { kind?: string; task?: string; subtask: Record<string, unknown> };
  if ((spec.kind ?? spec.task) !== kind) throw new TaskInputError([`${path}: kind = ${JSON.stringify(spec.kind ?? spec.task)}: this command runs '${kind}' files`]);
  const inputs: Record<string, string> = { [path]: text };
  if (typeof spec.subtask.scenarioFile === 'string') {
    const file = resolve(dirname(path), spec.subtask.scenarioFile);
    const sub = readText(file, `subtask.scenarioFile (${spec.subtask.scenarioFile})`);
    inputs[file] = sub;
    const check = parseScenarioText(scenarioSchema, sub);
    if (!check.ok) throw new TaskInputError(check.issues.map((i) => `${formatIssue(i, file)} (subtask.scenarioFile of ${path})`));
    const scenario = parseYaml(sub) as Record<string, unknown>;
    const set = (spec.subtask.set ?? {}) as Record<string, unknown>;
    const bad = Object.entries(set).flatMap(([p, v]) => {
      const err = setAtPath(scenario, p, v);
      return err ? [`${path}: subtask.set.${p}: ${err}`] : [];
    });
    if (bad.length) throw new TaskInputError(bad);
    const after = validateScenario(scenario);
    if (!after.ok) throw new TaskInputError(after.issues.map((i) => `${formatIssue({ ...i, path: `subtask.${i.path}`, line: undefined }, path)} (subtask.scenarioFile with subtask.set)`));
    spec.subtask = scenario;
  } else {
    const check = validateScenario(spec.subtask);
    if (!check.ok) throw new TaskInputError(check.issues.map((i) => formatIssue({ ...i, path: `subtask.${i.path}` }, path)));
  }
  return { spec, inputs };
}
