import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import type { z } from 'zod';
import { scenarioJsonSchema } from '../../scenario/schema.ts';
import { taskForScenario, taskNames } from '../../tasks/registry.ts';
import { VERSION } from '../../version.ts';
import { parameterCatalog } from './catalog.ts';
import { ApiError } from './errors.ts';
import { estimateRun } from './estimate.ts';
import { isFinal, type Job, type JobManager } from './jobs.ts';
import type { ServerLimits } from './limits.ts';
import { openApiDocument } from './openapi.ts';
import { readScenario } from './scenarioInput.ts';
import type { JobStore } from './jobStore.ts';
import type { ParquetExporter } from './parquetExport.ts';
import { SubmitRequest, TableQuery, ValidateRequest, type JobStatus } from './schemas.ts';
import { contentType } from './static.ts';

/** A request body as {scenario, seed}: JSON bodies as sent, YAML/plain-text bodies are the scenario (seed from ?seed=). */
function requestOf<S extends z.ZodType>(schema: S, req: FastifyRequest): z.output<S> {
  let body: unknown = req.body;
  if (typeof body === 'string') {
    const seed = (req.query as { seed?: string }).seed;
    body = { scenario: body, ...(seed !== undefined ? { seed: /^\d+$/.test(seed) ? Number(seed) : seed } : {}) };
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ApiError(400, 'bad-request', `the request body must be ${(schema as z.ZodType) === SubmitRequest ? '{"scenario": text or object, "seed"?: integer}' : '{"scenario": text or object}'} (or the scenario as text/yaml)`, { issues });
  }
  return r.data;
}

/** The public view of a job. */
export function jobStatus(job: Job, jobs: JobManager): z.output<typeof JobStatus> {
  const base = `/api/jobs/${job.id}`;
  const files = job.files ? Object.keys(job.files).sort() : [];
  return {
    id: job.id,
    state: job.state,
    task: job.task,
    seed: job.seed,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    progress: job.progress,
    queuePosition: jobs.queuePosition(job),
    cpu: { seconds: Number(job.cpu.seconds.toFixed(3)), measure: job.cpu.measure },
    estimate: job.estimate,
    error: job.error,
    files,
    tables: job.tables ? Object.keys(job.tables).sort() : [],
    links: { self: base, events: `${base}/events`, cancel: `${base}/cancel`, summary: `${base}/summary`, report: `${base}/report`, download: `${base}/download` },
  };
}

