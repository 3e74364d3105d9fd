/**
 * Endpoints as data: one definition (id, label, unit, what it measures) used by summary.json, CSV column
 * metadata and reports, so a number means the same thing everywhere.
 */
export interface EndpointDefinition {
  id: string;
  label: string;
  unit: string;
  definition: string;
}

/** Endpoints of the mouse study. `daysToThreshold` is named after the scenario's threshold (daysTo50PctCoverage). */
export const MOUSE_STUDY_ENDPOINTS: readonly EndpointDefinition[] = [
  { id: 'coverageByDay', label: 'hair coverage', unit: '1 (fraction of skin hidden)', definition: 'per day, mean and SD across the arm of the fraction of the observed back hidden by visible hair shafts (length ≥ visibleLengthMm)' },
  { id: 'skinDarknessByDay', label: 'skin darkness', unit: '1 (0 pink - 1 black)', definition: 'per day, mean and SD across the arm of the follicular pigmentation of the skin (anagen III onward)' },
  { id: 'daysToThreshold', label: 'days to threshold coverage', unit: 'd', definition: 'Kaplan-Meier median over the arm of the first day (linear interpolation between samples) on which a mouse reaches the coverage threshold; mice that never reach it are censored at the end of the study (null if the curve never falls to one half)' },
  { id: 'daysToThresholdKm', label: 'days to threshold coverage, median and 95 % interval', unit: 'd', definition: 'the Kaplan-Meier median of daysToThreshold with its Brookmeyer-Crowley 95 % interval (log-log bands); null bounds are not reached within the study' },
  { id: 'effects', label: 'effect sizes on days to threshold coverage', unit: 'd', definition: 'difference of restricted mean days to the threshold (area under the Kaplan-Meier curve to the end of the study) between two arms, A minus B (negative: A earlier), with a 95 % interval; every arm vs the reference and every pair of treated arms' },
  { id: 'daysToThresholdByMouse', label: 'days to threshold, per mouse', unit: 'd', definition: 'per mouse, the first day it reaches the coverage threshold; null if it never does within the study' },
  { id: 'reachedFraction', label: 'mice reaching the threshold', unit: '1', definition: 'fraction of the arm that reaches the coverage threshold within the study' },
  { id: 'final', label: 'end-of-study values', unit: 'per field', definition: 'mean and SD across the arm on the last day of coverage, anagen fraction, visible hairs per mm², mean hair diameter (µm) and non-miniaturized fraction' },
  { id: 'microenvironmentMeanOverStudy', label: 'microenvironment over the study', unit: 'per field', definition: 'mean over days and mice of ROS and perfusion (× healthy reference), p-S6 (0-1), VEGF (× reference level) and damage (0-1) at the follicles' },
];
