/** GET /api/health/event-loop: the server's event-loop delay over the last two minutes (no content, no ids). */
import { createRoute } from '@hono/zod-openapi';
import { EventLoopResponseSchema } from '@polyphony/shared';
import { notFound } from '../errors.js';
import type { EventLoopDelay } from '../eventLoopDelay.js';
import { apiRoutes, json, refusal } from './declare.js';

const eventLoop = createRoute({
  method: 'get',
  path: '/',
  summary: "The server's event-loop delay (p50, p99, max) in half-second windows over the last two minutes",
  responses: {
    200: json(EventLoopResponseSchema, 'Windows, oldest first'),
    404: refusal('Not measured by this server'),
  },
});

/** Routes of /api/health/event-loop; without a measurement, it answers as a route that is not there. */
export function eventLoopRoutes(delay: EventLoopDelay | undefined) {
  return apiRoutes().openapi(eventLoop, (c) => {
    if (!delay) throw notFound('There is no such API route.');
    return c.json(delay.report(), 200);
  });
}
