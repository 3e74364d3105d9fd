import type { EndpointDefinition } from './endpoints.ts';

/**
 * Optional per-arm endpoints of a study, registered by id (Morpheus-style: an endpoint registers itself; a
 * scenario asks for it by id in `endpoints.additional`). `compute` reads the arm's subject results in
 * subject order and returns one number, or null when undefined for the arm (the definition says when).
 */
export interface ArmEndpoint<R> extends EndpointDefinition {
  compute(subjects: readonly R[], context: EndpointContext): number | null;
}

/** What an endpoint may need besides the subjects' results. */
export interface EndpointContext {
  durationDays: number;
  coverageThreshold: number;
}

const registries = new Map<string, Map<string, ArmEndpoint<never>>>();

/** Registers an endpoint for a study kind (e.g. 'mouseStudy'); a duplicate id is an error. */
export function registerArmEndpoint<R>(study: string, endpoint: ArmEndpoint<R>): void {
  const reg = registries.get(study) ?? new Map<string, ArmEndpoint<never>>();
  if (reg.has(endpoint.id)) throw new Error(`endpoint '${endpoint.id}' is already registered for ${study}`);
  reg.set(endpoint.id, endpoint as ArmEndpoint<never>);
  registries.set(study, reg);
}

/** The registered endpoint, or undefined. */
export function armEndpoint<R>(study: string, id: string): ArmEndpoint<R> | undefined {
  return registries.get(study)?.get(id) as ArmEndpoint<R> | undefined;
}

/** Ids of the endpoints registered for a study kind, sorted. */
export function armEndpointIds(study: string): string[] {
  return [...(registries.get(study)?.keys() ?? [])].sort();
}
