// One pino logger for the process. Logs go to stderr so `--json` output on stdout stays clean.
import { write, writeSync } from 'node:fs';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Lines waiting for a slow stderr before new ones are dropped, and what is written synchronously at exit. */
const MAX_QUEUED_LINES = 1_000;
const MAX_EXIT_FLUSH_BYTES = 16_384;
const STALLED_MS = 1_000;

/**
 * stderr that never blocks the bot or its shutdown. Lines are written in order, one write at a time
 * off the main thread (fs.write); while a write is pending the next lines wait in a bounded queue,
 * and past it they are dropped. A reader that stops reading (a full pipe) therefore holds one
 * background write, never the bot; a closed one (EPIPE) ends logging. At exit what is queued (up
 * to 16 KB) is written synchronously, unless a write has been pending for a second: a stalled pipe
 * cannot hold the exit.
 * (pino's own destination writes synchronously, and at exit flushes in a loop that can spin.)
 */
export function stderrDestination(fd = 2): DestinationStream {
  const queue: string[] = [];
  let writing = false;
  let writeStartedAt = 0;
  let closed = false;
  const pump = () => {
    if (writing || closed || queue.length === 0) return;
    writing = true;
    writeStartedAt = Date.now();
    const chunk = queue.splice(0, queue.length).join('');
    write(fd, chunk, (err) => {
      writing = false;
      if (err && (err as NodeJS.ErrnoException).code !== 'EAGAIN') closed = true;
      pump();
    });
  };
  process.once('exit', () => {
    // A write pending for a second means nobody reads: writing more would block the exit.
    if (closed || queue.length === 0 || (writing && Date.now() - writeStartedAt > STALLED_MS)) return;
    try {
      writeSync(fd, queue.join('').slice(0, MAX_EXIT_FLUSH_BYTES));
    } catch {
      // Nowhere left to say it.
    }
  });
  return {
    write(line: string) {
      if (closed || queue.length >= MAX_QUEUED_LINES) return;
      queue.push(line);
      pump();
    },
  };
}

export interface LoggerOptions {
  /** Whether logged errors keep their stack (off in the terminal, where log lines share the prompt's screen). */
  stacks?: boolean;
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', options: LoggerOptions = {}): Logger {
  const withoutStack = (err: Error) => {
    const { stack: _stack, ...rest } = stdSerializers.err(err);
    return rest;
  };
  return pino(
    {
      level,
      // Tokens must never reach a log line, even inside an error's request options.
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'accessToken', '*.accessToken'],
        censor: '[redacted]',
      },
      ...(options.stacks === false ? { serializers: { err: withoutStack } } : {}),
    },
    stderrDestination(),
  );
}

/** A logger that drops everything, for tests and libraries used without one. */
export const silentLogger: Logger = pino({ level: 'silent' });
