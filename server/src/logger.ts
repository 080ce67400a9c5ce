/** The server's structured logger (pino, JSON lines on stdout). */
import { pino } from 'pino';

/** Create the logger at the given level. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'polyphony' } });
}

/** The logger type every module takes. */
export type Logger = ReturnType<typeof createLogger>;
