import { z } from 'zod';
import { daysToS } from '../../core/units.ts';
import { BEHAVIOUR_SPECS, FOLLICLE_BEHAVIOURS, withinBounds } from '../behaviour.ts';
import { boundsText, stepFromIntervals, type BehaviourSchedule, type ScheduleInterval, type StepFunction } from '../schedule.ts';

/**
 * The `scalp.behaviour` scenario section: piecewise-constant behaviour multipliers per region over days
 * of the recorded run. Entries on the same (region, behaviour) that overlap multiply (as rules on one
 * behaviour do); the product must stay within the behaviour's bounds. Per-follicle factors are not
 * scenario data: they come from code through the library API (BehaviourSchedule.perFollicle).
 */

const behaviourDoc = FOLLICLE_BEHAVIOURS.map((b) => `${b} ${boundsText(b)}: ${BEHAVIOUR_SPECS[b].meaning}`).join('; ');

/** Schema of one schedule entry, for the given region ids. */
export function behaviourEntrySchema(regionIds: readonly string[]) {
  return z
    .strictObject({
      region: z.enum(['all', ...regionIds] as [string, ...string[]]).describe(`scalp region the entry acts on, or 'all'`),
      behaviour: z.enum(FOLLICLE_BEHAVIOURS).describe(`behaviour multiplied: ${behaviourDoc}`),
      fromDay: z.number().min(0).describe('start of the entry (days since the start of recording, >= 0; spin-up excluded)'),
      toDay: z.number().positive().optional().describe('end of the entry, exclusive (days since the start of recording; omitted = open-ended)'),
      factor: z.number().min(0).describe('multiplier (1 = no effect) within the behaviour bounds'),
    })
    .superRefine((e, ctx) => {
      if (e.toDay !== undefined && !(e.toDay > e.fromDay)) {
        ctx.addIssue({ code: 'custom', path: ['toDay'], input: e.toDay, message: `must be > fromDay (${e.fromDay})` });
      }
      if (!withinBounds(e.behaviour, e.factor)) {
        ctx.addIssue({ code: 'custom', path: ['factor'], input: e.factor, message: `${e.behaviour} factor must lie in ${boundsText(e.behaviour)}` });
      }
    });
}

/** Schema of the whole `behaviour` list: overlapping entries multiply, and the product is bounds-checked. */
export function behaviourListSchema(regionIds: readonly string[]) {
  return z
    .array(behaviourEntrySchema(regionIds))
    .default([])
    .describe('piecewise-constant behaviour multipliers (treatments) by region and day; overlapping entries multiply')
    .superRefine((list, ctx) => {
      for (const region of regionIds) {
        for (const beh of FOLLICLE_BEHAVIOURS) {
          const acts = (e: BehaviourEntry) => (e.region === region || e.region === 'all') && e.behaviour === beh && (e.toDay ?? Infinity) > e.fromDay;
          const idx = list.flatMap((e, i) => (acts(e) ? [i] : []));
          if (idx.length < 2) continue;
          const f = stepFromIntervals(idx.map((i) => dayInterval(list[i], 0)));
          for (let p = 1; p < f.values.length; p++) {
            if (withinBounds(beh, f.values[p])) continue;
            const day = f.breaksS[p - 1];
            const at = idx.find((i) => list[i].fromDay <= day && day < (list[i].toDay ?? Infinity)) ?? idx[0];
            ctx.addIssue({
              code: 'custom',
              path: [at, 'factor'],
              input: list[at].factor,
              message: `overlapping ${beh} entries on ${region} multiply to ${f.values[p]} from day ${day}, outside ${boundsText(beh)}`,
            });
            return;
          }
        }
      }
    });
}

export type BehaviourEntry = z.output<ReturnType<typeof behaviourEntrySchema>>;

/** Interval of an entry on a clock offset by offsetS (s), in seconds (offsetS = 0 and days: see caller). */
function dayInterval(e: BehaviourEntry, offsetS: number, toS: (d: number) => number = (d) => d): ScheduleInterval {
  return { fromS: offsetS + toS(e.fromDay), toS: e.toDay === undefined ? Infinity : offsetS + toS(e.toDay), factor: e.factor };
}

/**
 * Assembles scenario entries into a schedule on the automaton's clock: day d → offsetS + d·86400 s
 * (offsetS = the spin-up). Returns undefined for an empty list, so an untreated run takes the
 * schedule-free path.
 */
export function scheduleFromEntries(entries: readonly BehaviourEntry[], regionIds: readonly string[], offsetS: number): BehaviourSchedule | undefined {
  if (entries.length === 0) return undefined;
  const regions = regionIds.map((region) => {
    const out: Partial<Record<(typeof FOLLICLE_BEHAVIOURS)[number], StepFunction>> = {};
    for (const beh of FOLLICLE_BEHAVIOURS) {
      const mine = entries.filter((e) => (e.region === region || e.region === 'all') && e.behaviour === beh);
      if (mine.length > 0) out[beh] = stepFromIntervals(mine.map((e) => dayInterval(e, offsetS, daysToS)));
    }
    return out;
  });
  return { regions };
}
