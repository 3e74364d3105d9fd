import type { TrialParams } from '../parameters/assemble/trial.ts';
import { createFollicleSnapshot } from '../follicle/human/automaton.ts';
import type { DepthDoseLookup } from './ceriaDepthDose.ts';
import type { MicroenvTable } from './microenvironment.ts';
import { hasShaft, type FollicleView } from './photo.ts';
import { drawSubject } from './population.ts';
import type { TrialScenario } from './schema.ts';
import { prepareSubject, runFollicles, trialModelTemplate } from './subject.ts';

const WEEK = 7 * 86400;

/** A photographed man's target area at the first and the last visit, follicle by follicle. */
export interface VertexState {
  follicles: number;
  /** Shafts at least this thick (µm) count as terminal (the automaton's threshold). */
  terminalThresholdUm: number;
  baseline: { phase: Uint8Array; shaftUm: Float64Array };
  end: { phase: Uint8Array; shaftUm: Float64Array };
}

/**
 * Runs man `subjectId` under arm `arm` once more, all his target-area follicles in one piece, keeping every
 * follicle's phase and shaft at the first and last visits. With per-follicle streams this is the same history
 * his unit simulated (pieces and blocking draw the same numbers), so only the few photographed men pay for
 * per-follicle state, after the randomization has picked them. `microenv`: the trial's coupled microenvironment
 * (the plan's lookup; absent when not coupled), so the man runs exactly as his unit ran.
 */
export function photographFollicles(s: TrialScenario, p: TrialParams, seed: number, subjectId: number, arm: number, depthDose: DepthDoseLookup, microenv?: MicroenvTable): VertexState {
  const template = trialModelTemplate(s, p, microenv);
  const run = prepareSubject(s, template, drawSubject(s, seed, subjectId, p), s.arms[arm], seed, p, depthDose, microenv);
  const at = (week: number) => run.times.indexOf(run.enrolS + week * WEEK);
  const visits = [at(s.visitsWeeks[0]), at(s.visitsWeeks[s.visitsWeeks.length - 1])];
  const snap = createFollicleSnapshot(visits, run.follicles);
  runFollicles(run, subjectId, seed, 0, run.follicles, snap);
  const n = run.follicles;
  const view = (v: number) => ({ phase: snap.phase.slice(v * n, (v + 1) * n), shaftUm: snap.shaftUm.slice(v * n, (v + 1) * n) });
  return { follicles: n, terminalThresholdUm: template.terminalThresholdM * 1e6, baseline: view(0), end: view(1) };
}

/** Hairs and terminal hairs a photograph shows (the counts the run recorded, summed from the follicles). */
export function viewCounts(v: FollicleView, terminalThresholdUm: number): { hairs: number; terminal: number } {
  let hairs = 0;
  let terminal = 0;
  for (let j = 0; j < v.phase.length; j++) {
    if (!hasShaft(v.phase[j], v.shaftUm[j])) continue;
    hairs++;
    if (v.shaftUm[j] >= terminalThresholdUm) terminal++;
  }
  return { hairs, terminal };
}
