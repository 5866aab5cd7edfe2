/**
 * The process's structured log (pino): JSON lines in production, pino-pretty in development,
 * the level from LOG_LEVEL (default info; `silent` turns it off). Every line written while a
 * request or a job runs carries its id (`reqId` / `jobId`), taken from an AsyncLocalStorage
 * the app's server (scripts/server.ts) and the worker (lib/jobs/worker.ts) open around each.
 *
 * What goes in: ids, counts, statuses, paths without query strings, and errors through
 * safeError() — never names, addresses, message bodies or bound query values.
 *
 * The context store and the logger live on globalThis: the custom server and Next's own
 * bundle of the same modules must share them (one request id, one output stream).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export type LogContext = { reqId?: string; jobId?: string; queue?: string };

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

type Holder = {
  context: AsyncLocalStorage<LogContext>;
  logger?: Logger;
  destination?: NodeJS.WritableStream;
  childrenOf?: Logger;
  children?: Map<string, Logger>;
};
const g = globalThis as unknown as { __contactDeskLog?: Holder };
function holder(): Holder {
  g.__contactDeskLog ??= { context: new AsyncLocalStorage<LogContext>() };
  return g.__contactDeskLog;
}

/** LOG_LEVEL when it names a pino level, else info. */
export function logLevel(value = process.env.LOG_LEVEL): string {
  const v = value?.trim().toLowerCase();
  return v && LEVELS.has(v) ? v : 'info';
}

/** LOG_FORMAT (json | pretty); by default JSON in production, pretty elsewhere. */
export function logFormat(env: NodeJS.ProcessEnv = process.env): 'json' | 'pretty' {
  const f = env.LOG_FORMAT?.trim().toLowerCase();
  if (f === 'json' || f === 'pretty') return f;
  return env.NODE_ENV === 'production' ? 'json' : 'pretty';
}

/** pino-pretty is a devDependency: a production install (npm ci --omit=dev) logs JSON. */
function prettyStream(): NodeJS.WritableStream | null {
  if (logFormat() === 'json') return null;
  try {
    // Resolved from the app folder at run time, so neither Next nor esbuild tries to bundle it.
    const pretty = createRequire(path.join(process.cwd(), 'package.json'))('pino-pretty') as (
      o: object,
    ) => NodeJS.WritableStream;
    return pretty({
      colorize: Boolean(process.stdout.isTTY),
      translateTime: 'HH:MM:ss.l',
      ignore: 'pid,hostname',
      sync: true,
    });
  } catch {
    return null;
  }
}

function build(destination?: NodeJS.WritableStream): Logger {
  const h = holder();
  return pino(
    {
      level: logLevel(),
      base: { pid: process.pid },
      // The request or job this line belongs to.
      mixin: () => ({ ...h.context.getStore() }),
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? prettyStream() ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger (`log().child({ module: 'worker' })` for a part of the app). */
export function log(): Logger {
  const h = holder();
  h.logger ??= build(h.destination);
  return h.logger;
}

/**
 * A logger that names its part of the app in every line. Call it where you log (it is cached),
 * not once at module load: a logger kept from before setLogDestination() writes to the old stream.
 */
export function moduleLog(module: string): Logger {
  const h = holder();
  const root = log();
  if (h.childrenOf !== root) {
    h.childrenOf = root;
    h.children = new Map();
  }
  let child = h.children!.get(module);
  if (!child) {
    child = root.child({ module });
    h.children!.set(module, child);
  }
  return child;
}

/** Runs `fn` with `ctx` attached to every line it logs (request and job ids). */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  const h = holder();
  return h.context.run({ ...h.context.getStore(), ...ctx }, fn);
}

/** The current request or job context, if any. */
export function logContext(): LogContext | undefined {
  return holder().context.getStore();
}

/** Sends the log to another stream (tests read it back). */
export function setLogDestination(destination: NodeJS.WritableStream | undefined): void {
  const h = holder();
  h.destination = destination;
  h.logger = undefined;
}

/** A URL or path with its query string and fragment cut (query parameters may carry PII or tokens). */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const cut = url.search(/[?#]/);
  return (cut >= 0 ? url.slice(0, cut) : url).slice(0, 300);
}
