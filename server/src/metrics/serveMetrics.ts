/**
 * METRICS_PORT: /metrics on a port of its own (on METRICS_HOST, 127.0.0.1 by default), for a monitoring
 * system that reaches the machine but not through the reverse proxy. Nothing else is served there.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ApiError as ApiErrorBody } from '@polyphony/shared';
import { Hono } from 'hono';
import type { MetricsConfig } from '../config.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { metricsRoutes } from '../routes/metrics.js';
import type { Metrics } from './Metrics.js';

/** A running metrics listener. */
export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/** Listen on METRICS_PORT; resolves once it listens. */
export async function serveMetrics(
  metrics: Metrics,
  config: MetricsConfig & { port: number },
  logger: Logger,
): Promise<MetricsListener> {
  const app = new Hono();
  app.route('/metrics', metricsRoutes(metrics, config.token));
  app.notFound((c) => c.json<ApiErrorBody>({ error: 'not_found', message: 'Only /metrics is here.' }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json<ApiErrorBody>({ error: error.id, message: error.message }, error.status);
    }
    logger.error({ err: error }, 'serving the metrics failed');
    return c.json<ApiErrorBody>({ error: 'internal_error', message: 'The metrics failed.' }, 500);
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(listening as Server),
    ) as Server;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}/metrics`;
  logger.info({ url }, 'metrics are served');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
