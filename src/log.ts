// One pino logger for the process. Logs go to stderr so `--json` output on stdout stays clean.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      // Tokens must never reach a log line, even inside an error's request options.
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'accessToken', '*.accessToken'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

/** A logger that drops everything, for tests and libraries used without one. */
export const silentLogger: Logger = pino({ level: 'silent' });
