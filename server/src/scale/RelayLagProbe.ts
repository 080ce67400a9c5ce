/**
 * Measures the Redis relay's lag for the operator's metrics: once a second, a probe is published on a
 * channel of this instance's own, over the relay's own publisher connection, and timed until the relay's
 * own subscriber connection receives it. It waits behind the same queues as relayed updates (this
 * process's writes, Redis, the subscriber's backlog, this event loop), so its round trip is what an
 * update takes from being published here to being received by any instance, this one included.
 *
 * Message: the probe's number, as decimal text. A probe not answered counts as lag from the moment it
 * was sent (Redis away: the lag grows until it is back); answered probes end every older one.
 */
import type { Redis } from 'ioredis';

/** How often a probe is sent (ms). */
const PROBE_EVERY_MS = 1000;
/** Unanswered probes kept at most (Redis away for this many seconds: the oldest is kept). */
const MAX_OUTSTANDING = 600;

/** The relay lag, measured through the relay's own connections. */
export class RelayLagProbe {
  readonly channel: string;
  private next = 1;
  /** Probes sent and not answered: number → when sent (performance.now()). */
  private readonly outstanding = new Map<number, number>();
  private lastSeconds: number | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly publisher: Redis,
    subscriber: Redis,
    instanceId: string,
  ) {
    this.channel = `polyphony:probe:${instanceId}`;
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (channel.toString() === this.channel) this.answered(Number(message.toString()));
    });
    const subscribe = () => void subscriber.subscribe(this.channel).catch(() => undefined);
    // ioredis subscribes again by itself after a reconnect; the first subscription waits for ready.
    if (subscriber.status === 'ready') subscribe();
    else subscriber.once('ready', subscribe);
    this.timer = setInterval(() => this.send(), PROBE_EVERY_MS);
    this.timer.unref();
  }

  /** Seconds: the last answered probe's round trip, or the oldest unanswered one's wait if longer. */
  lagSeconds(): number | undefined {
    const oldest = this.outstanding.values().next().value;
    const waiting = oldest === undefined ? undefined : (performance.now() - oldest) / 1000;
    if (waiting === undefined) return this.lastSeconds;
    // An unanswered probe's wait is a lower bound of its round trip.
    return this.lastSeconds === undefined ? waiting : Math.max(this.lastSeconds, waiting);
  }

  private send(): void {
    const probe = this.next++;
    if (this.outstanding.size < MAX_OUTSTANDING) this.outstanding.set(probe, performance.now());
    this.publisher.publish(this.channel, String(probe)).catch(() => {
      // Redis is away: the probe stays unanswered, and the lag grows until Redis is back.
    });
  }

  private answered(probe: number): void {
    const sentAt = this.outstanding.get(probe);
    if (sentAt === undefined) return;
    this.lastSeconds = (performance.now() - sentAt) / 1000;
    // Pub/sub keeps the order of one connection's messages: older probes were lost.
    for (const number of this.outstanding.keys()) {
      if (number > probe) break;
      this.outstanding.delete(number);
    }
  }

  /** Stop probing. */
  stop(): void {
    clearInterval(this.timer);
  }
}
