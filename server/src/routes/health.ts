/**
 * GET /api/health: the process is up (liveness) and which protocol it speaks, with what it last saw of
 * the store and Redis — cheap: nothing is looked at for it. GET /api/ready: whether this instance can
 * serve, from a look at the store and Redis made for the request (503 when either is unreachable), for
 * a load balancer to stop sending people to it.
 */
import { createRoute } from '@hono/zod-openapi';
import { HealthResponseSchema, PROTOCOL_VERSION, ReadinessResponseSchema } from '@polyphony/shared';
import type { DependencyWatch } from '../health/DependencyWatch.js';
import type { Readiness } from '../health/Readiness.js';
import { apiRoutes, json } from './declare.js';

const health = createRoute({
  method: 'get',
  path: '/',
  summary: 'Server health (liveness), with what it last saw of the store and Redis',
  responses: { 200: json(HealthResponseSchema, 'Up') },
});
const ready = createRoute({
  method: 'get',
  path: '/',
  summary: 'Whether this instance can serve: the store and Redis looked at for the request',
  responses: {
    200: json(ReadinessResponseSchema, 'Ready'),
    503: json(ReadinessResponseSchema, 'Not ready: the store or Redis is unreachable'),
  },
});

/** Routes of /api/health. */
export function healthRoutes(storeName: string, watch?: DependencyWatch) {
  const startedAt = performance.now();
  return apiRoutes().openapi(health, (c) =>
    c.json(
      {
        status: 'ok',
        protocolVersion: PROTOCOL_VERSION,
        store: storeName,
        uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
        dependencies: { store: watch?.state('store') ?? 'unknown', relay: watch?.state('relay') ?? 'none' },
      },
      200,
    ),
  );
}

/** Routes of /api/ready. */
export function readinessRoutes(readiness?: Readiness) {
  return apiRoutes().openapi(ready, async (c) => {
    if (!readiness) return c.json({ ready: true, store: 'unknown' as const, relay: 'none' as const }, 200);
    const answer = await readiness.check();
    return answer.ready ? c.json(answer, 200) : c.json(answer, 503);
  });
}
