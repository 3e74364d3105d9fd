import { z } from 'zod';
import { RandomStream } from '../../core/random/stream.ts';
import { morrisIndices, type MorrisDesign } from '../methods/morris.ts';
import { sobolIndices, type SaltelliDesign } from '../methods/saltelli.ts';
import type { Task, UnitSession } from '../task.ts';
import type { Table, TaskOutput } from '../types.ts';
import { hasBounds } from './distributions.ts';
import { catalogParametersSchema, withCatalogParameters } from './catalogParameters.ts';
import { commonFields, isKind, kindGiven, MAX_UNITS, outputLabel, parameterLabel, parameterSchema } from './spec.ts';
import { morrisStage, screenSelection, sobolStage, stageMeans, type Stage } from './sensitivityStages.ts';
import { driversOf, indicatorProbabilities, type Drivers, type IndicatorProbability } from './sensitivitySummary.ts';
import { assertOutputsFound, checkParameters, evaluatePoint, type PointResult } from './subtask.ts';
import { runsTable, type PointUnit } from './table.ts';

/**
 * `follisim sensitivity`: Morris screening (μ*, σ) or variance-based Sobol indices (S1, ST with bootstrap
 * intervals) of the outputs with respect to the parameters; one unit per design point × replicate, the
 * outputs averaged over replicates before the indices are computed. With `sobol.screen`, a Morris screen
 * over all parameters comes first and the Sobol stage covers the `top` parameters (sensitivityStages.ts);
 * the stages are two batches of a session (Task.iterate), the second depending on the first's results.
 */
export const sensitivitySpecSchema = z
  .strictObject({
    ...commonFields('sensitivity'),
    parameters: z.array(parameterSchema).max(500).default([]).describe('parameters by path (added to catalogParameters)'),
    catalogParameters: catalogParametersSchema.optional().describe('also vary every catalog parameter of a provenance kind that a model reads, over its catalog range'),
    method: z.enum(['morris', 'sobol']),
    morris: z
      .strictObject({
        trajectories: z.number().int().min(2).max(10_000).default(10),
        levels: z.number().int().min(2).max(64).default(4).refine((p) => p % 2 === 0, 'must be even (Morris 1991: Δ = p / (2(p − 1)))'),
        candidates: z.number().int().min(2).max(1000).optional().describe('draw this many trajectories and keep the `trajectories` most spread out (Campolongo 2007)'),
      })
      .prefault({}),
    sobol: z
      .strictObject({
        samples: z.number().int().min(2).max(MAX_UNITS).default(64).describe('base sample size N; runs = N (parameters + 2)'),
        bootstrap: z.number().int().min(0).max(10_000).default(500),
        confidence: z.number().gt(0).lt(1).default(0.95),
        base: z.enum(['sobol', 'random']).default('sobol'),
        screen: z
          .strictObject({
            top: z.number().int().min(1).max(500).default(6).describe('parameters kept for the Sobol stage, by Morris μ*'),
            outputs: z.array(z.string()).min(1).optional().describe('outputs (names or paths) whose μ* ranks the parameters (default: all)'),
          })
          .optional()
          .describe('run a Morris screen (morris settings) over all parameters first; Sobol on the top ones, the others as one group'),
      })
      .prefault({}),
  })
  .transform(({ catalogParameters, ...s }) => ({ ...s, parameters: withCatalogParameters(s.parameters, catalogParameters), catalogParameters }))
  .superRefine((s, ctx) => {
    kindGiven(s, ctx);
    const k = s.parameters.length;
    if (k === 0) ctx.addIssue({ code: 'custom', path: ['parameters'], message: 'needs at least one parameter' });
    if (s.method === 'morris') s.parameters.forEach((p, i) => {
      if (!hasBounds(p)) ctx.addIssue({ code: 'custom', path: ['parameters', i, 'distribution'], message: 'Morris screening needs a bounded range (min/max, uniform or loguniform)' });
    });
    const screened = s.method === 'sobol' && s.sobol.screen !== undefined;
    const factors = screened ? Math.min(k, s.sobol.screen!.top) + (k > s.sobol.screen!.top ? 1 : 0) : k;
    const morrisRuns = s.morris.trajectories * (k + 1);
    const runs = (s.method === 'morris' ? morrisRuns : s.sobol.samples * (factors + 2) + (screened ? morrisRuns : 0)) * s.replicates;
    if (runs > MAX_UNITS) ctx.addIssue({ code: 'custom', path: [s.method, s.method === 'morris' ? 'trajectories' : 'samples'], message: `${runs} runs, above the limit of ${MAX_UNITS}` });
    if (screened) {
      s.parameters.forEach((p, i) => {
        if (!hasBounds(p)) ctx.addIssue({ code: 'custom', path: ['parameters', i, 'distribution'], message: 'a Morris screen needs a bounded range (min/max, uniform or loguniform)' });
      });
      const names = new Set(s.outputs.flatMap((o) => [outputLabel(o), o.path]));
      s.sobol.screen!.outputs?.forEach((o, i) => {
        if (!names.has(o)) ctx.addIssue({ code: 'custom', path: ['sobol', 'screen', 'outputs', i], message: `names no output (outputs: ${s.outputs.map(outputLabel).join(', ')})` });
      });
    }
    s.outputs.forEach((o, i) => {
      if (o.indicator && s.method === 'morris') ctx.addIssue({ code: 'custom', path: ['outputs', i, 'indicator'], message: 'probabilities come from the base samples of a Sobol design (method: sobol); Morris points are not a sample of the parameter space' });
    });
  });

