/**
 * GET /metrics: the operator's metrics in the Prometheus text format (metrics/Metrics.ts). Not for the
 * people of a network, so never on the main port without the operator's token: with METRICS_TOKEN, only
 * to requests carrying `Authorization: Bearer <token>`; with METRICS_PORT, on that port only. Neither:
 * not served at all.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { notFound, unauthorized } from '../errors.js';
import type { Metrics } from '../metrics/Metrics.js';
import { apiRoutes, file, refusal } from './declare.js';

const metricsRoute = createRoute({
  method: 'get',
  path: '/',
  summary: "The operator's metrics (Prometheus text format), with the operator token",
  responses: {
    200: file('text/plain', 'The metrics'),
    401: refusal('The metrics need the operator token (METRICS_TOKEN)'),
    404: refusal('Metrics are not served here'),
  },
});

/** Whether an Authorization header carries the token; compared in constant time. */
export function carriesToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** Routes of /metrics; `metrics` is undefined where they are not served. */
export function metricsRoutes(metrics: Metrics | undefined, token: string | undefined) {
  return apiRoutes().openapi(metricsRoute, async (c) => {
    if (!metrics) {
      throw notFound('Metrics are not served here (METRICS_TOKEN or METRICS_PORT).');
    }
    if (token !== undefined && !carriesToken(c.req.header('authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="polyphony metrics"');
      throw unauthorized('The metrics need the operator token (METRICS_TOKEN).');
    }
    c.header('Cache-Control', 'no-store');
    return c.text(await metrics.render(), 200, { 'Content-Type': metrics.contentType });
  });
}
