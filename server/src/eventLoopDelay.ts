/**
 * The server's event-loop delay, kept in windows of fixed length over the last two minutes, so that an
 * operator (and the integration tests) can see whether anything held the loop — the one thing every
 * person on this server waits on. perf_hooks samples it with a timer every 10 ms: a cost of nothing
 * measurable beside the sockets.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventLoopResponse, EventLoopWindow } from '@polyphony/shared';

const WINDOW_MS = 500;
const WINDOWS_KEPT = 240;
const RESOLUTION_MS = 10;
const NS_PER_MS = 1e6;

/** Windows of the event-loop delay; stop() ends the sampling. */
export class EventLoopDelay {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly windows: EventLoopWindow[] = [];
  private from = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.histogram.enable();
    this.timer = setInterval(() => this.rotate(), WINDOW_MS);
    this.timer.unref();
  }

  /** The windows kept, oldest first, with the window under way last. */
  report(): EventLoopResponse {
    return { windowMs: WINDOW_MS, windows: [...this.windows, this.current()] };
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private current(): EventLoopWindow {
    const h = this.histogram;
    // An empty histogram reports its extreme sentinel values: a window without samples held nothing.
    const sampled = h.count > 0;
    // The histogram holds the time between the sampling timer's ticks: its own interval is not a delay.
    const delay = (ns: number) => (sampled ? Math.max(0, ns / NS_PER_MS - RESOLUTION_MS) : 0);
    return {
      from: this.from,
      to: Date.now(),
      p50Ms: delay(h.percentile(50)),
      p99Ms: delay(h.percentile(99)),
      maxMs: delay(h.max),
    };
  }

  private rotate(): void {
    this.windows.push(this.current());
    if (this.windows.length > WINDOWS_KEPT) this.windows.shift();
    this.histogram.reset();
    this.from = Date.now();
  }
}
