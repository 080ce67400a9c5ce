/**
 * GET /api/health: the process is up (liveness) and which protocol it speaks, with what it last saw of
 * the store and Redis — cheap: nothing is looked at for it. GET /api/ready: whether this instance can
 * serve, from a look at the store and Redis made for the request (503 when either is unreachable), for
 * a load balancer to stop sending people to it.
 */
import { type HealthResponse, PROTOCOL_VERSION } from '@polyphony/shared';
import { Hono } from 'hono';
import type { DependencyWatch } from '../health/DependencyWatch.js';
import type { Readiness } from '../health/Readiness.js';

/** Routes of /api/health. */
export function healthRoutes(storeName: string, watch?: DependencyWatch) {
  const startedAt = performance.now();
  return new Hono().get('/', (c) =>
    c.json<HealthResponse>({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      store: storeName,
      uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
      dependencies: { store: watch?.state('store') ?? 'unknown', relay: watch?.state('relay') ?? 'none' },
    }),
  );
}

/** Routes of /api/ready. */
export function readinessRoutes(readiness?: Readiness) {
  return new Hono().get('/', async (c) => {
    if (!readiness) return c.json({ ready: true, store: 'unknown', relay: 'none' });
    const answer = await readiness.check();
    return c.json(answer, answer.ready ? 200 : 503);
  });
}
