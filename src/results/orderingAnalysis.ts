import { z } from 'zod';
import type { BinomialInterval } from '../stats/binomial.ts';

/**
 * The result of an ordering analysis (a `follisim sensitivity` run over a mouse study, docs/validation.md
 * §7.5) carried into a mouse-study report as data: read from the analysis folder's summary.json and
 * manifest.json by the platform shell, checked against the study it is attached to, and reduced to what the
 * report shows. Nothing here reads files; the shell passes the parsed JSON, the analysis's study (the
 * manifest's scenario.subtask, validated as a scenario) and the files' hashes.
 */

const num = z.number().nullable(); // NaN is written as null (results/json.ts)

/** The parts of a sensitivity summary.json the report reads (other fields are ignored). */
export const sensitivitySummarySchema = z.object({
  kind: z.literal('sensitivity'),
  name: z.string(),
  method: z.enum(['morris', 'sobol']),
  settings: z.object({ samples: z.number().int().optional() }).loose(),
  screen: z.object({ morris: z.object({ trajectories: z.number().int() }).loose(), runs: z.number().int() }).loose().optional(),
  runs: z.number().int(),
  parameters: z.array(z.object({ name: z.string(), path: z.string() }).loose()),
  probabilities: z.array(
    z.object({ output: z.string(), successes: z.number().int(), n: z.number().int(), estimate: z.number(), low: z.number(), high: z.number(), level: z.number(), undefinedRuns: z.number().int() }),
  ),
  drivers: z.array(
    z.object({
      output: z.string(),
      morris: z.array(z.object({ parameter: z.string(), muStar: num, sigma: num })),
      sobol: z.array(z.object({ parameter: z.string(), S1: num, ST: num, STLow: num, STHigh: num })),
    }),
  ),
});

/** The parts of the analysis's manifest.json: provenance and the resolved spec (its subtask is the study). */
export const sensitivityManifestSchema = z.object({
  tool: z.literal('follisim'),
  version: z.string(),
  gitCommit: z.string().nullable(),
  task: z.literal('sensitivity'),
  seeds: z.object({ root: z.number() }).loose(),
  timing: z.object({ finishedAt: z.string() }).loose(),
  scenario: z
    .object({
      outputs: z.array(z.object({ path: z.string(), name: z.string().optional(), indicator: z.boolean().optional() }).loose()),
      subtask: z.record(z.string(), z.unknown()),
    })
    .loose(),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() }).loose()),
});

export type SensitivitySummaryFile = z.output<typeof sensitivitySummarySchema>;
export type SensitivityManifestFile = z.output<typeof sensitivityManifestSchema>;

type MorrisDriver = SensitivitySummaryFile['drivers'][number]['morris'][number];
type SobolDriver = SensitivitySummaryFile['drivers'][number]['sobol'][number];

/** One ordering "A reaches the coverage threshold before B" as the report shows it. */
export interface OrderingResult extends BinomialInterval {
  armA: string;
  armB: string;
  labelA: string;
  labelB: string;
  /** The indicator output (ordering.A.B.first) and its probability over the base samples. */
  output: string;
  undefinedRuns: number;
  /** Drivers of the indicator, and of the days difference (ordering.A.B.daysDifference) when it was an output. */
  drivers: { output: string; morris: MorrisDriver[]; sobol: SobolDriver[] }[];
}

/** Everything the report and orderings.json say about an attached analysis. */
export interface OrderingAnalysis {
  source: {
    /** The analysis folder as given on the command line. */
    path: string;
    name: string;
    seed: number;
    version: string;
    gitCommit: string | null;
    finishedAt: string;
    summarySha256: string;
    manifestSha256: string;
    /** The analysis's own inputs (sensitivity file, study scenario) with their hashes. */
    inputs: { path: string; sha256: string }[];
  };
  size: {
    method: string;
    runs: number;
    parameters: number;
    morrisTrajectories: number | null;
    sobolSamples: number | null;
    days: number;
    micePerArm: number;
    arms: string[];
  };
  orderings: OrderingResult[];
}

export type OrderingAnalysisResult = { ok: true; value: OrderingAnalysis } | { ok: false, problems: string[] };

const ORDERING_FIRST = /^ordering\.([^.]+)\.([^.]+)\.first$/;

interface Arm { id: string; label?: string }

/** The fields of a validated mouse-study scenario the check reads. */
export interface StudyFields {
  name?: string;
  model: string;
  durationDays?: number;
  animals?: { perArm: number };
  arms?: readonly Arm[];
  endpoints?: { coverageThreshold?: number };
}

