import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import '../../tasks/builtin.ts';
import { PACKAGE_ROOT } from '../provenance.ts';
import { ApiError } from './errors.ts';
import { JobStore } from './jobStore.ts';
import { JobManager } from './jobs.ts';
import { defaultLimits, type ServerLimits } from './limits.ts';
import { ParquetExporter } from './parquetExport.ts';
import { registerRoutes } from './routes.ts';
import { staticFile } from './static.ts';

export interface ServerOptions {
  /** Overrides of the default limits. */
  limits?: Partial<ServerLimits>;
  /** Folder of the built web lab (default: dist/web of the package). */
  webRoot?: string;
  /** Results store folder: every succeeded job is recorded there as a run, and Parquet tables come from it. */
  store?: string;
}

/** A configured server (not yet listening): the Fastify app and its job manager. */
export interface FollisimServer {
  app: FastifyInstance;
  jobs: JobManager;
  limits: ServerLimits;
  /** The results store, when the server records jobs (call `open()` before listening to fail early). */
  store: JobStore | null;
}

const NO_WEB_LAB = `<!doctype html><meta charset="utf-8"><title>follisim</title>
<p>The web lab is not built: run <code>npm run build:web</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>`;

/** Builds the HTTP server: the JSON API under /api and the web lab's static files elsewhere. */
export function createServer(options: ServerOptions = {}): FollisimServer {
  const limits = { ...defaultLimits(), ...options.limits };
  const webRoot = options.webRoot ?? join(PACKAGE_ROOT, 'dist', 'web');
  const app = Fastify({ bodyLimit: limits.bodyBytes, logger: false });
  const jobs = new JobManager(limits);

  // a scenario may be posted as it sits in its file
  app.addContentTypeParser(['text/yaml', 'application/yaml', 'application/x-yaml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError | ApiError, _req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send(err.body());
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: { code: 'body-too-large', message: `the request body is larger than ${limits.bodyBytes} bytes`, limit: limits.bodyBytes } });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    const code = status === 415 ? 'unsupported-media-type' : status === 400 ? 'bad-request' : status === 500 ? 'internal' : `http-${status}`;
    return reply.code(status).send({ error: { code, message: err.message } });
  });

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && !path.startsWith('/api/')) {
      const file = await staticFile(webRoot, path);
      if (file) return reply.type(file.type).send(file.body);
      if (path === '/' || path === '/index.html') return reply.type('text/html; charset=utf-8').send(NO_WEB_LAB);
    }
    return reply.code(404).send({ error: { code: 'not-found', message: `no such resource: ${req.method} ${path}` } });
  });

  const parquet = new ParquetExporter();
  const store = options.store ? new JobStore(options.store) : null;
  // a failed store write leaves the job's in-memory results; the table route then reports the error
  if (store) jobs.whenSucceeded((job) => void store.record(job).catch(() => undefined));
  registerRoutes(app, jobs, limits, parquet, store);
  app.addHook('onClose', async () => {
    await jobs.close();
    await parquet.close();
    await store?.close();
  });
  return { app, jobs, limits, store };
}
