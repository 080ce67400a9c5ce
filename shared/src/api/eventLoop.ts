/** GET /api/health/event-loop: how late the server's event loop has been, in windows of fixed length. */

/** One window of the server's event-loop delay (perf_hooks.monitorEventLoopDelay, the sampling interval taken off), in ms. */
export interface EventLoopWindow {
  /** When the window began and ended (ms since the epoch, the server's clock). */
  from: number;
  to: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** GET /api/health/event-loop: the last windows, oldest first; the one under way last. */
export interface EventLoopResponse {
  windowMs: number;
  windows: EventLoopWindow[];
}
