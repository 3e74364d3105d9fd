import type { HumanScalpModel } from './model.ts';
import { multiplySchedules, scheduleProblems, shiftStep, type BehaviourSchedule, type StepFunction } from '../schedule.ts';
import { scheduleFromEntries, type BehaviourEntry } from './behaviourSchema.ts';

/**
 * Assembles the behaviour inputs of a human scalp run on the automaton's clock (s since the start of the
 * spin-up): the scenario's `scalp.behaviour` entries times a schedule computed by code (`extra`, on the
 * scenario clock: s since the start of recording, regions in model order, per-follicle arrays in model
 * follicle order). Returns undefined when neither is given, so an untreated run takes the schedule-free
 * path (same draws, same outputs). Throws a RangeError naming every invalid field of `extra`.
 */
export function assembleHumanBehaviour(
  model: HumanScalpModel,
  entries: readonly BehaviourEntry[],
  spinUpS: number,
  extra?: BehaviourSchedule,
): BehaviourSchedule | undefined {
  const fromScenario = scheduleFromEntries(entries, model.regionIds, spinUpS);
  if (!extra) return fromScenario;
  const problems = scheduleProblems(extra, model.regionFollicles);
  if (problems.length > 0) throw new RangeError(`invalid behaviour schedule: ${problems.join('; ')}`);
  const shifted: BehaviourSchedule = {
    regions: extra.regions.map((reg) => {
      const out: Partial<Record<keyof typeof reg, StepFunction>> = {};
      for (const [beh, f] of Object.entries(reg) as [keyof typeof reg, StepFunction | undefined][]) if (f) out[beh] = shiftStep(f, spinUpS);
      return out;
    }),
    ...(extra.perFollicle ? { perFollicle: extra.perFollicle } : {}),
  };
  return fromScenario ? multiplySchedules(fromScenario, shifted) : shifted;
}
