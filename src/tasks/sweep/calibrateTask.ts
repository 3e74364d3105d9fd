import type { Task } from '../task.ts';
import type { TaskOutput } from '../types.ts';
import { targetOutputs, type CalibrateSpec } from './calibrateSpec.ts';
import { CalibrationSession, replayCalibration, type CalibrationRecord, type CalibrationUnit, type Evaluation } from './calibrateSession.ts';
import { isKind, parameterLabel } from './spec.ts';
import { checkParameters, evaluatePoint, type PointResult } from './subtask.ts';

/**
 * `follisim calibrate`: fits bounded parameters of a subtask to targets with an optimiser from the method
 * registry, then profiles each parameter. A sequential task: its units come from a CalibrationSession
 * (Task.iterate), each unit one subtask run at one proposed point.
 */

export type CalibrationOutput = TaskOutput & { spec: CalibrateSpec; evaluations: Evaluation[]; record: CalibrationRecord };

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(7)) : x);

export const calibrateTask: Task<CalibrateSpec, CalibrationUnit, PointResult, CalibrationOutput> = {
  name: 'calibrate',
  description: 'fit subtask parameters to targets (Nelder–Mead or CMA-ES with restarts and a budget) with profile-likelihood intervals',
  accepts: (s) => isKind(s, 'calibrate'),
  plan: () => [],
  iterate(spec, seed) {
    checkParameters(spec);
    return new CalibrationSession(spec, seed);
  },
  runUnit: (spec, unit, _seed, ctx) => evaluatePoint({ ...spec, outputs: targetOutputs(spec) }, unit.values, unit.seed, ctx),
  reduce(spec, results, seed) {
    const { evaluations, record } = replayCalibration(spec, seed, results);
    const names = spec.parameters.map(parameterLabel);
    const best = evaluations.reduce((a, b) => (b.objective < a.objective ? b : a));
    const parameters = spec.parameters.map((p, j) => {
      const prof = record.profiles.find((q) => q.parameter === j);
      return {
        name: names[j],
        path: p.path,
        value: round(record.bestValues[j]),
        min: p.min,
        max: p.max,
        ...(prof ? { low: round(prof.low), high: round(prof.high), intervalClosed: prof.closedLow && prof.closedHigh } : {}),
      };
    });
    const fit = spec.targets.map((t, i) => ({
      target: t.name ?? t.output,
      observed: t.observed,
      sd: t.sd,
      simulated: round(best.simulated[i]),
      z: round((best.simulated[i] - t.observed) / t.sd),
    }));
    let running = Number.POSITIVE_INFINITY;
    const trace: Record<string, (number | string)[]> = { evaluation: [], phase: [], objective: [], bestSoFar: [] };
    for (const n of names) trace[n] = [];
    spec.targets.forEach((t, i) => (trace[`sim ${t.name ?? t.output}`] = []));
    for (const e of evaluations) {
      if (e.phase === 'fit') running = Math.min(running, e.objective);
      trace.evaluation.push(e.evaluation);
      trace.phase.push(e.phase.startsWith('profile:') ? `profile ${names[Number(e.phase.slice(8))]}` : e.phase);
      trace.objective.push(round(e.objective));
      trace.bestSoFar.push(round(running));
      names.forEach((n, j) => trace[n].push(e.values[j]));
      spec.targets.forEach((t, i) => trace[`sim ${t.name ?? t.output}`].push(e.simulated[i]));
    }
    const profile: Record<string, (number | string)[]> = { parameter: [], value: [], objective: [] };
    for (const p of record.profiles) {
      p.values.forEach((v, k) => {
        profile.parameter.push(names[p.parameter]);
        profile.value.push(v);
        profile.objective.push(round(p.objective[k]));
      });
    }
    const tables: TaskOutput['tables'] = {
      trace: trace as Record<string, number[]>,
      fit: Object.fromEntries(Object.keys(fit[0]).map((k) => [k, fit.map((r) => r[k as keyof (typeof fit)[0]])])) as Record<string, number[]>,
    };
    if (record.profiles.length) tables.profile = profile as Record<string, number[]>;
    return {
      task: 'calibrate',
      summary: {
        kind: 'calibrate',
        name: spec.name,
        method: spec.method,
        objective: { kind: spec.objective, value: round(record.bestObjective), atEvaluation: best.evaluation },
        evaluations: evaluations.length,
        runs: results.length,
        replicates: spec.replicates,
        commonRandomNumbers: spec.commonRandomNumbers,
        starts: record.fit.starts.map((s) => ({ objective: round(s.f), evaluations: s.evaluations, reason: s.reason })),
        parameters,
        uncertainty: spec.uncertainty.method === 'profile' ? { method: 'profile likelihood', level: spec.uncertainty.level, objectiveIncrease: round(record.threshold) } : { method: 'none' },
        fit,
      },
      tables,
      solver: { optimiser: spec.method, budget: spec.budget, restarts: spec.restarts },
      stats: { evaluations: evaluations.length, runs: results.length },
      streams: ['calibrate/optimiser', 'subtask/…'],
      spec,
      evaluations,
      record,
    };
  },
};
