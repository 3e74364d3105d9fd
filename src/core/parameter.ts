/** Where a parameter value comes from; mirrored in docs/model.md. */
export type Provenance =
  | { kind: 'literature'; source: string }
  | { kind: 'assumption'; reason: string }
  | { kind: 'fitted'; target: string; method: string }
  | { kind: 'derived'; formula: string };

/** A model parameter with its unit (as used in scenario files), meaning and provenance. */
export interface Parameter {
  value: number;
  unit: string;
  description: string;
  provenance: Provenance;
}

/** A named set of parameters (one species, one module). */
export type ParameterSet = Record<string, Parameter>;

/** Shorthand constructors keep parameter tables readable. */
export const lit = (value: number, unit: string, description: string, source: string): Parameter => ({
  value,
  unit,
  description,
  provenance: { kind: 'literature', source },
});
export const assumed = (value: number, unit: string, description: string, reason: string): Parameter => ({
  value,
  unit,
  description,
  provenance: { kind: 'assumption', reason },
});
export const fitted = (value: number, unit: string, description: string, target: string, method: string): Parameter => ({
  value,
  unit,
  description,
  provenance: { kind: 'fitted', target, method },
});
export const derived = (value: number, unit: string, description: string, formula: string): Parameter => ({
  value,
  unit,
  description,
  provenance: { kind: 'derived', formula },
});

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
