/**
 * The API's request and response shapes as zod schemas: the routes validate bodies with them and the OpenAPI
 * document is generated from them (with the scenario schema itself), so the document cannot drift.
 */
import { z } from 'zod';

export const ScenarioInput = z
  .union([z.string().describe('scenario text, YAML or JSON (issues then carry line numbers)'), z.record(z.string(), z.unknown()).describe('scenario as a JSON object')])
  .describe('a scenario: text (YAML or JSON) or an object');

export const ValidateRequest = z.strictObject({ scenario: ScenarioInput });

export const SubmitRequest = z.strictObject({
  scenario: ScenarioInput,
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('root seed; default: the scenario seed, else a generated one'),
});

export const Issue = z.object({
  path: z.string().describe('dotted path of the offending key'),
  line: z.number().int().optional().describe('line in the scenario text'),
  value: z.unknown().optional(),
  message: z.string(),
});

export const ValidateResponse = z.object({
  ok: z.boolean(),
  issues: z.array(Issue),
  task: z.string().optional().describe('the task that would run it'),
  estimate: z.object({ bytes: z.number(), seconds: z.number() }).optional(),
});

export const JobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const JobStatus = z.object({
  id: z.string(),
  state: JobState,
  task: z.string(),
  seed: z.number().int().nullable().describe('root seed (null until the run has resolved a generated seed)'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: z.object({ fraction: z.number(), stage: z.string() }),
  queuePosition: z.number().int().nullable(),
  cpu: z.object({ seconds: z.number().describe("CPU seconds the job's worker thread has used on it"), measure: z.enum(['thread', 'event-loop']).nullable().describe('thread: the kernel per-thread time (Linux); event-loop: the worker event loop active time (elsewhere); null before the job starts') }),
  estimate: z.object({ bytes: z.number(), seconds: z.number() }),
  error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }).nullable(),
  files: z.array(z.string()).describe('result files (when succeeded): GET /api/jobs/{id}/files/{path}'),
  tables: z.array(z.string()).describe('result tables (when succeeded): GET /api/jobs/{id}/tables/{name}.csv or {name}.parquet'),
  links: z.record(z.string(), z.string()),
});

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), issues: z.array(Issue).optional() }).catchall(z.unknown()) });

export const CatalogEntry = z.object({
  path: z.string(),
  group: z.string(),
  value: z.number(),
  unit: z.string(),
  description: z.string(),
  kind: z.string(),
  source: z.string(),
  range: z.tuple([z.number(), z.number()]).nullable(),
});

/** Query of the table endpoint: the format when the name carries no .csv/.parquet ending. */
export const TableQuery = z.strictObject({
  format: z.enum(['csv', 'parquet']).default('csv').describe('csv (text, header row) or parquet (Apache Parquet, snappy; column units in the key-value metadata: unit.<column> and follisim.units)'),
});
