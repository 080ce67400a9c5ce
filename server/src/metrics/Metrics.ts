/**
 * The operator's metrics, in the Prometheus text format (prom-client), served by GET /metrics to the
 * holder of METRICS_TOKEN or on METRICS_PORT (routes/metrics.ts). What a service watches:
 *
 *   polyphony_sync_open_sockets, polyphony_sync_loaded_meetings          gauges, read when scraped
 *   polyphony_sync_messages_received_total, …_sent_total                   counters (sync/traffic.ts)
 *   polyphony_sync_closes_total{code}                                      closed sockets by close code
 *   polyphony_store_commit_seconds, polyphony_store_commit_updates         histograms, one per commit
 *   polyphony_sync_saved_seconds                                           an update accepted → "saved"
 *   polyphony_store_errors_total{operation}                                failed store operations
 *   polyphony_redis_relay_lag_seconds                                      with REDIS_URL (RelayLagProbe)
 *   nodejs_eventloop_lag_*_seconds, process_resident_memory_bytes, …     prom-client's default metrics
 *
 * Cheap by construction: nothing here runs per message. The sync code counts into plain numbers that
 * are read at scrape time; commits are measured by the store the sync server is given (a wrapper); the
 * "saved" latency is taken from the sync server's own hooks, once per meeting per commit.
 */
import { CloseCodes } from '@polyphony/shared';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DocumentStore } from '../persistence/types.js';
import type { Room } from '../sync/Room.js';
import type { SyncHooks, SyncServer } from '../sync/SyncServer.js';
import { syncTraffic } from '../sync/traffic.js';
import { meterDocumentStore } from './meteredDocumentStore.js';

/** What the relay lag is read from (scale/RelayLagProbe.ts). */
export interface RelayLag {
  /** Seconds a message takes through Redis and back; undefined before the first measurement. */
  lagSeconds(): number | undefined;
}

/**
 * Close codes that are labelled as themselves: Polyphony's own and the standard ones clients use. Any
 * other code a client sends is counted as "other", so that no socket can make up new series.
 */
const KNOWN_CLOSE_CODES = new Set<number>([
  1000, // normal closure
  1001, // going away (a tab closed)
  1005, // no status code
  1006, // abnormal closure (connection lost)
  1011, // internal error
  ...Object.values(CloseCodes).map((close) => close.code),
]);

/** Commit durations: from a fraction of a millisecond (a WAL append) to seconds (a struggling disk). */
const COMMIT_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** "Saved" latencies: the commit plus the wait for it (COMMIT_INTERVAL_MS) and for the event loop. */
const SAVED_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Updates per commit: one keystroke alone, or a busy turn of many meetings. */
const BATCH_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000];

