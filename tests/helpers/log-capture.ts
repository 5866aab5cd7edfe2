import { Writable } from 'node:stream';
import { setLogDestination } from '@/lib/log/logger';

/** Sends the app's log (lib/log/logger.ts) into memory at `level`; `lines()` parses every line as JSON. */
export function captureLog(level = 'info') {
  const chunks: string[] = [];
  const before = { level: process.env.LOG_LEVEL, format: process.env.LOG_FORMAT };
  process.env.LOG_LEVEL = level;
  process.env.LOG_FORMAT = 'json';
  setLogDestination(
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
  );
  return {
    text: () => chunks.join(''),
    /** Throws on a line that is not JSON: production logs are one JSON object per line. */
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    restore: () => {
      setLogDestination(undefined);
      if (before.level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before.level;
      if (before.format === undefined) delete process.env.LOG_FORMAT;
      else process.env.LOG_FORMAT = before.format;
    },
  };
}
