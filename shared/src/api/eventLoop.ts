/** GET /api/health/event-loop: how late the server's event loop has been, in windows of fixed length. */
import { z } from 'zod';

/** One window of the server's event-loop delay (perf_hooks.monitorEventLoopDelay, the sampling interval taken off), in ms. */
export const EventLoopWindowSchema = z.object({
  /** When the window began and ended (ms since the epoch, the server's clock). */
  from: z.number(),
  to: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number(),
});
export type EventLoopWindow = z.infer<typeof EventLoopWindowSchema>;

/** GET /api/health/event-loop: the last windows, oldest first; the one under way last. */
export const EventLoopResponseSchema = z.object({
  windowMs: z.number(),
  windows: z.array(EventLoopWindowSchema),
});
export type EventLoopResponse = z.infer<typeof EventLoopResponseSchema>;
