import type { RunManifest } from '../../core/manifest.ts';
import type { TaskOutput } from '../../tasks/types.ts';

/** Pictures and reports for a run (plots arrive with the report module); file name → content. */
export function buildRunArtifacts(output: TaskOutput, manifest: RunManifest): Record<string, string | Uint8Array> {
  void output;
  void manifest;
  return {};
}
