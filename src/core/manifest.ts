/** The record written beside every run's results: enough to reproduce and to audit it. */
export interface RunManifest {
  tool: 'follisim';
  version: string;
  gitCommit: string | null;
  task: string;
  /** The scenario after validation, with every default filled in and the seed resolved. */
  scenario: unknown;
  seeds: { root: number; generated: boolean; streams: string[] };
  solver: Record<string, unknown>;
  timing: { startedAt: string; finishedAt: string; wallS: number };
  platform: Record<string, string>;
  stats: Record<string, number>;
}
