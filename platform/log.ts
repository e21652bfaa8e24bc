import pino, { type Logger } from 'pino';

export type Log = Logger;

/**
 * Structured JSON lines. Tokens, keys and free text people wrote (feedback, answers, notes)
 * must never reach the logs: redact them wherever they might appear in a logged object.
 */
export function createLog(level: string, destination?: pino.DestinationStream): Log {
  return pino(
    {
      level,
      base: { app: 'leaderful' },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          'token',
          'key',
          'password',
          '*.text',
          '*.body',
          'text',
          'body',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
