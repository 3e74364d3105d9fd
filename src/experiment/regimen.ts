/**
 * A regimen: the treatments a subject receives over time, each with its own schedule. Species-neutral; the
 * treatment bodies are the models' own configuration (minoxidil dosing, a patch with its schedule).
 */
export interface Regimen<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Treatment name → its configuration (absent = not given). */
  treatments: Partial<T>;
}

/** Names of the treatments a regimen actually gives. */
export function givenTreatments(r: Regimen): string[] {
  return Object.entries(r.treatments)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k)
    .sort();
}