/** Registers the JSON API under /api. */
export function registerRoutes(app: FastifyInstance, jobs: JobManager, limits: ServerLimits, parquet: ParquetExporter, store: JobStore | null): void {
  const findJob = (req: FastifyRequest): Job => {
    const job = jobs.get((req.params as { id: string }).id);
    if (!job) throw new ApiError(404, 'no-such-job', 'no job with this id (finished jobs are kept for a while only)');
    return job;
  };
  const filesOf = (req: FastifyRequest): Record<string, string | Uint8Array> => {
    const job = findJob(req);
    if (job.state !== 'succeeded' || !job.files) {
      throw new ApiError(409, 'job-not-succeeded', `the job is ${job.state}${job.error ? `: ${job.error.message}` : ''}; results exist only for succeeded jobs`, { state: job.state, jobError: job.error });
    }
    return job.files;
  };
  const sendFile = (reply: FastifyReply, name: string, data: string | Uint8Array | undefined) => {
    if (data === undefined) throw new ApiError(404, 'no-such-file', `this run has no file '${name}'`);
    return reply.type(name.endsWith('.csv') ? 'text/csv; charset=utf-8' : contentType(name)).send(typeof data === 'string' ? data : Buffer.from(data));
  };

  app.get('/api/health', async () => ({ ok: true, version: VERSION, jobs: jobs.counts(), limits }));
  app.get('/api/schema', async () => scenarioJsonSchema());
  app.get('/api/openapi.json', async () => openApiDocument());
  app.get('/api/parameters', async () => parameterCatalog());
  app.get('/api/tasks', async () => taskNames());

  app.post('/api/validate', async (req) => {
    const { scenario } = requestOf(ValidateRequest, req);
    const { result } = readScenario(scenario);
    if (!result.ok) return { ok: false, issues: result.issues };
    return { ok: true, issues: [], task: taskForScenario(result.value).name, estimate: estimateRun(result.value) };
  });

  app.post('/api/jobs', async (req, reply) => {
    const { scenario, seed } = requestOf(SubmitRequest, req);
    const { result, text } = readScenario(scenario);
    if (!result.ok) throw new ApiError(422, 'invalid-scenario', `the scenario has ${result.issues.length} issue(s)`, { issues: result.issues });
    const estimate = estimateRun(result.value);
    if (estimate.bytes > limits.runBytes || estimate.seconds > limits.runSeconds) {
      throw new ApiError(
        422,
        'run-too-large',
        `the run is estimated at ${(estimate.bytes / 2 ** 20).toFixed(0)} MiB and ${estimate.seconds.toFixed(0)} s of work; this server accepts up to ${(limits.runBytes / 2 ** 20).toFixed(0)} MiB and ${limits.runSeconds} s (shrink the scenario or run it with the CLI)`,
        { estimate, limits: { bytes: limits.runBytes, seconds: limits.runSeconds } },
      );
    }
    const job = jobs.submit({ client: req.ip, task: taskForScenario(result.value).name, estimate, scenario: result.value as Record<string, unknown>, text, seed });
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send(jobStatus(job, jobs));
  });

  app.get('/api/jobs/:id', async (req) => jobStatus(findJob(req), jobs));
  const cancel = async (req: FastifyRequest) => {
    const job = findJob(req);
    jobs.cancel(job.id);
    return jobStatus(job, jobs);
  };
  app.post('/api/jobs/:id/cancel', cancel);
  app.delete('/api/jobs/:id', cancel);

  app.get('/api/jobs/:id/events', (req, reply) => {
    const job = findJob(req);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (event: string) => raw.write(`event: ${event}\ndata: ${JSON.stringify(jobStatus(job, jobs))}\n\n`);
    send('state');
    if (isFinal(job.state)) return void raw.end();
    const stop = jobs.listen(job.id, (e) => {
      send(e.type);
      if (isFinal(e.job.state)) {
        stop();
        raw.end();
      }
    });
    req.raw.on('close', stop);
  });

  app.get('/api/jobs/:id/summary', async (req, reply) => sendFile(reply, 'summary.json', filesOf(req)['summary.json']));
  app.get('/api/jobs/:id/report', async (req, reply) => sendFile(reply, 'report.html', filesOf(req)['report.html']));
  // a table as CSV (the CLI's file) or Parquet (written from the typed table by the results store's writer)
  app.get('/api/jobs/:id/tables/:name', async (req, reply) => {
    const raw = (req.params as { name: string }).name;
    const q = TableQuery.safeParse(req.query ?? {});
    if (!q.success) throw new ApiError(400, 'bad-request', 'the query may only be ?format=csv or ?format=parquet', { issues: q.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    const ending = /\.(csv|parquet)$/.exec(raw);
    const format = ending ? ending[1] : q.data.format;
    const name = ending ? raw.slice(0, -ending[0].length) : raw;
    const files = filesOf(req);
    if (format === 'csv') return sendFile(reply, `${name}.csv`, Object.hasOwn(files, `${name}.csv`) ? files[`${name}.csv`] : undefined);
    const job = findJob(req);
    if (!job.tables || !Object.hasOwn(job.tables, name)) throw new ApiError(404, 'no-such-file', `this run has no table '${name}' (tables: ${Object.keys(job.tables ?? {}).join(', ')})`);
    let bytes = job.parquet.get(name);
    if (!bytes && store) {
      // the file the store holds for this job's run (recorded when the job succeeded)
      bytes = store.tableBytes(job, name).then((b) => b ?? Promise.reject(new ApiError(404, 'no-such-file', `the results store has no table '${name}' for this job`)));
      job.parquet.set(name, bytes);
      bytes.catch(() => job.parquet.delete(name));
    }
    if (!bytes) {
      const meta = { 'follisim.job': job.id, 'follisim.task': job.task, 'follisim.table': name, 'follisim.seed': String(job.seed), 'follisim.version': VERSION };
      bytes = parquet.tableBytes(job.tables[name], job.tableUnits[name] ?? {}, meta);
      job.parquet.set(name, bytes);
      bytes.catch(() => job.parquet.delete(name));
    }
    const data = await bytes;
    return reply.type('application/vnd.apache.parquet').header('content-disposition', `attachment; filename="${name}.parquet"`).send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  // names are looked up in the run's in-memory file map: a request path never reaches the file system
  app.get('/api/jobs/:id/files/*', async (req, reply) => {
    const name = (req.params as { '*': string })['*'];
    const files = filesOf(req);
    return sendFile(reply, name, Object.hasOwn(files, name) ? files[name] : undefined);
  });
  app.get('/api/jobs/:id/download', async (req, reply) => {
    const files = filesOf(req);
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 6 });
    return reply.type('application/zip').header('content-disposition', `attachment; filename="follisim-${findJob(req).id}.zip"`).send(Buffer.from(zip));
  });
}
