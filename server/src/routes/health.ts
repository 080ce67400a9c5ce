/** GET /api/health: whether the server is up and which protocol it speaks. */
import { type HealthResponse, PROTOCOL_VERSION } from '@polyphony/shared';
import { Hono } from 'hono';

/** Routes of /api/health. */
export function healthRoutes(storeName: string) {
  const startedAt = performance.now();
  return new Hono().get('/', (c) =>
    c.json<HealthResponse>({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      store: storeName,
      uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
    }),
  );
}
