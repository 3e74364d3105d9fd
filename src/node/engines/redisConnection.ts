import { Redis } from 'ioredis';
import { BadInputError } from './errors.ts';

/** Host, port, password and database of a redis:// URL. */
export interface RedisAddress {
  host: string;
  port: number;
  password?: string;
  db: number;
  /** The URL as given, for messages. */
  url: string;
}

/** Parses redis://[:password@]host[:port][/db]; a malformed URL is a BadInputError naming it. */
export function parseRedisUrl(url: string): RedisAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BadInputError(`--redis = ${JSON.stringify(url)}: not a URL (expected redis://HOST:PORT)`);
  }
  if (u.protocol !== 'redis:') throw new BadInputError(`--redis = ${JSON.stringify(url)}: expected a redis:// URL`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new BadInputError(`--redis = ${JSON.stringify(url)}: database '${u.pathname.slice(1)}' is not an integer`);
  return { host: u.hostname || '127.0.0.1', port: u.port ? Number(u.port) : 6379, password: u.password ? decodeURIComponent(u.password) : undefined, db, url };
}

/**
 * A connection for BullMQ after a probe: one quick connection attempt (no retries) must answer PING, so an
 * unreachable server is a BadInputError naming the address instead of endless reconnect attempts. The returned
 * client reconnects forever (a Redis restart mid-run is survived) and has `maxRetriesPerRequest: null`, which
 * BullMQ requires; in native ESM it must be passed as an instance (stack notes §2.9).
 */
export async function connectRedis(url: string, timeoutMs = 3000): Promise<Redis> {
  const a = parseRedisUrl(url);
  const probe = new Redis({ host: a.host, port: a.port, password: a.password, db: a.db, lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // the socket error (ECONNREFUSED, ENOTFOUND) says more than connect()'s own 'Connection is closed'
  let socketError: Error | undefined;
  probe.on('error', (err: Error) => (socketError ??= err));
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    const why = socketError ?? err;
    throw new BadInputError(`cannot reach Redis at ${a.url} (${a.host}:${a.port}): ${why instanceof Error ? why.message : String(why)}`);
  } finally {
    probe.disconnect();
  }
  const client = new Redis({ host: a.host, port: a.port, password: a.password, db: a.db, maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(50 * n, 1000) });
  client.on('error', () => undefined); // reconnects are automatic; errors while Redis restarts are expected
  return client;
}

/** Name of the BullMQ queue that carries units of every task (workers serve any registered task). */
export const UNIT_QUEUE = 'follisim-units';

/** The job payload of one unit. */
export interface UnitJobData {
  task: string;
  scenario: unknown;
  seed: number;
  unit: unknown;
  index: number;
}
