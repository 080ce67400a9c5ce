/**
 * Looks at the store and Redis: twice a second in the background (so that an outage is noticed and
 * logged when nobody is typing), and for each /api/ready request. One look at a time: requests that come
 * while one is under way share it, so a load balancer polling a partitioned instance does not pile up
 * queries that hang. A look that takes longer than LOOK_TIMEOUT_MS counts as unreachable.
 */
import type { ReadinessResponse } from '@polyphony/shared';
import type { Dependency, DependencyWatch } from './DependencyWatch.js';

/** How long a look at one dependency may take (ms). */
const LOOK_TIMEOUT_MS = 1000;
/**
 * For this long after start, a dependency not reached yet is still being connected to, not down: its
 * failed looks are not reported (an outage would be logged at every start). /api/ready says "not ready"
 * meanwhile, which is true.
 */
const STARTUP_GRACE_MS = 3000;

/** A way to look at one dependency: resolves if it answers. */
export type Ping = () => Promise<unknown>;

/** The looks, and what /api/ready answers. */
export class Readiness {
  private looking: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = performance.now();

  constructor(
    private readonly watch: DependencyWatch,
    private readonly pings: Partial<Record<Dependency, Ping>>,
    everyMs = 500,
  ) {
    this.timer = setInterval(() => void this.look(), everyMs);
    this.timer.unref();
    void this.look();
  }

  /** Look at every dependency now (or wait for the look under way). */
  look(): Promise<void> {
    this.looking ??= Promise.all(
      (Object.entries(this.pings) as [Dependency, Ping][]).map(async ([dependency, ping]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            ping(),
            new Promise((_, reject) => {
              timer = setTimeout(
                () => reject(new Error(`no answer within ${LOOK_TIMEOUT_MS} ms`)),
                LOOK_TIMEOUT_MS,
              );
            }),
          ]);
          this.watch.report(dependency, true);
        } catch (error) {
          const starting = performance.now() - this.startedAt < STARTUP_GRACE_MS;
          if (!(starting && this.watch.state(dependency) === 'unknown'))
            this.watch.report(dependency, false, error);
        } finally {
          clearTimeout(timer);
        }
      }),
    ).then(() => {
      this.looking = null;
    });
    return this.looking;
  }

  /** Look, and say whether this instance can serve. */
  async check(): Promise<ReadinessResponse> {
    await this.look();
    const store = this.watch.state('store');
    const relay = this.watch.state('relay');
    const ready = store === 'reachable' && (relay === 'reachable' || relay === 'none');
    if (ready) return { ready, store, relay };
    const missing = [
      store !== 'reachable' && 'the store',
      relay !== 'reachable' && relay !== 'none' && 'Redis',
    ];
    return {
      ready,
      store,
      relay,
      error: 'not_ready',
      message: `Not ready: ${missing.filter(Boolean).join(' and ')} unreachable.`,
    };
  }

  /** Stop looking. */
  stop(): void {
    clearInterval(this.timer);
  }
}
