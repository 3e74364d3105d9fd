import type { ParseResult } from '../../core/scenario/parse.ts';
import { parseScenario, validateScenario, type Scenario } from '../../scenario/index.ts';

/** A scenario from a request: text is parsed (issues get line numbers), an object is validated as is. */
export function readScenario(input: string | Record<string, unknown>): { result: ParseResult<Scenario>; text: string } {
  if (typeof input === 'string') return { result: parseScenario(input), text: input };
  return { result: validateScenario(input), text: JSON.stringify(input, null, 2) + '\n' };
}