/** The first field where two arm definitions differ (dotted path; '' for the value itself), or null. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(a[k], b[k], path ? `${path}.${k}` : k);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : path;
}

const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));
const at = (v: unknown, path: string): unknown => (path === '' ? v : path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v));

/**
 * Checks that the analysis was of this study and reduces it. `study` is the validated scenario of the run
 * the report belongs to, `analysed` the analysis's validated subtask scenario. Same study: the same
 * scenario name and model, the same coverage threshold, and every arm an ordering compares defined
 * identically in both (a different dose or schedule is a different question). The analysis may use fewer mice, fewer days or a subset of the arms: those are its size, shown
 * beside the numbers.
 */
export function orderingAnalysisFrom(
  summary: SensitivitySummaryFile,
  manifest: SensitivityManifestFile,
  study: StudyFields,
  analysed: StudyFields,
  source: { path: string; summarySha256: string; manifestSha256: string },
): OrderingAnalysisResult {
  const problems: string[] = [];
  const s = analysed;
  if (s.model !== 'mouseStudy' || study.model !== 'mouseStudy') return { ok: false, problems: [`the analysis is of a ${s.model} scenario and this run is a ${study.model} scenario; ordering analyses belong to mouse studies (model: mouseStudy)`] };
  if ((s.name ?? '') !== (study.name ?? '')) problems.push(`the analysis is of the study named ${JSON.stringify(s.name ?? '')}, this run is ${JSON.stringify(study.name ?? '')}`);
  if (s.endpoints?.coverageThreshold !== study.endpoints?.coverageThreshold) problems.push(`coverage threshold ${s.endpoints?.coverageThreshold} in the analysis, ${study.endpoints?.coverageThreshold} in this run`);
  if (summary.probabilities.length === 0) problems.push(`summary.json has no probabilities (a Morris-only analysis, or no output marked indicator: run method: sobol with ordering.<A>.<B>.first outputs)`);
  const subArms = new Map((s.arms ?? []).map((a) => [a.id, a]));
  const runArms = new Map((study.arms ?? []).map((a) => [a.id, a]));
  const orderings: OrderingResult[] = [];
  const checked = new Set<string>();
  for (const o of manifest.scenario.outputs) {
    const m = ORDERING_FIRST.exec(o.path);
    if (!m || !o.indicator) continue;
    const [, a, b] = m;
    const label = o.name ?? o.path;
    const p = summary.probabilities.find((q) => q.output === label);
    if (!p) continue;
    for (const id of [a, b]) {
      if (checked.has(id)) continue;
      checked.add(id);
      const mine = runArms.get(id);
      const theirs = subArms.get(id);
      if (!mine) problems.push(`output ${o.path} compares arm '${id}', which this run does not have (arms: ${[...runArms.keys()].join(', ')})`);
      else if (!theirs) problems.push(`output ${o.path} compares arm '${id}', which the analysis's study does not have`);
      else {
        const d = firstDifference(theirs, mine);
        if (d !== null) problems.push(`arm '${id}' is defined differently: arms.${id}.${d} is ${show(at(theirs, d))} in the analysis and ${show(at(mine, d))} in this run (the analysis answers another question)`);
      }
    }
    const diff = manifest.scenario.outputs.find((q) => q.path === `ordering.${a}.${b}.daysDifference`);
    const driverOutputs = [label, ...(diff ? [diff.name ?? diff.path] : [])];
    orderings.push({
      armA: a,
      armB: b,
      labelA: runArms.get(a)?.label ?? a,
      labelB: runArms.get(b)?.label ?? b,
      output: label,
      successes: p.successes,
      n: p.n,
      estimate: p.estimate,
      low: p.low,
      high: p.high,
      level: p.level,
      undefinedRuns: p.undefinedRuns,
      drivers: summary.drivers.filter((d) => driverOutputs.includes(d.output)).map((d) => ({ output: d.output, morris: d.morris, sobol: d.sobol })),
    });
  }
  if (orderings.length === 0 && summary.probabilities.length > 0) problems.push(`no output of the analysis is an ordering indicator with a probability (expected outputs ordering.<A>.<B>.first with indicator: true)`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      source: {
        ...source,
        name: summary.name,
        seed: manifest.seeds.root,
        version: manifest.version,
        gitCommit: manifest.gitCommit,
        finishedAt: manifest.timing.finishedAt,
        inputs: manifest.inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
      },
      size: {
        method: summary.method,
        runs: summary.runs,
        parameters: summary.parameters.length,
        morrisTrajectories: summary.screen?.morris.trajectories ?? null,
        sobolSamples: summary.method === 'sobol' ? summary.settings.samples ?? null : null,
        days: s.durationDays ?? 0,
        micePerArm: s.animals?.perArm ?? 0,
        arms: [...subArms.keys()],
      },
      orderings,
    },
  };
}
