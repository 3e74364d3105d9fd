import { InvalidArgumentError, Option, type Command } from 'commander';
import { MODEL_NAMES, type ModelName } from '../../parameters/bindings.ts';
import { listParameters, markdownTables, parameterJson, parameterTable } from '../../parameters/format.ts';

type Format = 'table' | 'json' | 'md';

/** The text `follisim params` prints for a model (all parameters when absent) in a format. */
export function paramsText(model: ModelName | undefined, format: Format): string {
  const defs = listParameters(model);
  if (format === 'json') return parameterJson(defs);
  if (format === 'table') return parameterTable(defs);
  return markdownTables(defs);
}

/** Adds `follisim params [--model m] [--format f]` to the program. */
export function addParamsCommand(program: Command): void {
  program
    .command('params')
    .description('list every model parameter: dotted path, value, unit, plausible range, provenance (use the paths in a scenario `parameters:` section)')
    .addOption(
      new Option('-m, --model <model>', 'only the parameters this model reads').choices([...MODEL_NAMES]).argParser((v) => {
        if (!MODEL_NAMES.includes(v as ModelName)) throw new InvalidArgumentError(`must be one of ${MODEL_NAMES.join(', ')}`);
        return v as ModelName;
      }),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'md']).default('table'))
    .action((o: { model?: ModelName; format: Format }) => {
      process.stdout.write(paramsText(o.model, o.format));
    });
}
