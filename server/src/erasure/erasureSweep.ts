/**
 * Every process learns of the erasures of the others (another instance, the operator command beside a
 * running server) by asking the store every interval: ErasureService.look drops its copies of erased
 * meetings, stops blocking meetings whose rewrite is finished, and finishes erasures left unfinished.
 */
import type { Logger } from '../logger.js';
import type { ErasureService } from './ErasureService.js';

/** Start looking; returns a function that stops it. */
export function startErasureSweep(erasure: ErasureService, logger: Logger, everyMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    erasure
      .look()
      .catch((error: unknown) => logger.error({ err: error }, 'could not look for erasures'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
