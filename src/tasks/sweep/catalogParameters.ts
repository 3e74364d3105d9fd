import { z } from 'zod';
import type { Provenance } from '../../core/parameter.ts';
import { parameterCatalog } from '../../parameters/catalog.ts';
import type { ParameterSpec } from './spec.ts';

/**
 * `catalogParameters:` in a sensitivity file: every catalog parameter of one provenance kind that a model
 * reads, each over its plausible catalog range, without listing them by hand (and without the list going
 * stale when the catalog changes). Parameters bound to scenario fields are left out: the scenario sets them
 * there, and a `parameters:` override would be ignored or conflict. Ranges spanning a decade or more are
 * sampled log-uniformly, so each order of magnitude weighs the same.
 */
export const catalogParametersSchema = z.strictObject({
  provenance: z.enum(['assumption', 'literature', 'fitted', 'derived']).describe('provenance kind of the parameters to vary'),
  model: z.string().min(1).describe('model whose parameters (catalog groups) are varied, e.g. mouseStudy'),
  exclude: z.array(z.string()).default([]).describe('catalog paths to leave at their values'),
});

export type CatalogParameters = z.output<typeof catalogParametersSchema>;

/** Log-uniform when the range is positive and spans at least a factor of ten. */
export const LOG_SCALE_MIN_RATIO = 10;

/** Catalog paths of the selected parameters (sorted; only those with a non-empty range). */
export function catalogParameterPaths(kind: Provenance['kind'], model: string, exclude: readonly string[] = []): string[] {
  const skip = new Set(exclude);
  return [...parameterCatalog().values()]
    .filter((p) => p.provenance.kind === kind && (p.group.models as readonly string[]).includes(model) && Object.keys(p.bindings).length === 0 && p.max > p.min && !skip.has(p.path))
    .map((p) => p.path)
    .sort();
}

/** Parameter entries (path `parameters.<catalog path>`) for the selection, over the catalog ranges. */
export function catalogParameterSpecs(sel: CatalogParameters): ParameterSpec[] {
  const cat = parameterCatalog();
  return catalogParameterPaths(sel.provenance, sel.model, sel.exclude).map((path) => {
    const p = cat.get(path)!;
    const log = p.min > 0 && p.max / p.min >= LOG_SCALE_MIN_RATIO;
    return { path: `parameters.${path}`, name: path, min: p.min, max: p.max, scale: log ? 'log' : 'linear', integer: false, alsoPaths: [] };
  });
}

/** The file's own parameters followed by the catalog selection (a path given in the file wins). */
export function withCatalogParameters(parameters: readonly ParameterSpec[], sel: CatalogParameters | undefined): ParameterSpec[] {
  if (!sel) return [...parameters];
  const given = new Set(parameters.map((p) => p.path));
  return [...parameters, ...catalogParameterSpecs(sel).filter((p) => !given.has(p.path))];
}
