import { serialExecutor, type UnitExecutor } from '../../tasks/executor.ts';
import { threadExecutor } from '../pool/threadExecutor.ts';
import { BadInputError } from './errors.ts';

export type EngineName = 'local' | 'redis';

/** Engine flags shared by `run`, `sweep` and later commands. */
export interface EngineFlags {
  /** 'local' (worker threads on this machine, the default) or 'redis' (units on `follisim worker` processes). */
  engine?: EngineName;
  /** Redis address for the redis engine, e.g. redis://127.0.0.1:6379. */
  redis?: string;
  /** Local worker threads (default 1). */
  threads?: number;
  /** Modules that register extra tasks, imported by local worker threads. */
  modules?: string[];
  /** Attempts per unit on the redis engine before it is reported failed (default 3). */
  attempts?: number;
}

/** An executor chosen from flags, with what must be released after the run (Redis connections). */
export interface Engine {
  executor: UnitExecutor;
  /** True when units run in this thread (a one-unit task may then use threaded services itself). */
  inThread: boolean;
  close(): Promise<void>;
}

/**
 * The executor for engine flags and a run's unit count: local → worker threads (at most one per unit; serial in
 * this thread for one), redis → a RedisExecutor connected now, so an unreachable server is a BadInputError
 * naming the address before anything is written.
 */
export async function executorFromFlags(flags: EngineFlags, unitCount: number): Promise<Engine> {
  const engine = flags.engine ?? 'local';
  if (engine === 'redis') {
    if (!flags.redis) throw new BadInputError('--engine redis needs --redis redis://HOST:PORT');
    const { connectRedisExecutor } = await import('./redisExecutor.ts');
    const executor = await connectRedisExecutor(flags.redis, { attempts: flags.attempts });
    return { executor, inThread: false, close: () => executor.close() };
  }
  if (engine !== 'local') throw new BadInputError(`--engine = ${JSON.stringify(engine)}: must be local or redis`);
  const threads = Math.max(1, Math.min(flags.threads ?? 1, unitCount));
  // the command line's own thread runs units too while the workers start (nothing else needs its event loop)
  if (threads > 1) return { executor: threadExecutor(threads, flags.modules, { callingThread: true }), inThread: false, close: async () => undefined };
  return { executor: serialExecutor, inThread: true, close: async () => undefined };
}
