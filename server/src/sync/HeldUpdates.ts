/**
 * A room's clients' updates held until content they build on arrives (rule [SY11]), and the three
 * clocks that keep them from waiting forever: a release soon after the document changed in a way that
 * may let some go, asking the room's writers for what is missing once they have waited a while, and
 * refusing the sockets of those that waited the whole timeout. The updates themselves are kept by
 * PendingUpdates; which of them can be accepted, and how, is the room's (Room.releaseHeld).
 */
import { CloseCodes } from '@polyphony/shared';
import type { SyncLimits } from '../config.js';
import type { Connection } from './Connection.js';
import type { Clocks, Missing } from './dependencies.js';
import { type HeldUpdate, PendingUpdates } from './PendingUpdates.js';
import { ProtocolViolation } from './ProtocolViolation.js';

/**
 * Updates held this long (ms) for content the meeting lacks make the room ask its writers for it, and
 * again every MISSING_ASK_EVERY_MS while some are still held. Another instance commits what it showed
 * within milliseconds; this is for one that died first.
 */
const MISSING_ASK_AFTER_MS = 1000;
const MISSING_ASK_EVERY_MS = 5000;

/** What the held updates need of their room. */
export interface HeldUpdatesRoom {
  /** Whether the room is unloaded: the clocks then do nothing. */
  destroyed(): boolean;
  /** Accept every held update that can go now. */
  release(): void;
  /** Ask the room's writers for what the document lacks (a SyncStep1 with its state vector). */
  askWriters(): void;
  /** Read the document's state vector again when next needed. */
  rereadDocument(): void;
  /** Close a socket for what it sent. */
  refuse(connection: Connection, violation: ProtocolViolation): void;
}

/** The held updates of one room, and their clocks. */
export class HeldUpdates {
  private readonly pending = new PendingUpdates();
  private expiryTimer: NodeJS.Timeout | undefined;
  private askTimer: NodeJS.Timeout | undefined;
  private releaseScheduled = false;
  /** When the room last asked its writers for content held updates wait for. */
  private askedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: Pick<SyncLimits, 'maxPendingUpdates' | 'maxPendingBytes' | 'pendingTimeoutMs'>,
    private readonly room: HeldUpdatesRoom,
  ) {}

  get count(): number {
    return this.pending.count;
  }

  /** Bytes of the updates held (they count against the document's size limit). */
  get bytes(): number {
    return this.pending.bytes;
  }

  /**
   * Hold `update`, the socket's latest update message, until what it misses arrives. Returns the socket
   * to refuse when the meeting holds more than its ceiling (the one holding the most; what it held is
   * dropped with it when it leaves the room), null otherwise.
   */
  hold(connection: Connection, update: Uint8Array, missing: Missing, live: boolean): Connection | null {
    this.pending.add({
      connection,
      update,
      live,
      message: connection.updatesReceived,
      missing,
      at: performance.now(),
    });
    connection.holdUpdate(connection.updatesReceived);
    if (
      this.pending.count > this.limits.maxPendingUpdates ||
      this.pending.bytes > this.limits.maxPendingBytes
    ) {
      return this.pending.largestHolder() as Connection;
    }
    this.scheduleExpiry();
    this.scheduleAsk();
    return null;
  }

  /** Take out the updates whose missing content `state` now has, oldest first. */
  takeReady(state: Clocks): HeldUpdate[] {
    return this.pending.takeReady(state);
  }

  /** Hold again, in its place, an update taken out that still waits (for something else). */
  putBack(entry: HeldUpdate): void {
    this.pending.putBack(entry);
  }

  /** Forget everything a socket sent (it left: it sends it all again when it reconnects). */
  dropFrom(connection: Connection): void {
    this.pending.dropFrom(connection);
  }

  /**
   * The document changed in a way that may let held updates go: release them soon — not from inside the
   * document's update event, where reading the state vector applies updates to it.
   */
  releaseSoon(): void {
    if (this.pending.count === 0 || this.releaseScheduled) return;
    this.releaseScheduled = true;
    setImmediate(() => {
      this.releaseScheduled = false;
      if (!this.room.destroyed()) this.room.release();
    });
  }

  /**
   * Once updates have been held for a while for content the meeting lacks (longer than another instance
   * takes to commit what it showed), ask the room's writers for it, and again now and then: a SyncStep1
   * with the document's state vector, which every y-websocket client answers with what it holds and the
   * document does not — among it, from whoever built on it, the content the held updates wait for (an
   * instance that showed it died before committing it).
   */
  private scheduleAsk(): void {
    if (this.askTimer || this.pending.count === 0) return;
    const oldest = this.pending.oldestAt() as number;
    const now = performance.now();
    const wait = Math.max(oldest + MISSING_ASK_AFTER_MS, this.askedAt + MISSING_ASK_EVERY_MS) - now;
    this.askTimer = setTimeout(
      () => {
        this.askTimer = undefined;
        if (this.room.destroyed()) return;
        this.askIfDue();
        this.scheduleAsk();
      },
      Math.max(0, wait),
    );
    this.askTimer.unref();
  }

  private askIfDue(now = performance.now()): void {
    if (this.pending.count === 0) return;
    const oldest = this.pending.oldestAt() as number;
    if (now - oldest < MISSING_ASK_AFTER_MS || now - this.askedAt < MISSING_ASK_EVERY_MS) return;
    this.askedAt = now;
    this.room.askWriters();
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer || this.pending.count === 0) return;
    const oldest = this.pending.oldestAt() as number;
    const wait = Math.max(0, oldest + this.limits.pendingTimeoutMs - performance.now());
    this.expiryTimer = setTimeout(() => {
      this.expiryTimer = undefined;
      if (this.room.destroyed()) return;
      // Before giving up on any, ask the document itself what it has.
      this.room.rereadDocument();
      this.room.release();
      // Held for the whole timeout: what they wait for is not coming. Their sockets are closed (a
      // client that does have it sends it all again when it reconnects); nothing is replayed forever.
      const expired = this.pending.holdersSince(performance.now() - this.limits.pendingTimeoutMs);
      for (const connection of expired) {
        this.room.refuse(
          connection,
          new ProtocolViolation(CloseCodes.missingDependencies, 'content updates build on never came'),
        );
      }
      this.scheduleExpiry();
    }, wait);
    this.expiryTimer.unref();
  }

  /** Stop the clocks (the room is unloaded). */
  stop(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    if (this.askTimer) clearTimeout(this.askTimer);
  }
}