export type SensitivitySpec = z.output<typeof sensitivitySpecSchema>;

/** The first stage: the only one, or the Morris screen of a screened Sobol run. */
function firstStage(spec: SensitivitySpec, seed: number): Stage {
  return spec.method === 'morris' || spec.sobol.screen ? morrisStage(spec, seed) : sobolStage(spec, seed);
}

/** The Sobol stage after a screen, from the screen's results. */
function screenedStage(spec: SensitivitySpec, seed: number, screen: Stage, results: readonly PointResult[]): { stage: Stage; kept: number[]; score: number[]; outputs: string[] } {
  const sel = screenSelection(spec, screen, stageMeans(spec, screen, results));
  return { stage: sobolStage(spec, seed, sel.kept, screen.points), ...sel };
}

/** One row per parameter and output: Morris (mu, muStar, sigma) or Sobol (S1, ST and their intervals). */
export interface SensitivityRow {
  output: string;
  parameter: string;
  [measure: string]: string | number;
}

export type SensitivityOutput = TaskOutput & {
  spec: SensitivitySpec;
  /** Indices of the last stage (Morris, or Sobol). */
  indices: SensitivityRow[];
  /** Morris rows of the screen (screened Sobol runs; equal to `indices` for Morris runs). */
  screen: SensitivityRow[];
  probabilities: IndicatorProbability[];
  drivers: Drivers[];
};

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);

function morrisRows(stage: Stage, outputs: readonly string[], means: readonly Float64Array[]): SensitivityRow[] {
  return outputs.flatMap((output, o) => {
    const m = morrisIndices(stage.design as MorrisDesign, means[o]);
    return stage.factors.map((parameter, j) => ({ output, parameter, mu: round(m.mu[j]), muStar: round(m.muStar[j]), sigma: round(m.sigma[j]) }));
  });
}

function sobolRows(spec: SensitivitySpec, seed: number, stage: Stage, outputs: readonly string[], means: readonly Float64Array[]): SensitivityRow[] {
  return outputs.flatMap((output, o) => {
    const rng = RandomStream.fromSeed(seed, ['sensitivity', 'bootstrap', o]);
    const s = sobolIndices(stage.design as SaltelliDesign, means[o], rng, spec.sobol.bootstrap, spec.sobol.confidence);
    return stage.factors.map((parameter, j) => ({ output, parameter, S1: round(s.S1[j]), S1Low: round(s.S1Low[j]), S1High: round(s.S1High[j]), ST: round(s.ST[j]), STLow: round(s.STLow[j]), STHigh: round(s.STHigh[j]), variance: round(s.variance) }));
  });
}

function tableOf(rows: readonly SensitivityRow[]): Record<string, number[] | string[]> {
  const t: Record<string, (string | number)[]> = {};
  for (const key of Object.keys(rows[0] ?? {})) t[key] = rows.map((r) => r[key]);
  return t as Record<string, number[] | string[]>;
}

