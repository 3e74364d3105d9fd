import { assumed, type ParameterSet } from '../core/parameter.ts';

/**
 * Resolution and extent of the perifollicular tiles (the unit cell of one needle pitch). Model constants
 * because they set which follicle-scale gradients are resolved; defaults of the `microenvironment` section.
 */
export const mouseTile = {
  voxelUm: assumed(62.5, 'µm', 'voxel edge of the mouse tile', '8 x 8 voxels per 500 µm pitch; H2O2 reaction-diffusion length ~90 µm (below two voxels)',
    [31.25, 125, 'resolves bulbs (~50-70 µm apart) at the low end; two voxels per follicle spacing at the high end']),
  depthUm: assumed(800, 'µm', 'depth of the mouse tile', 'below the anagen bulbs (500 µm) and the whole dermal adipose layer', [600, 1500, 'must contain the anagen bulbs']),
  couplingStepH: assumed(3, 'h', 'operator-splitting step of the mouse tile (transport, chemistry, vessels)',
    'modal transport is exact for sources constant over a step; against 0.25 h the daily ROS, VEGF and perfusion of every arm stay within 2.1 % (6 h: 4.6 % in the wound transient; LOD at 1 h: 4.4 %; docs/validation.md §7.4)',
    [0.25, 6, 'a divisor of the lattice step']),
} satisfies ParameterSet;

export const humanTile = {
  voxelUm: assumed(125, 'µm', 'voxel edge of the human scalp tile', 'human bulbs lie ~0.6 mm apart; 4 x 4 voxels per 500 µm pitch', [62.5, 250]),
  depthUm: assumed(4000, 'µm', 'depth of the human scalp tile', 'below the anagen bulbs (3.5 mm)', [3000, 8000, 'must contain the anagen bulbs']),
  spinUpDays: assumed(3, 'd', 'healthy spin-up of each region tile before the androgen is applied', 'as the mouse tile', [1, 10]),
  couplingStepH: assumed(1, 'h', 'operator-splitting step of the trial region tiles (LOD transport)', 'the step and scheme the trial calibration was fitted with (docs/model.md §9.10)', [0.25, 6]),
  steadyDays: assumed(20, 'd', 'days each region tile runs under androgen to reach its steady readouts', 'four vessel regression times (5 d) relax within ~2 %', [10, 60, 'at least two vessel time constants']),
} satisfies ParameterSet;
