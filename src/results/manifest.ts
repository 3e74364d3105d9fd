import { sha256Hex } from '../core/sha256.ts';
import type { TaskOutput } from './contracts.ts';

/** Where and how a run happened, as the platform shell knows it (Node: provenance.ts; browser: the web lab). */
export interface RunEnvironment {
  /** follisim's own commit (never the surrounding repository's), or null when unknown. */
  commit: string | null;
  /** Runtime and machine facts (node version, os, arch, cpu, cores or the browser's user agent). */
  platform: Record<string, string>;
  /** Installed versions of follisim's runtime dependencies. */
  dependencies: Record<string, string>;
  /** The exact command line or API call that started the run. */
  commandLine: string[];
}

/** An input or output file with its size and content hash. */
export interface FileRecord {
  path: string;
  bytes: number;
  sha256: string;
  /** Units of the columns of a table (CSV). */
  columns?: { name: string; unit: string }[];
}

/** The record written beside every run's results: enough to reproduce and to audit it. */
export interface RunManifest {
  tool: 'follisim';
  manifestVersion: 2;
  version: string;
  gitCommit: string | null;
  task: string;
  /** The scenario after validation, with every default filled in and the seed resolved. */
  scenario: unknown;
  seeds: { root: number; generated: boolean; streams: string[] };
  solver: Record<string, unknown>;
  timing: { startedAt: string; finishedAt: string; wallS: number };
  platform: Record<string, string>;
  dependencies: Record<string, string>;
  commandLine: string[];
  inputs: FileRecord[];
  outputs: FileRecord[];
  stats: Record<string, number>;
}

export interface ManifestInput {
  version: string;
  output: TaskOutput;
  scenario: unknown;
  seed: number;
  seedGenerated: boolean;
  solver: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date;
  environment: RunEnvironment;
  /** Input files by path (the scenario file and anything it names). */
  inputs: Record<string, string | Uint8Array>;
  /** Output files by relative path (everything but the manifest itself). */
  outputs: Record<string, string | Uint8Array>;
}

const byteLength = (d: string | Uint8Array): number => (typeof d === 'string' ? new TextEncoder().encode(d).length : d.length);

function records(files: Record<string, string | Uint8Array>, units: Record<string, Record<string, string>> = {}): FileRecord[] {
  return Object.keys(files)
    .sort()
    .map((path) => {
      const rec: FileRecord = { path, bytes: byteLength(files[path]), sha256: sha256Hex(files[path]) };
      const table = path.endsWith('.csv') ? units[path.slice(0, -4)] : undefined;
      if (table) rec.columns = Object.entries(table).map(([name, unit]) => ({ name, unit }));
      return rec;
    });
}

/** Builds the manifest of a finished run (platform-neutral: the shell supplies the environment and the files). */
export function buildManifest(m: ManifestInput): RunManifest {
  return {
    tool: 'follisim',
    manifestVersion: 2,
    version: m.version,
    gitCommit: m.environment.commit,
    task: m.output.task,
    scenario: m.scenario,
    seeds: { root: m.seed, generated: m.seedGenerated, streams: m.output.streams },
    solver: m.solver,
    timing: { startedAt: m.startedAt.toISOString(), finishedAt: m.finishedAt.toISOString(), wallS: Number(((m.finishedAt.getTime() - m.startedAt.getTime()) / 1000).toFixed(3)) },
    platform: m.environment.platform,
    dependencies: m.environment.dependencies,
    commandLine: m.environment.commandLine,
    inputs: records(m.inputs),
    outputs: records(m.outputs, m.output.tableUnits),
    stats: m.output.stats,
  };
}
