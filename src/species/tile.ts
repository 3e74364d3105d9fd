import { assumed, type ParameterSet } from '../core/parameter.ts';

/**
 * Resolution and extent of the perifollicular tiles (the unit cell of one needle pitch). Model constants
 * because they set which follicle-scale gradients are resolved; defaults of the `microenvironment` section.
 */
export const mouseTile = {
  voxelUm: assumed(62.5, 'µm', 'voxel edge of the mouse tile', '8 x 8 voxels per 500 µm pitch; H2O2 reaction-diffusion length ~90 µm (below two voxels)',
    [31.25, 125, 'resolves bulbs (~50-70 µm apart) at the low end; two voxels per follicle spacing at the high end']),
  depthUm: assumed(800, 'µm', 'depth of the mouse tile', 'below the anagen bulbs (500 µm) and the whole dermal adipose layer', [600, 1500, 'must contain the anagen bulbs']),
} satisfies ParameterSet;

export const humanTile = {
  voxelUm: assumed(125, 'µm', 'voxel edge of the human scalp tile', 'human bulbs lie ~0.6 mm apart; 4 x 4 voxels per 500 µm pitch', [62.5, 250]),
  depthUm: assumed(4000, 'µm', 'depth of the human scalp tile', 'below the anagen bulbs (3.5 mm)', [3000, 8000, 'must contain the anagen bulbs']),
  spinUpDays: assumed(3, 'd', 'healthy spin-up of each region tile before the androgen is applied', 'as the mouse tile', [1, 10]),
  steadyDays: assumed(20, 'd', 'days each region tile runs under androgen to reach its steady readouts', 'four vessel regression times (5 d) relax within ~2 %', [10, 60, 'at least two vessel time constants']),
} satisfies ParameterSet;
