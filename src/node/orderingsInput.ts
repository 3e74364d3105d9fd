import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { sha256Hex } from '../core/sha256.ts';
import { orderingAnalysisFrom, sensitivityManifestSchema, sensitivitySummarySchema, type OrderingAnalysis, type StudyFields } from '../results/orderingAnalysis.ts';
import { validateScenario, type Scenario } from '../scenario/index.ts';
import { UserError } from './userError.ts';

/** A summary.json or manifest.json of a results folder is a few hundred kB at most. */
const MAX_FILE_BYTES = 50_000_000;

/** An ordering analysis read for `follisim run --orderings DIR`, with the bytes recorded as run inputs. */
export interface OrderingsInput {
  analysis: OrderingAnalysis;
  /** summary.json and manifest.json of the analysis by path, for the run manifest's inputs. */
  files: Record<string, Uint8Array>;
}

function readJson<S extends z.ZodType>(dir: string, name: string, schema: S, flag: string): { value: z.output<S>; bytes: Uint8Array; path: string } {
  const path = join(dir, name);
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new UserError(`${flag} ${dir}: ${path} is ${size} bytes, more than a results file can be (${MAX_FILE_BYTES})`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${flag} ${dir}: cannot read ${path} (${code === 'ENOENT' ? 'no such file: give the output folder of `follisim sensitivity`' : code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new UserError(`${flag} ${dir}: ${path} is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new UserError(r.error.issues.slice(0, 5).map((i) => `${flag} ${dir}: ${name}: ${i.path.map(String).join('.') || '(top level)'}: ${i.message} (not the output of a \`follisim sensitivity\` run?)`));
  }
  return { value: r.data, bytes, path };
}

/**
 * Reads the output folder of a sensitivity run over the ordering outputs and checks it against the study
 * about to run; every problem is a UserError (exit 2) naming the flag, the path and what is wrong.
 */
export function readOrderingsInput(dir: string, scenario: Scenario, flag = '--orderings'): OrderingsInput {
  const summary = readJson(dir, 'summary.json', sensitivitySummarySchema, flag);
  const manifest = readJson(dir, 'manifest.json', sensitivityManifestSchema, flag);
  const sub = validateScenario(manifest.value.scenario.subtask);
  if (!sub.ok) throw new UserError(sub.issues.slice(0, 5).map((i) => `${flag} ${dir}: manifest.json: scenario.subtask.${i.path}: ${i.message} (the analysed study is not a valid scenario for this version)`));
  const r = orderingAnalysisFrom(summary.value, manifest.value, scenario as StudyFields, sub.value as StudyFields, {
    path: dir,
    summarySha256: sha256Hex(summary.bytes),
    manifestSha256: sha256Hex(manifest.bytes),
  });
  if (!r.ok) throw new UserError(r.problems.map((p) => `${flag} ${dir}: ${p}`));
  return { analysis: r.value, files: { [summary.path]: summary.bytes, [manifest.path]: manifest.bytes } };
}
