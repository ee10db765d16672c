// One pino logger for the process. Logs go to stderr so `--json` output on stdout stays clean.
import { writeSync } from 'node:fs';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * stderr written synchronously, one line at a time, that never blocks or throws: a full pipe
 * (EAGAIN) drops the line, and a closed one (EPIPE: whoever read our logs went away) stops logging.
 * pino's own destination retries such writes in a loop when flushing at exit, which can spin forever.
 */
export function stderrDestination(fd = 2): DestinationStream {
  let closed = false;
  return {
    write(line: string) {
      if (closed) return;
      try {
        writeSync(fd, line);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') closed = true;
      }
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
