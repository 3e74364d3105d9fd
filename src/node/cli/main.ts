import { readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatIssue } from '../../core/scenario/parse.ts';
import { MAX_SCENARIO_BYTES } from '../../core/scenario/limits.ts';
import { estimateRun } from '../../core/sizing/estimate.ts';
import { enforceRunSize, formatEstimate, MEMORY_SHARE, WORK_BUDGET_S } from '../sizingGate.ts';
import { UserError } from '../userError.ts';
import { parseScenario, scenarioJsonSchema, type Scenario } from '../../scenario/index.ts';
import { VERSION } from '../../version.ts';
import type { ProgressMode } from '../progress.ts';
import { BadInputError } from '../engines/errors.ts';
import { registerResultsCommand } from './resultsCommand.ts';
import { registerWorkerCommand } from './workerCommand.ts';
import { TaskInputError } from '../../tasks/sweep/errors.ts';
import { addParamsCommand } from './paramsCommand.ts';
import { addTaskCommands } from './taskCommand.ts';
import { addServeCommand } from './serve.ts';

/** Exit codes: 0 success, 1 internal failure, 2 bad input (scenario, flags, files). */
export const EXIT_BAD_INPUT = 2;

class BadInput extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

function loadScenario(path: string): Scenario {
  let text: string;
  try {
    // the size is checked before reading, so a huge file never reaches the heap or the parser
    const bytes = statSync(path).size;
    if (bytes > MAX_SCENARIO_BYTES) throw new BadInput([`${path}: file too large: ${bytes} bytes, allowed at most ${MAX_SCENARIO_BYTES} (a scenario is a few kB)`]);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof BadInput) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new BadInput([`${path}: cannot read scenario file (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`]);
  }
  const r = parseScenario(text);
  if (!r.ok) throw new BadInput(r.issues.map((i) => formatIssue(i, path)));
  return r.value;
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError(`--seed = ${JSON.stringify(value)}: must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`);
  }
  return Number(value);
}

function parseThreads(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new InvalidArgumentError(`--threads = ${JSON.stringify(value)}: must be an integer from 1 to 256`);
  }
  return Number(value);
}

/** Builds the commander program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command()
    .name('follisim')
    .description('In-silico laboratory of the perifollicular microenvironment')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('run')
    .description('run a scenario; writes DIR/manifest.json, DIR/summary.json, DIR/timeseries.csv and pictures')
    .addHelpText(
      'after',
      `
Output folder: a folder is either the whole of one run or absent. Files are written into a hidden
staging folder beside DIR (.DIR.partial-PID-TIME) created before the simulation starts, then renamed
onto DIR in one step. An existing DIR is refused (exit 2) unless --force, which replaces it whole:
the old folder is renamed away, the new one renamed in, the old one deleted. DIR may not be empty,
".", the working folder or a parent of it, a file, or the scenario file (or a folder holding it).
Staging folders of killed runs are removed by the next run into the same parent folder.
Size: runs estimated above ${Math.round(MEMORY_SHARE * 100)} % of this machine's memory or over ${WORK_BUDGET_S / 3600} h are refused unless --allow-large;
'follisim estimate SCENARIO' prints the estimate.`,
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-o, --out <dir>', 'output folder (default runs/<name>-<time>-seed<seed>)')
    .option('-s, --seed <n>', 'root random seed (integer >= 0); overrides the scenario seed', parseSeed)
    .addOption(new Option('--progress <mode>', 'progress on stderr').choices(['auto', 'bar', 'json', 'none']).default('auto'))
    .option('-t, --threads <n>', 'worker threads for mouse studies (integer >= 1; default: all cores)', parseThreads, availableParallelism())
    .option('--force', 'replace an existing output folder (as a whole)')
    .option('--allow-large', 'run even if the size estimate exceeds the machine memory or the work budget')
    .option('--store <dir>', 'results store folder (default: $FOLLISIM_STORE or ./follisim-store)')
    .option('--no-store', 'do not record the run in the results store (no resume)')
    .addOption(new Option('--engine <engine>', 'where units run').choices(['local', 'redis']).default('local'))
    .option('--redis <url>', 'Redis address for --engine redis, e.g. redis://127.0.0.1:6379')
    .option('--orderings <dir>', 'mouse studies: output folder of a `follisim sensitivity` run over this study\'s orderings; shown in the report, copied to orderings.json (not re-run)')
    .action(async (file: string, o: { out?: string; seed?: number; progress: ProgressMode; threads: number; force?: boolean; allowLarge?: boolean; store?: string | boolean; engine: 'local' | 'redis'; redis?: string; orderings?: string }) => {
      const scenario = loadScenario(file);
      const store = o.store === false ? false : typeof o.store === 'string' ? o.store : undefined;
      // loaded on use: `results` and `worker` start without the report and chart modules
      const { runCommand } = await import('./runCommand.ts');
      const { outDir, manifest } = await runCommand(file, scenario, { ...o, store });
      process.stderr.write(`wrote ${outDir} (seed ${manifest.seeds.root}, ${manifest.timing.wallS.toFixed(2)} s)\n`);
    });

  addTaskCommands(program, parseSeed, parseThreads);

  program
    .command('estimate')
    .description('print the estimated peak memory and run time of a scenario, and the fields that drive them (nothing is run)')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-t, --threads <n>', 'worker threads the run would use (mouse studies)', parseThreads, availableParallelism())
    .action((file: string, o: { threads: number }) => {
      const scenario = loadScenario(file);
      const e = estimateRun(scenario);
      let verdict = 'within the limits: `follisim run` will start it';
      try {
        enforceRunSize(e, o.threads, false);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        verdict = 'over the limits: `follisim run` refuses it without --allow-large';
      }
      process.stdout.write(`${file}:\n${[...formatEstimate(e, o.threads), verdict].map((l) => `  ${l}\n`).join('')}`);
    });

  program
    .command('validate')
    .description('check a scenario file; exit 0 when valid, else exit 2 with one line per error on stderr')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .action((file: string) => {
      loadScenario(file);
      process.stdout.write(`${file}: valid\n`);
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files')
    .action(() => {
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });

  registerResultsCommand(program);
  registerWorkerCommand(program);
  addParamsCommand(program);

  addServeCommand(program);
  return program;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      for (const line of err.lines) process.stderr.write(line + '\n');
      return EXIT_BAD_INPUT;
    }
    if (err instanceof BadInputError) {
      process.stderr.write(`follisim: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof Error && err.name === 'UnitFailuresError') {
      // units that failed after their retries: the list is the message; the stored units let a rerun resume
      process.stderr.write(`follisim: ${err.message}\n`);
      return 1;
    }
    // the scenario drove the numerics out of range, or an output number is not finite: the run's input
    // is the cause (validation bounds every field), so it is reported as bad input, without a stack
    if (err instanceof Error && (err.name === 'SimulationStateError' || err.name === 'OutputCheckError')) {
      process.stderr.write(`follisim: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof BadInput || err instanceof TaskInputError) {
      for (const line of err.lines) process.stderr.write(line + '\n');
      return EXIT_BAD_INPUT;
    }
    // a design the screened population cannot fill (virtual trials): bad input, naming the field; nothing written
    if (err instanceof Error && err.name === 'TrialDesignError') {
      process.stderr.write(`follisim: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0; // --help, --version
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`follisim: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return 1;
  }
}

/** True when this module is the process entry point (`node --import tsx src/node/cli/main.ts`, `node dist/node/cli/main.js`). */
function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) process.exitCode = await main(process.argv.slice(2));
