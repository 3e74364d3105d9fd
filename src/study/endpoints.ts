import { registerArmEndpoint, armEndpoint } from '../experiment/endpointRegistry.ts';
import { timeToReach } from '../follicle/mouse/run.ts';
import { kaplanMeier, kmMedian } from '../stats/kaplanMeier.ts';
import type { AnimalResult } from './animal.ts';

/** Skin darkness (0 pink - 1 black) at which the back counts as darkened (half of full pigmentation). */
export const DARKENING_THRESHOLD = 0.5;

/** Median of values with nulls (never reached) ranked after every number; null if the median is one of them. */
export function medianWithCensoring(xs: readonly (number | null)[]): number | null {
  const sorted = xs.map((t) => t ?? Infinity).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const m = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return Number.isFinite(m) ? m : null;
}

/** Optional mouse-study endpoints, asked for by id in a scenario's `endpoints.additional`. */
const BUILT_IN = [
  {
    id: 'daysToSkinDarkening',
    label: 'days to skin darkening',
    unit: 'd',
    definition: `Kaplan-Meier median over the arm of the first day (linear interpolation between samples) on which a mouse's back turns from grey to black: skin darkness reaches ${DARKENING_THRESHOLD} (half of full pigmentation); mice that never darken are censored at the end; null if the curve never falls to one half. A standard endpoint of every mouse study (the Ce-MN paper's signature observation)`,
    compute: (mice: readonly AnimalResult[], ctx: { durationDays: number }) => {
      const t = mice.map((m) => timeToReach(m.timesDays, m.series.skinDarkness, DARKENING_THRESHOLD));
      return kmMedian(kaplanMeier(t.map((x) => (Number.isNaN(x) ? ctx.durationDays : x)), t.map((x) => !Number.isNaN(x)))).median;
    },
  },
  {
    id: 'peakRosIndex',
    label: 'peak ROS at the follicles',
    unit: '× healthy reference',
    definition: 'mean over the arm of each mouse\'s highest daily mean ROS index at the follicles',
    compute: (mice: readonly AnimalResult[]) => (mice.length ? mice.reduce((s, m) => s + Math.max(...m.series.rosIndex), 0) / mice.length : null),
  },
];

for (const e of BUILT_IN) if (!armEndpoint('mouseStudy', e.id)) registerArmEndpoint<AnimalResult>('mouseStudy', e);
