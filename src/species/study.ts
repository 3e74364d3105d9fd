import { assumed, type ParameterSet } from '../core/parameter.ts';

/** Animal-study variability and set-up constants (the `animals` section and the per-mouse tile). */
export const studyParameters = {
  rosCv: assumed(0.15, '1', 'between-mouse CV of ROS production (lognormal multiplier)',
    'individual metabolic and oxidative status; no mouse data, kept below the regrowth-timing CV', [0, 0.5]),
  minoxidilAbsorptionCv: assumed(0.3, '1', 'between-mouse CV of absorbed minoxidil',
    'topical application, grooming and skin state vary; percutaneous absorption CVs of 30-50 % are usual', [0, 0.8]),
  spinUpDays: assumed(3, 'd', 'days the healthy tile runs before t = 0 to reach its steady state',
    'the slowest fast field (GSH, VEGF t½ 1 h, wound 6 h) settles within a day; vessels are frozen in the spin-up', [1, 10, 'at least the day the slow chemistry needs']),
} satisfies ParameterSet;
