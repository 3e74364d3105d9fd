/** Where a parameter value comes from; mirrored in docs/model.md. */
export type Provenance =
  | { kind: 'literature'; source: string }
  | { kind: 'assumption'; reason: string }
  | { kind: 'fitted'; target: string; method: string }
  | { kind: 'derived'; formula: string };

/**
 * A model parameter with its unit (as used in scenario files), meaning, provenance and plausible range
 * [min, max] (what a sweep, fit or scenario override may use; the default lies inside).
 */
export interface Parameter {
  value: number;
  unit: string;
  description: string;
  provenance: Provenance;
  min: number;
  max: number;
  /** Why the range is what it is, where the provenance text does not already say it. */
  rangeNote?: string;
}

/** Plausible range of a parameter: [min, max] or [min, max, reason]. */
export type Range = readonly [min: number, max: number, note?: string];

/** A named set of parameters (one species, one module). */
export type ParameterSet = Record<string, Parameter>;

const make = (value: number, unit: string, description: string, provenance: Provenance, range: Range): Parameter => {
  const p: Parameter = { value, unit, description, provenance, min: range[0], max: range[1] };
  if (range[2] !== undefined) p.rangeNote = range[2];
  return p;
};

/** Shorthand constructors keep parameter tables readable; the last argument is the plausible range. */
export const lit = (value: number, unit: string, description: string, source: string, range: Range): Parameter =>
  make(value, unit, description, { kind: 'literature', source }, range);
export const assumed = (value: number, unit: string, description: string, reason: string, range: Range): Parameter =>
  make(value, unit, description, { kind: 'assumption', reason }, range);
export const fitted = (value: number, unit: string, description: string, target: string, method: string, range: Range): Parameter =>
  make(value, unit, description, { kind: 'fitted', target, method }, range);
export const derived = (value: number, unit: string, description: string, formula: string, range: Range): Parameter =>
  make(value, unit, description, { kind: 'derived', formula }, range);

/** One-line provenance text for tables. */
export function provenanceText(p: Provenance): string {
  switch (p.kind) {
    case 'literature':
      return p.source;
    case 'assumption':
      return `assumption: ${p.reason}`;
    case 'fitted':
      return `fitted to ${p.target} (${p.method})`;
    case 'derived':
      return `derived: ${p.formula}`;
  }
}

/** Range as text, e.g. "0.1-1 d". */
export function rangeText(p: Parameter): string {
  return `${p.min}–${p.max}`;
}