/** Batches: the first stage, then (screened Sobol) the Sobol stage chosen from its results. */
function session(spec: SensitivitySpec, seed: number): UnitSession<PointUnit, PointResult> {
  checkParameters(spec);
  const first = firstStage(spec, seed);
  let step = 0;
  let done = 0;
  const screen = spec.method === 'sobol' ? spec.sobol.screen : undefined;
  const k = spec.parameters.length;
  // the Sobol stage's size is known before the screen has chosen its parameters
  const total = first.units.length + (screen ? spec.sobol.samples * (Math.min(k, screen.top) + (k > screen.top ? 1 : 0) + 2) * spec.replicates : 0);
  return {
    next(results) {
      step++;
      done += results.length;
      if (step === 1) return first.units;
      if (step === 2 && screen) {
        assertOutputsFound(results);
        return screenedStage(spec, seed, first, results).stage.units;
      }
      return [];
    },
    progress: () => Math.min(1, done / total),
  };
}

export const sensitivityTask: Task<SensitivitySpec, PointUnit, PointResult, SensitivityOutput> = {
  name: 'sensitivity',
  description: 'Morris elementary effects (μ*, σ) or Sobol indices (Saltelli design, Jansen estimators, bootstrap CI) of a subtask',
  accepts: (s) => isKind(s, 'sensitivity'),
  // every run goes through the session (one batch, or screen then Sobol); plan is the one-stage design
  plan: (spec, seed) => (spec.method === 'sobol' && spec.sobol.screen ? [] : (checkParameters(spec), firstStage(spec, seed).units)),
  iterate: session,
  runUnit: (spec, unit, _seed, ctx) => evaluatePoint(spec, unit.values, unit.seed, ctx),
  reduce(spec, results, seed) {
    assertOutputsFound(results);
    const ol = spec.outputs.map(outputLabel);
    const first = firstStage(spec, seed);
    const firstResults = results.slice(0, first.units.length);
    const screened = spec.method === 'sobol' && spec.sobol.screen ? screenedStage(spec, seed, first, firstResults) : null;
    const last = screened ? screened.stage : first;
    const lastResults = screened ? results.slice(first.units.length) : firstResults;
    const units = [...first.units, ...(screened ? screened.stage.units : [])];
    if (results.length !== units.length) throw new Error(`sensitivity: ${results.length} results for ${units.length} units`);
    const screenRows = first.kind === 'morris' ? morrisRows(first, ol, stageMeans(spec, first, firstResults)) : [];
    const rows = last.kind === 'morris' ? screenRows : sobolRows(spec, seed, last, ol, stageMeans(spec, last, lastResults));
    const probabilities = last.kind === 'sobol' ? indicatorProbabilities(spec, last, lastResults, spec.sobol.confidence) : [];
    const drivers = driversOf(ol, screenRows, last.kind === 'sobol' ? rows : []);
    const pl = spec.parameters.map(parameterLabel);
    const tables: Record<string, Table> = { runs: runsTable(spec, units, results), indices: tableOf(rows) };
    if (screened) tables.screen = tableOf(screenRows);
    return {
      task: 'sensitivity',
      summary: {
        kind: 'sensitivity',
        name: spec.name,
        method: spec.method,
        settings: spec.method === 'morris' ? spec.morris : spec.sobol,
        ...(screened ? { screen: { morris: spec.morris, runs: first.units.length, kept: screened.kept.map((j) => pl[j]), rankedBy: screened.outputs, otherParameters: pl.length - screened.kept.length } } : {}),
        runs: units.length,
        replicates: spec.replicates,
        commonRandomNumbers: spec.commonRandomNumbers,
        subtask: { model: spec.subtask.model },
        parameters: spec.parameters.map((p, j) => ({ name: pl[j], path: p.path, min: p.min, max: p.max, scale: p.scale })),
        probabilities,
        drivers,
        indices: rows,
        ...(screened ? { screenIndices: screenRows } : {}),
      },
      tables,
      solver: spec.method === 'morris' ? { method: 'Morris 1991 trajectories, μ* (Campolongo 2007)' } : { method: `${screened ? 'Morris screen (μ*), then ' : ''}Saltelli 2010 radial design, Jansen 1999 estimators, percentile bootstrap` },
      stats: { runs: units.length },
      streams: ['sensitivity/design', ...(screened ? ['sensitivity/design/sobol'] : []), 'sensitivity/bootstrap', 'subtask/…'],
      spec,
      indices: rows,
      screen: screenRows,
      probabilities,
      drivers,
    };
  },
};
