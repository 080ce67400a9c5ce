/**
 * Polyphony's entry point: read the configuration from the environment, start, and stop cleanly on
 * SIGTERM/SIGINT (stop accepting, commit everything pending, exit).
 */
import { loadConfig } from './config.js';
import { startServer } from './server.js';

const running = await startServer(loadConfig());

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    running.logger.info({ signal }, 'stopping');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  });
}
