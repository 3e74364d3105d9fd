/**
 * The files of a finished run (summary.json, one CSV per table, pictures, report.html, manifest.json), built
 * without I/O so the CLI, the HTTP server and the web lab write byte-for-byte the same set. Imports only the
 * platform-neutral core: the web lab bundles this module for the browser.
 */
import { toCsv } from '../core/recorder.ts';
import { resultJson } from '../results/json.ts';
import { buildManifest, type RunEnvironment, type RunManifest } from '../results/manifest.ts';
import type { TaskRun } from '../tasks/runTask.ts';
import { VERSION } from '../version.ts';
import { buildRunArtifacts, type AttachedResults } from './artifacts.ts';

/** File path inside the run folder → content. */
export type RunFileSet = Record<string, string | Uint8Array>;

export interface RunFilesInput {
  /** The finished task run (output, seed, executor). */
  run: Pick<TaskRun, 'output' | 'seed' | 'seedGenerated' | 'executor'>;
  /** The validated scenario as submitted (the seed is filled in here). */
  scenario: object;
  startedAt: Date;
  finishedAt: Date;
  environment: RunEnvironment;
  /** Input files by name (the scenario text), recorded with their hashes in the manifest. */
  inputs: Record<string, string | Uint8Array>;
  /** Extra solver facts for the manifest (e.g. threads). */
  solver?: Record<string, unknown>;
  /** Results of other runs shown in the report (their files belong in `inputs`). */
  attached?: AttachedResults;
}

/** Every file of a run folder, manifest.json last (it lists the others with their hashes). */
export function runFiles(input: RunFilesInput): { files: RunFileSet; manifest: RunManifest } {
  const { output, seed } = input.run;
  const manifestOf = (outputs: RunFileSet): RunManifest =>
    buildManifest({
      version: VERSION,
      output,
      scenario: { ...input.scenario, seed },
      seed,
      seedGenerated: input.run.seedGenerated,
      solver: { ...output.solver, ...input.solver, executor: input.run.executor },
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      environment: input.environment,
      inputs: input.inputs,
      outputs,
    });
  const files: RunFileSet = { 'summary.json': resultJson(output.summary) };
  for (const [name, table] of Object.entries(output.tables)) files[`${name}.csv`] = toCsv(table);
  // the report shows run facts (seed, version, timing) that do not depend on the file list
  Object.assign(files, buildRunArtifacts(output, manifestOf({}), input.attached));
  const manifest = manifestOf(files);
  files['manifest.json'] = resultJson(manifest);
  return { files, manifest };
}
