import { parseScenarioText, validateScenarioData, type ParseHooks, type ParseResult } from '../core/scenario/parse.ts';
import { applyParameterSection, resolvedParameterValues } from '../parameters/scenarioSection.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
// optional study endpoints register themselves; scenarios name them in endpoints.additional
import '../study/endpoints.ts';

/** The `parameters:` section: bound overrides go into their fields first; the parsed value records the full map. */
const hooks: ParseHooks<Scenario> = {
  prepare: applyParameterSection,
  finish: (s) => ({ ...s, parameterValues: resolvedParameterValues(s.parameters) }),
};

export * from './schema.ts';

/** Parses and validates scenario text (YAML or JSON); issues carry paths, values, ranges and lines. */
export function parseScenario(text: string): ParseResult<Scenario> {
  return parseScenarioText(scenarioSchema, text, hooks);
}

/** Validates a scenario object (e.g. built in code or received over HTTP). */
export function validateScenario(data: unknown): ParseResult<Scenario> {
  return validateScenarioData(scenarioSchema, data, undefined, undefined, hooks);
}
