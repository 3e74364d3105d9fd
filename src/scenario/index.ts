import { parseScenarioText, validateScenarioData, type ParseResult } from '../core/scenario/parse.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
// optional study endpoints register themselves; scenarios name them in endpoints.additional
import '../study/endpoints.ts';

export * from './schema.ts';

/** Parses and validates scenario text (YAML or JSON); issues carry paths, values, ranges and lines. */
export function parseScenario(text: string): ParseResult<Scenario> {
  return parseScenarioText(scenarioSchema, text);
}

/** Validates a scenario object (e.g. built in code or received over HTTP). */
export function validateScenario(data: unknown): ParseResult<Scenario> {
  return validateScenarioData(scenarioSchema, data);
}
