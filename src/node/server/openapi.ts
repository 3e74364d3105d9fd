import { z } from 'zod';
import { scenarioJsonSchema } from '../../scenario/schema.ts';
import { VERSION } from '../../version.ts';
import { CatalogEntry, ErrorBody, Issue, JobStatus, SubmitRequest, TableQuery, ValidateRequest, ValidateResponse } from './schemas.ts';

const json = (s: z.ZodType): Record<string, unknown> => {
  const out = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const err = (description: string) => body('Error', description);
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const nameParam = { name: 'name', in: 'path', required: true, schema: { type: 'string' }, description: 'table name (JobStatus.tables)' };

/** Query parameters of a route, one per property of its zod query schema. */
function queryParams(s: z.ZodType): Record<string, unknown>[] {
  const schema = json(s) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, description: p.description, schema: p }));
}
const PARQUET = 'application/vnd.apache.parquet';
const tableResponses = (what: string) => ({
  200: { description: what, content: { 'text/csv': { schema: { type: 'string' } }, [PARQUET]: { schema: { type: 'string', format: 'binary' } } } },
  400: err('bad query'),
  404: err('no such job or table'),
  409: err('not finished'),
});

/** The OpenAPI 3.1 document of the API, its schemas generated from the zod schemas the routes use. */
export function openApiDocument(): Record<string, unknown> {
  const scenario = scenarioJsonSchema();
  delete scenario.$schema;
  return {
    openapi: '3.1.0',
    info: { title: 'follisim', version: VERSION, description: 'Run follisim scenarios over HTTP: validate, submit jobs, follow progress, fetch the files the CLI writes.' },
    components: {
      schemas: {
        Scenario: scenario,
        ValidateRequest: json(ValidateRequest),
        ValidateResponse: json(ValidateResponse),
        SubmitRequest: json(SubmitRequest),
        JobStatus: json(JobStatus),
        Issue: json(Issue),
        Error: json(ErrorBody),
        CatalogEntry: json(CatalogEntry),
      },
    },
    paths: {
      '/api/health': { get: { summary: 'server state: version, job counts, limits', responses: { 200: { description: 'ok' } } } },
      '/api/validate': {
        post: {
          summary: 'validate a scenario (issues carry paths, values, ranges and lines)',
          requestBody: { required: true, content: { 'application/json': { schema: ref('ValidateRequest') }, 'text/yaml': { schema: { type: 'string' } } } },
          responses: { 200: body('ValidateResponse', 'the verdict (ok or issues)'), 400: err('not JSON / not a request'), 413: err('body too large') },
        },
      },
      '/api/jobs': {
        post: {
          summary: 'submit a scenario to run; answers at once with the job',
          requestBody: { required: true, content: { 'application/json': { schema: ref('SubmitRequest') }, 'text/yaml': { schema: { type: 'string' } } } },
          responses: {
            202: body('JobStatus', 'queued'),
            400: err('bad request'),
            413: err('body too large'),
            422: err('invalid scenario (issues) or run too large (estimate)'),
            429: err('too many jobs for this client'),
            503: err('queue full'),
          },
        },
      },
      '/api/jobs/{id}': {
        parameters: idParam,
        get: { summary: 'job status', responses: { 200: body('JobStatus', 'status'), 404: err('no such job') } },
        delete: { summary: 'cancel the job', responses: { 200: body('JobStatus', 'cancelled (or already final)'), 404: err('no such job') } },
      },
      '/api/jobs/{id}/cancel': { parameters: idParam, post: { summary: 'cancel the job', responses: { 200: body('JobStatus', 'status'), 404: err('no such job') } } },
      '/api/jobs/{id}/events': {
        parameters: idParam,
        get: { summary: 'server-sent events: `progress` and `state` events carrying JobStatus; ends when the job is final', responses: { 200: { description: 'text/event-stream' }, 404: err('no such job') } },
      },
      '/api/jobs/{id}/summary': { parameters: idParam, get: { summary: 'summary.json of a finished job', responses: { 200: { description: 'the summary' }, 404: err('no such job'), 409: err('not finished or failed') } } },
      '/api/jobs/{id}/tables/{name}': {
        parameters: [...idParam, nameParam],
        get: { summary: 'one result table as CSV (default) or Parquet (?format=parquet)', parameters: queryParams(TableQuery), responses: tableResponses('the table') },
      },
      '/api/jobs/{id}/tables/{name}.csv': { parameters: [...idParam, nameParam], get: { summary: 'one result table as CSV (the file the CLI writes)', responses: tableResponses('text/csv') } },
      '/api/jobs/{id}/tables/{name}.parquet': {
        parameters: [...idParam, nameParam],
        get: { summary: 'one result table as Apache Parquet (snappy), written by the results store (DuckDB COPY … (FORMAT parquet)); column units in the key-value metadata (unit.<column>, follisim.units)', responses: tableResponses(PARQUET) },
      },
      '/api/jobs/{id}/report': { parameters: idParam, get: { summary: 'report.html', responses: { 200: { description: 'text/html' }, 404: err('no such job'), 409: err('not finished') } } },
      '/api/jobs/{id}/files/{path}': { parameters: [...idParam, { name: 'path', in: 'path', required: true, schema: { type: 'string' } }], get: { summary: 'any file the CLI writes for this run (names listed in JobStatus.files)', responses: { 200: { description: 'the file' }, 404: err('no such job or file'), 409: err('not finished') } } },
      '/api/jobs/{id}/download': { parameters: idParam, get: { summary: 'all files of the run as one zip (the CLI output folder)', responses: { 200: { description: 'application/zip' }, 409: err('not finished') } } },
      '/api/parameters': { get: { summary: 'the parameter catalogue', responses: { 200: { description: 'entries', content: { 'application/json': { schema: { type: 'array', items: ref('CatalogEntry') } } } } } } },
      '/api/schema': { get: { summary: 'JSON Schema of scenario files', responses: { 200: { description: 'JSON Schema', content: { 'application/json': { schema: ref('Scenario') } } } } } },
      '/api/tasks': { get: { summary: 'registered task names', responses: { 200: { description: 'names' } } } },
      '/api/openapi.json': { get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
}
