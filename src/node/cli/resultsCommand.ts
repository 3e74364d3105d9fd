import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { resultJson } from '../../results/json.ts';
import { BadInputError } from '../engines/errors.ts';
import { ResultStore, storeDir, type RunRecord, type TableRecord } from '../store/store.ts';

/** Opens an existing store (a query never creates one). */
async function openExisting(flag?: string): Promise<ResultStore> {
  const dir = storeDir(flag);
  if (!existsSync(join(dir, 'catalog.duckdb'))) throw new BadInputError(`no results store at ${dir} (run \`follisim run\` first, or pass --store DIR)`);
  return ResultStore.open(dir);
}

async function findRun(store: ResultStore, id: string): Promise<RunRecord> {
  let run: RunRecord | undefined;
  try {
    run = await store.getRun(id);
  } catch (err) {
    throw new BadInputError(err instanceof Error ? err.message : String(err));
  }
  if (!run) throw new BadInputError(`no run '${id}' in the results store ${store.dir}`);
  return run;
}

function parseLimit(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError(`--limit = ${JSON.stringify(v)}: must be an integer >= 1`);
  return Number(v);
}

/** A fixed-width text table for a terminal. */
function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** W3C CSV-on-the-Web metadata for an exported CSV: column names with their units (read by csvw tools; plain JSON for everyone else). */
function csvwMetadata(csvName: string, table: TableRecord, run: RunRecord): string {
  return resultJson({
    '@context': 'http://www.w3.org/ns/csvw',
    url: csvName,
    'dc:source': `follisim run ${run.id} (${run.task}, seed ${run.seed}, follisim ${run.version})`,
    tableSchema: { columns: Object.entries(table.units).map(([name, unit]) => ({ name, titles: name, 'follisim:unit': unit })) },
  });
}

/** Adds `follisim results list|show|export` to the program. */
export function registerResultsCommand(program: Command): void {
  const results = program.command('results').description('query the results store: list runs, show one, export its tables');
  const storeOpt = (): Option => new Option('--store <dir>', 'results store folder (default: $FOLLISIM_STORE or ./follisim-store)');

  results
    .command('list')
    .description('list runs, newest first')
    .addOption(storeOpt())
    .option('--task <name>', 'only runs of this task, e.g. run:mouseStudy')
    .addOption(new Option('--status <status>', 'only runs with this status').choices(['running', 'done', 'failed']))
    .option('--scenario <name>', 'only runs of scenarios with this name')
    .option('--limit <n>', 'at most N runs', parseLimit)
    .option('--json', 'print a JSON array')
    .action(async (o: { store?: string; task?: string; status?: string; scenario?: string; limit?: number; json?: boolean }) => {
      const store = await openExisting(o.store);
      try {
        const runs = await store.listRuns({ task: o.task, status: o.status, scenarioName: o.scenario, limit: o.limit });
        if (o.json) process.stdout.write(resultJson(runs.map(({ scenario: _s, ...r }) => r)));
        else {
          const rows = runs.map((r) => [r.id, r.task, r.scenarioName, String(r.seed), r.status, String(r.units), r.wallS === null ? '' : r.wallS.toFixed(2), r.startedAt]);
          process.stdout.write(textTable(['id', 'task', 'scenario', 'seed', 'status', 'units', 'wall s', 'started'], rows));
        }
      } finally {
        await store.close();
      }
    });

  results
    .command('show')
    .description("show one run's catalog entry, its tables (with column units) and stored units")
    .argument('<run>', 'run id (or a unique prefix)')
    .addOption(storeOpt())
    .option('--json', 'print JSON (includes the scenario and summary)')
    .action(async (id: string, o: { store?: string; json?: boolean }) => {
      const store = await openExisting(o.store);
      try {
        const run = await findRun(store, id);
        const tables = await store.tables(run.id);
        const units = await store.unitCounts(run.id);
        if (o.json) {
          process.stdout.write(resultJson({ run, tables, storedUnits: units.length, summary: await store.runSummary(run.id) }));
          return;
        }
        const { scenario: _s, params, ...facts } = run;
        for (const [k, v] of Object.entries(facts)) process.stdout.write(`${k.padEnd(13)} ${v === null ? '' : String(v)}\n`);
        process.stdout.write(`${'params'.padEnd(13)} ${JSON.stringify(params)}\n${'stored units'.padEnd(13)} ${units.length}/${run.units}\n\n`);
        for (const t of tables) {
          process.stdout.write(`table ${t.name} (${t.rows} rows) ${join(store.dir, t.path)}\n`);
          process.stdout.write(Object.entries(t.units).map(([c, u]) => `  ${c}${u ? ` [${u}]` : ''}`).join('\n') + '\n');
        }
      } finally {
        await store.close();
      }
    });

  results
    .command('export')
    .description("copy a run's tables to a folder as Parquet and CSV (units in the Parquet metadata and in CSVW .csv-metadata.json files)")
    .argument('<run>', 'run id (or a unique prefix)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .addOption(storeOpt())
    .addOption(new Option('--format <fmt>', 'what to write').choices(['parquet', 'csv', 'both']).default('both'))
    .option('--json', 'print the written files as JSON')
    .action(async (id: string, o: { out: string; store?: string; format: 'parquet' | 'csv' | 'both'; json?: boolean }) => {
      const store = await openExisting(o.store);
      try {
        const run = await findRun(store, id);
        const tables = await store.tables(run.id);
        mkdirSync(o.out, { recursive: true });
        const written: string[] = [];
        for (const t of tables) {
          const stem = basename(t.path, '.parquet');
          if (o.format !== 'csv') {
            writeFileSync(join(o.out, `${stem}.parquet`), store.tableBytes(t.path));
            written.push(`${stem}.parquet`);
          }
          if (o.format !== 'parquet') {
            await store.tableToCsv(t.path, join(o.out, `${stem}.csv`));
            writeFileSync(join(o.out, `${stem}.csv-metadata.json`), csvwMetadata(`${stem}.csv`, t, run));
            written.push(`${stem}.csv`, `${stem}.csv-metadata.json`);
          }
        }
        writeFileSync(join(o.out, 'run.json'), resultJson({ ...run, summary: await store.runSummary(run.id) }));
        written.push('run.json');
        if (o.json) process.stdout.write(resultJson({ run: run.id, out: o.out, files: written }));
        else process.stderr.write(`exported run ${run.id}: ${written.length} files to ${o.out}\n`);
      } finally {
        await store.close();
      }
    });
}
