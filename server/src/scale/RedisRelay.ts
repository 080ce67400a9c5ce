/**
 * Relays updates and presence between Polyphony instances over Redis pub/sub, one channel per meeting.
 * Redis never holds the only copy of anything, and no instance ever acknowledges what no store holds:
 *
 * - An update is published twice over. When an instance accepts it, it is published as *provisional*, in a
 *   numbered batch (per meeting, per loaded copy of it): the other instances show it to their sockets at
 *   once, so a keystroke reaches people on another instance without waiting for a database commit. When
 *   the commit is done, the instance publishes *committed through batch N*, and only then do the others
 *   put those updates into their document — the document being what an instance acknowledges as "saved"
 *   and what it asks a joining client for. An instance killed before its commit leaves the others without
 *   its edits in their documents, so a client that moves over is asked for them and sends them again.
 *   (Putting them into the document on arrival was tried, and caught by scaleOut.test.ts: the others then
 *   acknowledged edits no store had.) Before a commit takes a meeting's updates, its last batch is
 *   published, so "committed through N" always covers everything the commit held.
 * - An instance that is told of a commit whose batches it did not all see (they were published before it
 *   subscribed, or lost), or that holds provisional updates nobody confirmed for PROVISIONAL_TTL_MS, brings
 *   the meeting up to date from the store.
 * - An instance subscribes to a meeting before reading it from the store, so every committed update is
 *   either in what it read or confirmed on the channel afterwards.
 * - When the connection to Redis is lost, messages published meanwhile are lost to this instance; when
 *   it comes back, every loaded meeting is brought up to date from the store — at once, and once more a
 *   moment later for commits that were under way.
 *
 * Message: varString instanceId · varUint kind · varUint8Array payload. Kinds: 1 presence; 3 provisional
 * (varUint copy · varUint batch · varUint n · n × varUint8Array update); 4 committed (varUint copy ·
 * varUint through); 2, a commit's updates (varUint n · n × varUint8Array), is what earlier versions sent
 * after each commit and is still understood, so instances can be upgraded one at a time. 5, a nudge
 * (varUint topic): something of the meeting outside its document changed (someone asked to join), and
 * the instance's sockets of it are nudged to fetch it again; an instance that does not know the kind
 * ignores it (its pages then find out at their slow poll).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../logger.js';
import type { Room } from '../sync/Room.js';
import type { SyncHooks, SyncServer } from '../sync/SyncServer.js';
import { PROVISIONAL_TTL_MS, ProvisionalUpdates } from './ProvisionalUpdates.js';
import { RelayLagProbe } from './RelayLagProbe.js';

const KIND_AWARENESS = 1;
const KIND_UPDATES = 2;
const KIND_PROVISIONAL = 3;
const KIND_COMMITTED = 4;
const KIND_NUDGE = 5;
/** After Redis comes back, loaded meetings are read from the store again after this long (ms). */
const RESYNC_AGAIN_MS = 2000;
/** How long loading a meeting waits for the subscription before going on (Redis may be down). */
const SUBSCRIBE_WAIT_MS = 1000;
/**
 * How long to wait before the next attempt to reach Redis (ms): ioredis's default grows to 2 s, and
 * people on different instances do not see each other's edits until it is back.
 */
const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 1000);

/** What this instance publishes of one loaded meeting. */
interface Outgoing {
  /** Which load of the meeting in this instance: batch numbers start again with each. */
  copy: number;
  /** Accepted updates not yet published. */
  queue: Uint8Array[];
  /** The last batch published. */
  batch: number;
  /** The last batch the commit under way holds. */
  through: number;
}

const MEETING_CHANNEL = 'polyphony:meeting:';
const channelOf = (meetingId: string) => `${MEETING_CHANNEL}${meetingId}`;

/** The relay of one instance. */
export class RedisRelay {
  /** This instance's id in relayed messages: its own messages are ignored when they come back. */
  readonly instanceId = randomBytes(8).toString('hex');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly rooms = new Map<string, Room>();
  /** Messages for meetings being loaded: applied once the room exists. */
  private readonly waiting = new Map<string, Buffer[]>();
  private connectedBefore = false;
  private resyncTimer: NodeJS.Timeout | undefined;
  private readonly outgoing = new WeakMap<Room, Outgoing>();
  /** Per loaded room, the other instances' updates shown there and not yet committed. */
  private readonly provisional = new WeakMap<Room, ProvisionalUpdates>();
  private copies = 0;
  /** Rooms with accepted updates to publish at the end of this event-loop turn. */
  private toPublish = new Set<Room>();
  private publishScheduled = false;
  private readonly expiryTimer: NodeJS.Timeout;
  /** The relay's lag, through its own connections, for the operator's metrics. */
  readonly lagProbe: RelayLagProbe;
  /** Whether both connections to Redis are ready; undefined before the first. */
  private connected: boolean | undefined;
  private readonly connectionListeners: ((connected: boolean, error?: Error) => void)[] = [];

