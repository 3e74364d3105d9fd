import { registerArmEndpoint, armEndpoint } from '../experiment/endpointRegistry.ts';
import { timeToReach } from '../follicle/mouse/run.ts';
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
    definition: `median over the arm of the first day (linear interpolation between samples) on which a mouse's skin darkness reaches ${DARKENING_THRESHOLD} (half of full pigmentation); mice that never darken rank after all that do; null if the median mouse never darkens`,
    compute: (mice: readonly AnimalResult[]) =>
      medianWithCensoring(
        mice.map((m) => {
          const t = timeToReach(m.timesDays, m.series.skinDarkness, DARKENING_THRESHOLD);
          return Number.isNaN(t) ? null : t;
        }),
      ),
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