/** The metrics of one server process. */
export class Metrics {
  readonly registry = new Registry();
  private readonly commitSeconds: Histogram;
  private readonly commitUpdates: Histogram;
  private readonly savedSeconds: Histogram;
  private readonly storeErrors: Counter<'operation'>;
  /** Per room, when its oldest update not yet taken for a commit was accepted. */
  private readonly acceptedSince = new WeakMap<Room, number>();
  /** Per room, when the oldest update of the commit under way (or that failed) was accepted. */
  private readonly takenSince = new WeakMap<Room, number>();

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.commitSeconds = new Histogram({
      name: 'polyphony_store_commit_seconds',
      help: 'Duration of each commit of meeting updates (one transaction for all meetings of a turn)',
      buckets: COMMIT_BUCKETS,
      registers,
    });
    this.commitUpdates = new Histogram({
      name: 'polyphony_store_commit_updates',
      help: 'Updates held by each commit (the batch size)',
      buckets: BATCH_BUCKETS,
      registers,
    });
    this.savedSeconds = new Histogram({
      name: 'polyphony_sync_saved_seconds',
      help: 'From accepting the oldest update of a meeting in a commit to its "saved" acknowledgement',
      buckets: SAVED_BUCKETS,
      registers,
    });
    this.storeErrors = new Counter({
      name: 'polyphony_store_errors_total',
      help: 'Failed operations of the document store, by operation (commits are retried)',
      labelNames: ['operation'],
      registers,
    });
    // Present from the start with 0, so that an alert on its rate has a series before the first failure.
    for (const operation of ['append', 'load', 'compact']) this.storeErrors.inc({ operation }, 0);
  }

  /** Measure the sync server (call once, after it is made): sockets, meetings, traffic, closes. */
  observe(sync: SyncServer): void {
    const registers = [this.registry];
    new Gauge({
      name: 'polyphony_sync_open_sockets',
      help: 'Open sync WebSockets',
      registers,
      collect() {
        this.set(sync.openSockets);
      },
    });
    new Gauge({
      name: 'polyphony_sync_loaded_meetings',
      help: 'Meetings loaded in memory',
      registers,
      collect() {
        this.set(sync.loadedRooms);
      },
    });
    countedFrom('polyphony_sync_messages_received_total', 'Messages received from sync sockets', () => ({
      '': syncTraffic.messagesReceived,
    }));
    countedFrom(
      'polyphony_sync_messages_sent_total',
      'Messages sent to sync sockets (one per socket)',
      () => ({ '': syncTraffic.messagesSent }),
    );
    countedFrom(
      'polyphony_sync_closes_total',
      'Closed sync sockets, by close code (server closes and client closes; unknown codes as "other")',
      () => {
        // Every known code from the start, with 0, so that each has a series before its first close.
        const byCode: Record<string, number> = { other: 0 };
        for (const code of KNOWN_CLOSE_CODES) byCode[code] = 0;
        for (const [code, count] of syncTraffic.closes) {
          const label = KNOWN_CLOSE_CODES.has(code) ? String(code) : 'other';
          byCode[label] = (byCode[label] ?? 0) + count;
        }
        return byCode;
      },
      'code',
    );

    /** A counter whose values are read from plain numbers when scraped (per label value; '' for none). */
    function countedFrom(name: string, help: string, read: () => Record<string, number>, label?: string) {
      const reported = new Map<string, number>();
      new Counter({
        name,
        help,
        labelNames: label ? [label] : [],
        registers,
        collect() {
          for (const [value, total] of Object.entries(read())) {
            const delta = total - (reported.get(value) ?? 0);
            reported.set(value, total);
            if (label) this.inc({ [label]: value }, delta);
            else this.inc(delta);
          }
        },
      });
    }
  }

  /** Measure the Redis relay's lag (only with REDIS_URL). */
  observeRelay(relay: RelayLag): void {
    new Gauge({
      name: 'polyphony_redis_relay_lag_seconds',
      help: 'Time a message takes through Redis pub/sub and back to this instance (the last probe, or the unanswered one if older)',
      registers: [this.registry],
      collect() {
        const lag = relay.lagSeconds();
        if (lag !== undefined) this.set(lag);
      },
    });
  }

  /** The document store the sync server should use: this one, measured. */
  meter(store: DocumentStore): DocumentStore {
    return meterDocumentStore(store, {
      committed: (seconds, updates) => {
        this.commitSeconds.observe(seconds);
        this.commitUpdates.observe(updates);
      },
      failed: (operation) => this.storeErrors.inc({ operation }),
    });
  }

  /**
   * Sync server hooks that time "saved": from the first update of a meeting accepted after its last
   * commit took its updates, to the end of the commit that holds it (the "saved" messages are sent
   * right after). One number per meeting per commit; a failed commit keeps the oldest time for the retry.
   */
  hooks(): SyncHooks {
    return {
      afterAccept: (room) => {
        if (!this.acceptedSince.has(room)) this.acceptedSince.set(room, performance.now());
      },
      beforeTake: (room) => {
        const accepted = this.acceptedSince.get(room);
        if (accepted === undefined) return;
        this.acceptedSince.delete(room);
        const taken = this.takenSince.get(room);
        if (taken === undefined || accepted < taken) this.takenSince.set(room, accepted);
      },
      afterCommit: (room) => {
        const taken = this.takenSince.get(room);
        if (taken === undefined) return;
        this.takenSince.delete(room);
        this.savedSeconds.observe((performance.now() - taken) / 1000);
      },
    };
  }

  /** The metrics, in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of `render`'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
