/** GET /api/health/event-loop: the server's event-loop delay over the last two minutes (no content, no ids). */
import type { EventLoopResponse } from '@polyphony/shared';
import { Hono } from 'hono';
import type { EventLoopDelay } from '../eventLoopDelay.js';

/** Routes of /api/health/event-loop. */
export function eventLoopRoutes(eventLoop: EventLoopDelay) {
  return new Hono().get('/', (c) => c.json<EventLoopResponse>(eventLoop.report()));
}
