/**
 * The parameter catalogue as the server and the web lab show it: every model parameter with its value, unit,
 * meaning, source and plausible range, from the core's parameter catalogue (src/parameters/).
 * Platform-neutral: the web lab imports it too.
 */
import { provenanceText } from '../../core/parameter.ts';
import { parameterCatalog as coreCatalog } from '../../parameters/catalog.ts';

/** One row of the catalogue. */
export interface CatalogEntry {
  /** Dotted name, `group.parameter`. */
  path: string;
  group: string;
  value: number;
  unit: string;
  description: string;
  /** literature, assumption, fitted or derived. */
  kind: string;
  /** Where the value comes from (citation, reason, fit target or formula). */
  source: string;
  /** Plausible range [min, max] in the parameter's unit. */
  range: [number, number] | null;
}

/** Every parameter of the core's catalogue, in catalogue order (the same source as `follisim params`). */
export function parameterCatalog(): CatalogEntry[] {
  return [...coreCatalog().values()].map((d) => ({
    path: d.path,
    group: d.group.prefix,
    value: d.value,
    unit: d.unit,
    description: d.description,
    kind: d.provenance.kind,
    source: provenanceText(d.provenance),
    range: [d.min, d.max],
  }));
}
