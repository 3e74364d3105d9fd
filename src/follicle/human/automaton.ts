import { IntervalRecorder } from '../../core/recorder.ts';
import type { RandomSource, RandomStream } from '../../core/random/stream.ts';
import { Substreams } from '../../core/random/substreams.ts';
import { sampleBeta } from '../../core/random/samplers.ts';
import type { BehaviourSchedule } from '../schedule.ts';
import { HumanBehaviourView } from './behaviourView.ts';
import { anagenMeanS, latencyMeanS, recoveryStep, type HumanScalpModel } from './model.ts';

/**
 * Stochastic follicular automaton of the human scalp, after Halloy et al. (PNAS 2000; J Theor Biol 2002):
 * independent follicles cycle anagen → catagen → telogen → (latency with probability p) → anagen, with
 * lognormal phase durations drawn at phase entry. AGA: at every new anagen the follicle's relative size m
 * shrinks by the factor (1 − δ·x), x = androgen level × regional sensitivity × follicle susceptibility;
 * anagen shortens and latency lengthens with m, the shaft thins; below a threshold the follicle is dormant.
 * With recovery ρ > 0 a follicle whose exposure falls below its untreated x₀ regains ρ(1 − x/x₀) of its gap
 * to its genetic size per cycle; with an onset spread each follicle's exposure is 0 before its own AGA onset.
 *
 * Follicles are independent, so the automaton is event-driven follicle by follicle: each follicle's whole
 * history is generated at once and written into an IntervalRecorder (difference arrays), which makes the
 * cost O(events · log samples) with no heap and no per-event allocation.
 *
 * Behaviour schedules (see HumanBehaviourView) reach a follicle at its events: the resting-phase exit
 * hazard by piecewise-constant proportional-hazards inversion of the same random number, anagen's clock
 * running at 1/f(t) (its end found at entry from the known schedule), size retention and androgen exposure at each new cycle. Without a
 * schedule (or where it is 1) every line below computes exactly what it did before, with the same draws.
 */

export const PHASE = { anagen: 0, catagen: 1, telogen: 2, latency: 3, dormant: 4 } as const;

/** Recorder channels per region (index = region * CHANNELS + channel). */
export const CH = {
  anagen: 0,
  catagen: 1,
  telogen: 2,
  latency: 3,
  dormant: 4,
  hairs: 5,
  terminalHairs: 6,
  diameterSumUm: 7,
  miniaturized: 8,
} as const;
export const CHANNELS = 9;
/** Point events (hairs shed at the end of telogen) are recorded on event channel = region index. */

/** Totals the automaton counts while it runs. */
export interface AutomatonStats {
  follicles: number;
  events: number;
  cyclesStarted: number;
  turnedDormant: number;
}

/** Progress callback: fraction of follicles done (0-1). */
export type ProgressFn = (fraction: number) => void;

/**
 * Per-follicle state at a few samples (what a photograph of the area shows), filled by the run when asked
 * for; the counts are the sums of it. Follicle j is the j-th of the run (from firstFollicle, regions in order).
 */
export interface FollicleSnapshot {
  /** Sample indices (into the run's `times`). */
  samples: readonly number[];
  follicles: number;
  /** [s·follicles + j]: phase (PHASE) of follicle j at samples[s]. */
  phase: Uint8Array;
  /** [s·follicles + j]: diameter (µm) of the shaft it holds; 0 without one (latency, dormant). */
  shaftUm: Float64Array;
}

/** An empty snapshot of `follicles` follicles at the given sample indices. */
export function createFollicleSnapshot(samples: readonly number[], follicles: number): FollicleSnapshot {
  return { samples: [...samples], follicles, phase: new Uint8Array(samples.length * follicles), shaftUm: new Float64Array(samples.length * follicles) };
}

/** Writes follicle j's state over the sample span [k0, k1) into the snapshot. */
function capture(snap: FollicleSnapshot, j: number, k0: number, k1: number, phase: number, shaftUm: number): void {
  for (let s = 0; s < snap.samples.length; s++) {
    const k = snap.samples[s];
    if (k >= k0 && k < k1) {
      snap.phase[s * snap.follicles + j] = phase;
      snap.shaftUm[s * snap.follicles + j] = shaftUm;
    }
  }
}

