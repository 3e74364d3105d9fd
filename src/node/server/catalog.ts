/**
 * The parameter catalogue as the server and the web lab show it: every model parameter with its value, unit,
 * meaning, source and range. One adapter over what the core has today (the provenance-tagged sets of
 * src/species/); when the `params` branch's catalogue lands, only `parameterCatalog` changes.
 * Platform-neutral: the web lab imports it too.
 */
import { provenanceText, type ParameterSet } from '../../core/parameter.ts';
import { humanParameters } from '../../species/human.ts';
import { microenvParameters } from '../../species/microenv.ts';
import { mouseParameters } from '../../species/mouse.ts';
import { ceriaTransport, humanScalpSkin, microneedlePatch, mouseDorsalSkin } from '../../species/skin.ts';

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
  /** Plausible range, when the catalogue records one (today's sets do not: null). */
  range: [number, number] | null;
}

const GROUPS: Record<string, ParameterSet> = {
  mouse: mouseParameters,
  human: humanParameters,
  microenvironment: microenvParameters,
  mouseDorsalSkin,
  humanScalpSkin,
  ceriaTransport,
  microneedlePatch,
};

/** Every parameter, grouped and in declaration order. */
export function parameterCatalog(): CatalogEntry[] {
  return Object.entries(GROUPS).flatMap(([group, set]) =>
    Object.entries(set).map(([name, p]) => {
      const range = (p as { range?: [number, number] }).range;
      return { path: `${group}.${name}`, group, value: p.value, unit: p.unit, description: p.description, kind: p.provenance.kind, source: provenanceText(p.provenance), range: range ?? null };
    }),
  );
}
