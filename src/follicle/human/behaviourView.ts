import { clampToBounds } from '../behaviour.ts';
import { restingRemainingS } from '../hazardSampling.ts';
import { stepIndex, stepValue, type BehaviourSchedule, type StepFunction } from '../schedule.ts';

/** The step function, or undefined when it is 1 everywhere (so the follicle can skip it). */
function nonNeutral(f: StepFunction | undefined): StepFunction | undefined {
  if (!f) return undefined;
  for (let i = 0; i < f.values.length; i++) if (f.values[i] !== 1) return f;
  return undefined;
}

/**
 * The behaviour schedule as seen by one follicle at a time (the automaton is follicle-major): `select`
 * fixes the follicle's region steps and per-follicle scales once, so the event loop pays nothing for
 * follicles that no schedule reaches. Factors are products per-follicle × regional(t), clamped to the
 * declared bounds. Times are the automaton's clock (s since the start of the spin-up).
 */
export class HumanBehaviourView {
  private readonly schedule: BehaviourSchedule;
  private act: StepFunction | undefined;
  private ana: StepFunction | undefined;
  private keep: StepFunction | undefined;
  private andro: StepFunction | undefined;
  private actScale = 1;
  private anaScale = 1;
  private keepScale = 1;
  private androScale = 1;
  /** Whether anything acts on the selected follicle. */
  active = false;

  constructor(schedule: BehaviourSchedule) {
    this.schedule = schedule;
  }

  /** Selects follicle `index` (model order) of region `region`; returns whether any behaviour acts on it. */
  select(region: number, index: number): boolean {
    const steps = this.schedule.regions[region] ?? {};
    const per = this.schedule.perFollicle;
    this.act = nonNeutral(steps.activation);
    this.ana = nonNeutral(steps.anagenDuration);
    this.keep = nonNeutral(steps.sizeRetention);
    this.andro = nonNeutral(steps.androgenExposure);
    this.actScale = per?.activation?.[index] ?? 1;
    this.anaScale = per?.anagenDuration?.[index] ?? 1;
    this.keepScale = per?.sizeRetention?.[index] ?? 1;
    this.androScale = per?.androgenExposure?.[index] ?? 1;
    this.active =
      this.act !== undefined || this.ana !== undefined || this.keep !== undefined || this.andro !== undefined ||
      this.actScale !== 1 || this.anaScale !== 1 || this.keepScale !== 1 || this.androScale !== 1;
    return this.active;
  }

  /** Anagen duration multiplier in force at tS. */
  anagenFactor(tS: number): number {
    return clampToBounds('anagenDuration', this.anaScale * (this.ana ? stepValue(this.ana, tS) : 1));
  }

  /**
   * Length (s) of an anagen entered at tS whose unscheduled duration is baseS: the anagen's clock runs at
   * 1/f(t) (as in the mouse lattice), so it ends when ∫ dt/f(t) reaches baseS. A factor that does not change
   * before the end gives baseS·f bit for bit (the old fixed-at-entry rule); a stop mid-anagen shortens the rest.
   */
  anagenLengthS(baseS: number, tS: number): number {
    const f = this.ana;
    let k = this.anagenFactor(tS);
    if (!f) return baseS * k;
    let i = stepIndex(f, tS);
    let b = i < f.breaksS.length ? f.breaksS[i] : Infinity;
    if (tS + baseS * k <= b) return baseS * k;
    let left = baseS; // unscheduled anagen still to run
    let t = tS;
    for (;;) {
      if (t + left * k <= b) return t + left * k - tS;
      left -= (b - t) / k;
      t = b;
      i++;
      k = clampToBounds('anagenDuration', this.anaScale * f.values[i]);
      b = i < f.breaksS.length ? f.breaksS[i] : Infinity;
    }
  }

  /** Size retention multiplier in force at tS (applied at the miniaturization step of a new cycle). */
  sizeRetention(tS: number): number {
    return clampToBounds('sizeRetention', this.keepScale * (this.keep ? stepValue(this.keep, tS) : 1));
  }

  /** Androgen exposure multiplier in force at tS (applied at the miniaturization step of a new cycle). */
  androgenExposure(tS: number): number {
    return clampToBounds('androgenExposure', this.androScale * (this.andro ? stepValue(this.andro, tS) : 1));
  }

  /** Remaining time (s) of a resting phase at age ageS whose unscaled remaining draw is remainingS. */
  restingRemaining(mu: number, sigma: number, ageS: number, remainingS: number, tS: number): number {
    return restingRemainingS(mu, sigma, ageS, remainingS, tS, this.act, this.actScale);
  }
}