  constructor(
    url: string,
    private readonly sync: SyncServer,
    private readonly logger: Logger,
  ) {
    // Publishing while Redis is away fails at once rather than queueing: the store has everything and
    // the other instances resync from it when Redis is back.
    this.publisher = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: false,
      retryStrategy: reconnectDelay,
    });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: reconnectDelay });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => {
        this.logger.debug({ err: error }, 'redis');
        this.connectionChanged(error);
      });
      for (const event of ['ready', 'close', 'end']) client.on(event, () => this.connectionChanged());
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.subscriber.on('ready', () => {
      if (this.connectedBefore) {
        // The outage and its end are logged once each by whoever watches connectionChanged.
        this.logger.info('redis is back: bringing loaded meetings up to date from the store');
        this.resync();
        clearTimeout(this.resyncTimer);
        this.resyncTimer = setTimeout(() => this.resync(), RESYNC_AGAIN_MS);
        this.resyncTimer.unref();
      }
      this.connectedBefore = true;
    });
    this.expiryTimer = setInterval(() => {
      const stale = [...this.rooms.values()].filter((room) => this.provisional.get(room)?.expire() ?? false);
      if (stale.length > 0) this.resync(stale);
    }, PROVISIONAL_TTL_MS / 3);
    this.expiryTimer.unref();
    this.lagProbe = new RelayLagProbe(this.publisher, this.subscriber, this.instanceId);
  }

  /** The sync server hooks that feed the relay. */
  hooks(): SyncHooks {
    return {
      beforeLoad: async (meetingId) => {
        this.waiting.set(meetingId, []);
        // ioredis resubscribes by itself after a reconnect; a subscription made while Redis is down
        // is sent when it comes back, and the resync then covers the gap.
        // Not before the connection is ready: a subscription sent during ioredis's ready check (just
        // after start) broke the connection, and what was published until it came back was lost here.
        const subscribing = this.whenReady().then(() => this.subscriber.subscribe(channelOf(meetingId)));
        await Promise.race([
          subscribing.catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS)),
        ]);
      },
      afterLoad: (room) => {
        this.rooms.set(room.meetingId, room);
        const provisional = this.provisionalOf(room);
        room.showBesideDocument(() => provisional.updates());
        const early = this.waiting.get(room.meetingId) ?? [];
        this.waiting.delete(room.meetingId);
        for (const message of early) this.apply(room, message);
      },
      afterAccept: (room, update) => {
        this.outgoingOf(room).queue.push(update);
        this.toPublish.add(room);
        if (!this.publishScheduled) {
          this.publishScheduled = true;
          setImmediate(() => this.publishQueued());
        }
      },
      beforeTake: (room) => {
        // Everything the commit takes is in a published batch, so "committed through" covers it all.
        const state = this.outgoingOf(room);
        this.publishBatch(room, state);
        state.through = state.batch;
      },
      afterCommit: (room) => {
        const state = this.outgoingOf(room);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, state.copy);
        encoding.writeVarUint(encoder, state.through);
        this.publish(room.meetingId, KIND_COMMITTED, encoding.toUint8Array(encoder));
      },
      afterLocalAwareness: (room, update) => this.publish(room.meetingId, KIND_AWARENESS, update),
      // Published whether or not the meeting is loaded here: the newcomer asks through any instance.
      afterNudge: (meetingId, topic) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, topic);
        this.publish(meetingId, KIND_NUDGE, encoding.toUint8Array(encoder));
      },
      afterUnload: (meetingId) => {
        this.rooms.delete(meetingId);
        this.waiting.delete(meetingId);
        void this.subscriber.unsubscribe(channelOf(meetingId)).catch(() => undefined);
      },
    };
  }

  /** Be told whether this instance reaches Redis, both ways (publishing and subscribed), at each change. */
  onConnection(listener: (connected: boolean, error?: Error) => void): void {
    this.connectionListeners.push(listener);
  }

  /** Resolves if Redis answers this instance. */
  ping(): Promise<unknown> {
    return this.publisher.ping();
  }

  private connectionChanged(error?: Error): void {
    const connected = this.publisher.status === 'ready' && this.subscriber.status === 'ready';
    if (connected === this.connected) return;
    // Before the first connection only a failure is news (Redis was down when this instance started).
    if (this.connected === undefined && !connected && !error) return;
    this.connected = connected;
    for (const listener of this.connectionListeners) listener(connected, error);
  }

  private whenReady(): Promise<void> {
    if (this.subscriber.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.subscriber.once('ready', () => resolve()));
  }

  private outgoingOf(room: Room): Outgoing {
    let state = this.outgoing.get(room);
    if (!state) {
      state = { copy: ++this.copies, queue: [], batch: 0, through: 0 };
      this.outgoing.set(room, state);
    }
    return state;
  }

  private provisionalOf(room: Room): ProvisionalUpdates {
    let provisional = this.provisional.get(room);
    if (!provisional) {
      provisional = new ProvisionalUpdates();
      this.provisional.set(room, provisional);
    }
    return provisional;
  }

  private publishQueued(): void {
    this.publishScheduled = false;
    const rooms = this.toPublish;
    this.toPublish = new Set();
    for (const room of rooms) this.publishBatch(room, this.outgoingOf(room));
  }

  /** Publish a room's accepted updates as its next provisional batch (nothing if there are none). */
  private publishBatch(room: Room, state: Outgoing): void {
    if (state.queue.length === 0) return;
    const updates = state.queue;
    state.queue = [];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, state.copy);
    encoding.writeVarUint(encoder, ++state.batch);
    encoding.writeVarUint(encoder, updates.length);
    for (const update of updates) encoding.writeVarUint8Array(encoder, update);
    this.publish(room.meetingId, KIND_PROVISIONAL, encoding.toUint8Array(encoder));
  }

  private resync(rooms?: Room[]): void {
    void this.sync
      .resyncFromStore(rooms)
      .catch((error: unknown) => this.logger.error({ err: error }, 'resyncing from the store failed'));
  }

  private publish(meetingId: string, kind: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, payload);
    this.publisher.publish(channelOf(meetingId), Buffer.from(encoding.toUint8Array(encoder))).catch(() => {
      // Redis is away: nothing is lost, the others resync from the store when it is back.
    });
  }

  private receive(channel: Buffer, message: Buffer): void {
    const name = channel.toString();
    // The lag probe's channel has its own listener.
    if (!name.startsWith(MEETING_CHANNEL)) return;
    const meetingId = name.slice(MEETING_CHANNEL.length);
    const room = this.rooms.get(meetingId);
    if (room) this.apply(room, message);
    else this.waiting.get(meetingId)?.push(message);
  }

  private apply(room: Room, message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(message);
      const origin = decoding.readVarString(decoder);
      if (origin === this.instanceId) return;
      const kind = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (kind === KIND_PROVISIONAL) {
        const reader = decoding.createDecoder(payload);
        const copy = decoding.readVarUint(reader);
        const batch = decoding.readVarUint(reader);
        const count = decoding.readVarUint(reader);
        const updates: Uint8Array[] = [];
        for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(reader));
        if (this.provisionalOf(room).receive(`${origin}/${copy}`, batch, updates))
          room.showProvisional(updates);
      } else if (kind === KIND_COMMITTED) {
        const reader = decoding.createDecoder(payload);
        const copy = decoding.readVarUint(reader);
        const through = decoding.readVarUint(reader);
        const committed = this.provisionalOf(room).committed(`${origin}/${copy}`, through);
        if (committed.updates.length > 0) room.takeCommitted(committed.updates);
        if (!committed.complete) this.resync([room]);
      } else if (kind === KIND_UPDATES) {
        const list = decoding.createDecoder(payload);
        const count = decoding.readVarUint(list);
        const updates: Uint8Array[] = [];
        for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(list));
        room.receiveRelayedUpdates(updates);
      } else if (kind === KIND_AWARENESS) room.applyRelayedAwareness(payload);
      else if (kind === KIND_NUDGE) {
        this.sync.deliverNudge(room.meetingId, decoding.readVarUint(decoding.createDecoder(payload)));
      }
    } catch (error) {
      this.logger.warn({ err: error, meetingId: room.meetingId }, 'ignored a malformed relayed message');
    }
  }

  /** Disconnect from Redis. */
  async close(): Promise<void> {
    clearTimeout(this.resyncTimer);
    clearInterval(this.expiryTimer);
    this.lagProbe.stop();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