/** Runs the automaton over [0, endS] and records every region into a recorder at `times` (s). */
export function runHumanAutomaton(
  model: HumanScalpModel,
  endS: number,
  times: Float64Array,
  rng: RandomStream,
  onProgress?: ProgressFn,
  behaviour?: BehaviourSchedule,
  firstFollicle = 0,
  /** Filled with every follicle's phase and shaft at its samples (only for the few runs that draw them). */
  snapshot?: FollicleSnapshot,
): { recorder: IntervalRecorder; stats: AutomatonStats } {
  const nRegions = model.regionIds.length;
  const rec = new IntervalRecorder(times, nRegions * CHANNELS);
  const stats: AutomatonStats = { follicles: 0, events: 0, cyclesStarted: 0, turnedDormant: 0 };
  let total = 0;
  for (let r = 0; r < nRegions; r++) total += model.regionFollicles[r];
  const progressEvery = Math.max(1, Math.floor(total / 100));

  const anaSigma = model.anagenSigma;
  const anaHalfVar = 0.5 * anaSigma * anaSigma;
  const latSigma = model.latencySigma;
  const latHalfVar = 0.5 * latSigma * latSigma;
  const cat = model.catagen;
  const tel = model.telogen;
  const pL = model.latencyProbability;
  const delta = model.miniaturizationPerCycle;
  const rho = model.recoveryPerCycle;
  const onsetSpread = model.follicleOnsetSpreadS;
  const thresholdM = model.terminalThresholdM;
  const dV = model.vellusDiameterM;
  const betaA = model.susceptibilityA;
  const betaB = model.susceptibilityB;
  const constantSusceptibility = Number.isNaN(betaA);
  const nSamples = times.length;
  const view = behaviour ? new HumanBehaviourView(behaviour) : undefined;
  // perFollicle: follicle g draws from counter-based substream g of a family keyed by rng, so a change to
  // one follicle's history leaves every other follicle's draws alone (common random numbers across
  // schedules), and selecting a follicle's stream costs no allocation.
  const perFollicleStreams = model.randomStreams === 'perFollicle';
  const family = perFollicleStreams ? new Substreams(rng.uint32(), rng.uint32()) : undefined;
  // Follicles are numbered from firstFollicle, so a scalp can be run in pieces (follicles [0, k) then
  // [k, n) with the second piece's counts shifted by k) and the pieces' recorders summed: with per-follicle
  // streams the follicles draw exactly what they draw in one run.
  let index = firstFollicle;

  for (let r = 0; r < nRegions; r++) {
    const base = r * CHANNELS;
    const exposureScale = model.androgenLevel * model.regionSensitivity[r];
    for (let j = 0; j < model.regionFollicles[r]; j++, index++) {
      const frng: RandomSource = family ? family.select(index) : rng;
      const active = view !== undefined && view.select(r, index);
      // Per-follicle traits, drawn in a fixed order.
      const dT = Math.max(dV * 1.01, model.terminalDiameterMeanM + model.terminalDiameterSdM * frng.normal());
      const susceptibility = constantSusceptibility ? betaB : sampleBeta(frng, betaA, betaB);
      const exposure = Math.min(1, exposureScale * susceptibility);
      const shrink = Math.max(0, 1 - delta * exposure);
      const nc = Math.max(1, Math.round(model.criticalCyclesMean + model.criticalCyclesSd * frng.normal()));
      const thresholdSize = (thresholdM - dV) / (dT - dV);
      let size = 1;
      if (frng.uniform() < model.vellusFraction) size = 0.5 * (model.dormantThreshold + Math.min(1, thresholdSize));
      // A genetically vellus follicle recovers only to its own vellus size, never to terminal.
      const geneticSize = size;
      // The follicle's own AGA onset (drawn only when spread, so the draws of spread 0 are the old ones).
      const onsetS = onsetSpread > 0 ? onsetSpread * frng.uniform() : 0;
      let cycles = 0;

      // Initial phase and time to its end.
      let phase: number;
      let end: number;
      const meanA = anagenMeanS(model, size);
      if (model.initialization === 'anagenOnset') {
        phase = PHASE.anagen;
        end = Math.exp(Math.log(meanA) - anaHalfVar + anaSigma * frng.normal());
        if (active) end = view.anagenLengthS(end, 0);
      } else {
        // Renewal equilibrium: phase chosen with probability ∝ its mean share of the cycle, residual time
        // = U × a length-biased draw (for a lognormal: μ → μ + σ²).
        const meanL = latencyMeanS(model, size);
        const wA = meanA;
        const wC = Math.exp(cat.mu + 0.5 * cat.sigma * cat.sigma);
        const wT = Math.exp(tel.mu + 0.5 * tel.sigma * tel.sigma);
        const wL = pL * meanL;
        const u = frng.uniform() * (wA + wC + wT + wL);
        let mu: number;
        let sigma: number;
        if (u < wA) {
          phase = PHASE.anagen;
          sigma = anaSigma;
          mu = Math.log(meanA) - anaHalfVar;
        } else if (u < wA + wC) {
          phase = PHASE.catagen;
          sigma = cat.sigma;
          mu = cat.mu;
        } else if (u < wA + wC + wT) {
          phase = PHASE.telogen;
          sigma = tel.sigma;
          mu = tel.mu;
        } else {
          phase = PHASE.latency;
          sigma = latSigma;
          mu = Math.log(meanL) - latHalfVar;
        }
        const share = frng.uniform();
        const lengthBiased = Math.exp(mu + sigma * sigma + sigma * frng.normal());
        end = share * lengthBiased;
        // A resting phase under way at t = 0 has age lengthBiased − end; its hazard is scaled from t = 0 on.
        // Anagen begun before t = 0 keeps its duration (the multiplier in force at its start was 1).
        if (active && (phase === PHASE.telogen || phase === PHASE.latency)) end = view.restingRemaining(mu, sigma, lengthBiased - end, end, 0);
      }

      let t = 0;
      let k0 = 0;
      for (;;) {
        // Record the current phase over [t, end): sample indices are found once per boundary.
        if (phase === PHASE.dormant) {
          rec.addSpan(base + CH.dormant, k0, nSamples, 1);
          if (snapshot) capture(snapshot, index - firstFollicle, k0, nSamples, PHASE.dormant, 0);
          break;
        }
        const t1 = end >= endS ? Infinity : end;
        const k1 = rec.sampleIndex(t1);
        if (k1 > k0) {
          rec.addSpan(base + phase, k0, k1, 1);
          const d = dV + (dT - dV) * size;
          if (snapshot) capture(snapshot, index - firstFollicle, k0, k1, phase, phase === PHASE.latency ? 0 : d * 1e6);
          if (d < thresholdM) rec.addSpan(base + CH.miniaturized, k0, k1, 1);
          if (phase !== PHASE.latency) {
            rec.addSpan(base + CH.hairs, k0, k1, 1);
            rec.addSpan(base + CH.diameterSumUm, k0, k1, d * 1e6);
            if (d >= thresholdM) rec.addSpan(base + CH.terminalHairs, k0, k1, 1);
          }
        }
        k0 = k1;
        if (t1 === Infinity) break;
        t = end;
        stats.events++;
        if (phase === PHASE.anagen) {
          phase = PHASE.catagen;
          end = t + Math.exp(cat.mu + cat.sigma * frng.normal());
        } else if (phase === PHASE.catagen) {
          phase = PHASE.telogen;
          const d = Math.exp(tel.mu + tel.sigma * frng.normal());
          end = t + (active ? view.restingRemaining(tel.mu, tel.sigma, 0, d, t) : d);
        } else {
          if (phase === PHASE.telogen) {
            rec.addEvent(r, t);
            if (frng.uniform() < pL) {
              phase = PHASE.latency;
              const lMu = Math.log(latencyMeanS(model, size)) - latHalfVar;
              const d = Math.exp(lMu + latSigma * frng.normal());
              end = t + (active ? view.restingRemaining(lMu, latSigma, 0, d, t) : d);
              continue;
            }
          }
          // A new cycle begins: androgen acts on the new anagen.
          cycles++;
          stats.cyclesStarted++;
          const exposed = t >= onsetS;
          if (active) {
            // Exposure and retention in force at this miniaturization step; 1 reproduces `shrink` exactly.
            const a = view.androgenExposure(t);
            const x = !exposed ? 0 : a === 1 ? exposure : Math.min(1, exposureScale * susceptibility * a);
            const keep = view.sizeRetention(t);
            // size·(m·keep) + 0 when ρ = 0: the old product, bit for bit
            size = size * (Math.max(0, 1 - delta * x) * keep) + recoveryStep(size, x, exposure, rho, geneticSize) * keep;
            if (size > 1) size = 1;
          } else if (exposed) {
            size *= shrink; // untreated: x = x₀, nothing to recover
          } else {
            size += recoveryStep(size, 0, exposure, rho, geneticSize);
          }
          if (size < model.dormantThreshold || cycles >= nc) {
            phase = PHASE.dormant;
            stats.turnedDormant++;
            continue;
          }
          phase = PHASE.anagen;
          // The anagen clock runs at 1/f(t): a constant factor scales the draw, a stop mid-anagen shortens the rest.
          const d = Math.exp(Math.log(anagenMeanS(model, size)) - anaHalfVar + anaSigma * frng.normal());
          end = t + (active ? view.anagenLengthS(d, t) : d);
        }
      }
      stats.follicles++;
      if (onProgress && stats.follicles % progressEvery === 0) onProgress(stats.follicles / total);
    }
  }
  return { recorder: rec, stats };
}
