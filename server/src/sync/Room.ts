/**
 * A meeting loaded in memory: its Yjs document, its awareness, the sockets on it, and the updates that
 * are applied but not yet committed. The message loop of the y-websocket protocol runs here; storing and
 * acknowledging is the SyncServer's, which batches commits across rooms.
 */
import { CloseCodes, MessageType, SyncMessageType } from '@polyphony/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { SyncLimits } from '../config.js';
import type { DecodedUpdate } from '../integrity/inspectUpdate.js';
import { type Inspection, MeetingIntegrity } from '../integrity/MeetingIntegrity.js';
import type { StoredDocument } from '../persistence/types.js';
import { awarenessClientIds } from './awarenessClients.js';
import type { CommitBatch } from './CommitBatch.js';
import { CommitQueue } from './CommitQueue.js';
import { beforeWriting, type Connection } from './Connection.js';
import type { DiffWorker } from './DiffWorker.js';
import { checkDependencies } from './dependencies.js';
import { binaryFrame, STEP2_HEAD, UPDATE_HEAD, varBytesFrame } from './frames.js';
import { LazyDocument } from './LazyDocument.js';
import { PendingUpdates } from './PendingUpdates.js';
import { decodePresenceUpdate, Presence, type PresenceChange, type PresenceEntry } from './Presence.js';
import { ProtocolViolation } from './ProtocolViolation.js';
import { WaitForMeeting } from './WaitForMeeting.js';

/** What a room tells its owner. */
export interface RoomEvents {
  /** Presence announced by one of this room's sockets changed (to relay to other instances). */
  onLocalAwareness?(room: Room, update: Uint8Array): void;
  /** Updates are waiting to be committed, or sockets are waiting for an acknowledgement. */
  onDirty(room: Room): void;
  /** An update joined those waiting to be committed (a relay shows it to other instances now). */
  onAccepted?(room: Room, update: Uint8Array): void;
  /** The last socket left. */
  onEmpty(room: Room): void;
  /** The room refuses a socket other than the one whose message it is handling: close it (and say why). */
  onRefuse(room: Room, connection: Connection, violation: ProtocolViolation): void;
}

/**
 * Another instance's updates shown before its commit and never confirmed are forgotten after this long
 * (ms): the instance died before committing them, and their authors' clients, which were never told they
 * were saved, send them again wherever they reconnect.
 */
export const PROVISIONAL_TTL_MS = 30_000;

/** Another instance's uncommitted updates of this meeting, by the batch number it gave them. */
interface ProvisionalOrigin {
  /** The first batch seen here: earlier ones were missed, or committed before this room was loaded. */
  firstSeen: number;
  /** Batches up to this one are committed and in the document (or were missed). */
  confirmed: number;
  batches: Map<number, { updates: readonly Uint8Array[]; at: number }>;
}
/**
 * Updates held this long (ms) for content the meeting lacks make the room ask its writers for it
 * (Room.askForMissing), and again every MISSING_ASK_EVERY_MS while some are still held. Another
 * instance commits what it showed within milliseconds; this is for one that died first.
 */
const MISSING_ASK_AFTER_MS = 1000;
const MISSING_ASK_EVERY_MS = 5000;

/**
 * Presence changes of a meeting are relayed together: with the meeting's next edit once this long has
 * passed since the last relay (ms), so that they share its writes…
 */
const AWARENESS_WITH_EDITS_MS = 80;
/** …or on their own once this long has passed (a meeting where nobody is typing). */
const AWARENESS_RELAY_MS = 100;

/**
 * The transaction origin of updates relayed from another instance: already committed there, so they are
 * shown to this instance's sockets but neither stored nor acknowledged again here.
 */
export const RELAY_ORIGIN = Symbol('relay');

/** Count a message against the socket's rate; a flood closes the socket. */
function takeMessageToken(connection: Connection): void {
  if (!connection.messageLimiter.take()) {
    throw new ProtocolViolation(CloseCodes.flood, 'too many messages');
  }
}

/**
 * A re-sent update larger than this (bytes) is stored and relayed without what the document already
 * holds: a client that sends its whole copy on every connection (legal; pycrdt does) with a few new
 * edits in it would otherwise add the whole document to the log each time.
 */
const RESENT_DIFF_BYTES = 16 * 1024;

/** One meeting in memory. */
export class Room {
  /** The Yjs document, built when first needed. */
  private readonly document: LazyDocument;
  readonly presence: Presence;
  readonly connections = new Set<Connection>();
  /**
   * Updates other instances accepted and have not yet committed, by instance (see receiveProvisional):
   * relayed to this room's sockets, but not part of its document until committed.
   */
  private readonly provisional = new Map<string, ProvisionalOrigin>();
  /** What is applied and not yet committed, who waits for "saved", and what the store holds. */
  readonly commits: CommitQueue;
  /** When this room last asked its writers for content held updates wait for (askForMissing). */
  private askedAt = Number.NEGATIVE_INFINITY;
  /** Clients' updates held until content they build on arrives. */
  private readonly held = new PendingUpdates();
  private heldTimer: NodeJS.Timeout | undefined;
  private askTimer: NodeJS.Timeout | undefined;
  private releaseScheduled = false;
  /** Set while the room waits to be unloaded (nobody is in it); cleared when someone joins. */
  private unloadTimer: NodeJS.Timeout | undefined;
  /** Presence changes not yet relayed, by awareness client id. */
  private readonly awarenessChanged = new Set<number>();
  /** Of those, the ones announced by sockets of this instance (relayed to the other instances). */
  private readonly awarenessLocal = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | undefined;
  private awarenessRelayedAt = Number.NEGATIVE_INFINITY;
  /** Set once the room has been unloaded; a socket must then open the meeting again. */
  destroyed = false;
  /** The checks of members' updates and presence against the schema and their person. */
  readonly integrity: MeetingIntegrity;

  constructor(
    readonly meetingId: string,
    stored: StoredDocument,
    private readonly limits: SyncLimits,
    private readonly events: RoomEvents,
    /** Where diffs of a document not decoded here are computed, off the event loop. */
    diffWorker?: DiffWorker,
  ) {
    this.document = new LazyDocument(stored, this.onDocumentUpdate, diffWorker);
    this.commits = new CommitQueue(stored);

    // The server is not a participant: it has no presence of its own, and only relays everyone's.
    this.presence = new Presence(this.onAwarenessUpdate);
    this.integrity = new MeetingIntegrity({
      current: () => this.document.current(),
      upToDate: () => this.doc,
      behind: () => this.document.behind,
    });
  }

  /** gc off: deleted text stays in the document, so that every earlier version can be shown again. */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  /**
   * Take what waits to be committed: the updates, and the sockets owed a "saved" for them (SyncServer
   * commits every room's batch in one transaction).
   */
  takeCommit(): CommitBatch {
    return this.commits.take(() => this.document.stateVector());
  }

  /**
   * Apply what the store holds (committed, by this instance or another): shown to this instance's
   * sockets, neither stored nor acknowledged again here. With a snapshot, the document holds that
   * snapshot from now on.
   */
  applyStored(stored: Pick<StoredDocument, 'snapshot' | 'snapshotId' | 'updates'>): void {
    const doc = this.doc;
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, RELAY_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(doc, update, RELAY_ORIGIN);
    }, RELAY_ORIGIN);
    if (stored.snapshot) this.commits.snapshotId = stored.snapshotId;
  }

  /**
   * Add a socket: it is a member at once (its messages are handled from now on), and is sent the server's
   * state vector and everyone's presence by `greet`. SyncServer handles the messages the socket sent while
   * the meeting was loading in between: its own sync step 1 is answered with the document first, and
   * only then is the state vector of a meeting opened from its snapshot computed, when the store did not
   * keep it beside the snapshot (a long meeting's takes milliseconds the person opening it would
   * otherwise wait for).
   */
  addConnection(connection: Connection): void {
    if (this.unloadTimer) {
      clearTimeout(this.unloadTimer);
      this.unloadTimer = undefined;
    }
    this.connections.add(connection);
  }

  /**
   * Call `unload` in `ms` unless a socket joins first; a later call starts the wait again. The wait does
   * not keep the process alive.
   */
  unloadAfter(ms: number, unload: (room: Room) => void): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = undefined;
      unload(this);
    }, ms);
    this.unloadTimer.unref();
  }

  /** Send a socket added by addConnection the server's state vector and everyone's presence. */
  greet(connection: Connection): void {
    if (!this.connections.has(connection)) return;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    encoding.writeVarUint(step1, SyncMessageType.step1);
    encoding.writeVarUint8Array(step1, this.document.stateVector());
    connection.send(encoding.toUint8Array(step1));
    const present = this.presence.clientIds();
    if (present.length > 0) connection.send(this.awarenessMessage(present));
  }

  /** Remove a socket and the presence it announced. */
  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.commits.forget(connection);
    // What it sent that was held is dropped: a client sends it all again when it reconnects.
    if (connection.dropHeldUpdates()) this.held.dropFrom(connection);
    if (connection.awarenessIds.size > 0) {
      this.presence.remove([...connection.awarenessIds], connection);
    }
    if (this.connections.size === 0) this.events.onEmpty(this);
  }

  /**
   * Handle one message from a socket of this room. Throws ProtocolViolation when the socket must be
   * closed; the document is unchanged in that case.
   */
  receive(connection: Connection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        takeMessageToken(connection);
        this.receiveSync(connection, decoder);
        return;
      case MessageType.awareness:
        this.receiveAwareness(connection, decoding.readVarUint8Array(decoder), message.length);
        return;
      case MessageType.queryAwareness:
        takeMessageToken(connection);
        connection.send(this.awarenessMessage(this.presence.clientIds()));
        return;
      default:
        // As the reference server does: a type this server does not know (a later extension of the
        // protocol, a server-to-client type) is ignored, and counts against the socket's rate.
        takeMessageToken(connection);
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case SyncMessageType.step1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        // A client asks once per connection; each question may cost a diff of the whole document.
        if (!connection.syncRequestLimiter.take()) {
          throw new ProtocolViolation(CloseCodes.flood, 'too many sync requests');
        }
        this.answerSyncStep1(connection, stateVector);
        // Other instances' uncommitted updates, which everyone already here was shown as they came.
        for (const update of this.provisionalUpdates())
          connection.sendFrame(varBytesFrame(UPDATE_HEAD, update));
        return;
      }
      case SyncMessageType.step2:
      case SyncMessageType.update: {
        const update = decoding.readVarUint8Array(decoder);
        // A returning client's first answer to a meeting not decoded here waits (off the event loop) for
        // the snapshot's deletions, which tell whether it brings anything new, before it is counted.
        const deletionsComing = syncType === SyncMessageType.step2 ? this.document.deletionsComing() : null;
        if (deletionsComing && connection.principal.canWrite && update.length > 2) {
          throw new WaitForMeeting(deletionsComing);
        }
        connection.countUpdate();
        // Read-only sockets (observers) have their updates dropped, and never acknowledged: nothing
        // they sent was saved, and the client must not say it was.
        if (!connection.principal.canWrite) return;
        // A held update is acknowledged once it is released and committed, not before.
        if (!this.applyClientUpdate(connection, update, syncType === SyncMessageType.update)) return;
        this.commits.awaitAck(connection);
        this.events.onDirty(this);
        return;
      }
      default:
        throw new ProtocolViolation(CloseCodes.malformedMessage, `unknown sync message type ${syncType}`);
    }
  }

  /**
   * Check a client's update and take it in: accepted (true), or held back (false) until content it
   * builds on arrives; throws ProtocolViolation to refuse it, nothing of it applied. `live` is true for
   * an Update (a live edit), false for a SyncStep2 (what the browser holds and the server did not, at
   * connecting).
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array, live: boolean): boolean {
    // A client with nothing to add answers the server's step 1 with an empty update: nothing to apply,
    // and no reason to build a document that is not built yet.
    if (update.length === 2 && update[0] === 0 && update[1] === 0) return true;
    let decoded: DecodedUpdate;
    try {
      // Decode completely before applying, so that a malformed update cannot leave half of itself in
      // the document.
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'update could not be decoded');
    }
    // What a returning client sends back of a meeting not decoded here: nothing new is acknowledged
    // without building the document for it (snapshotDeletes.ts).
    if (!live && this.document.holdsAllOf(decoded)) return true;
    const writer = connection.principal;
    const inspection = this.integrity.inspect(writer, update, decoded);
    // Everything in it is in the document already (a reconnect, a client that re-sends its whole copy):
    // nothing to store, relay or count against the size limit; it is acknowledged like any other.
    if (!inspection.fresh) return true;
    let accepted = update;
    const built = this.document.decoded;
    if (inspection.resent && update.length > RESENT_DIFF_BYTES && built) {
      accepted = Y.diffUpdate(update, Y.encodeStateVector(built));
      decoded = Y.decodeUpdate(accepted);
    }
    // The limit counts how much the document grows (held updates included), not what clients send.
    if (
      this.commits.storedBytes + this.commits.pendingBytes + this.held.bytes + accepted.length >
      this.limits.maxDocumentBytes
    ) {
      throw new ProtocolViolation(CloseCodes.documentTooLarge, 'the meeting document is full');
    }
    // Content it builds on that the meeting does not have: held back — not applied, relayed or stored —
    // until that content arrives. Yjs would keep it in the document's pending set, where every such
    // update costs more than the last, for everyone in the meeting (see dependencies.ts). It is inspected
    // again when released: only then can the place of its content be checked.
    const check = checkDependencies(decoded, this.document.knownState());
    if (!check.ok) {
      this.hold(connection, accepted, check.missing, live);
      return false;
    }
    this.accept(connection, accepted, check.advanced, inspection, live);
    if (this.held.count > 0) this.releaseHeld();
    return true;
  }

  /**
   * Take an update that can be integrated and has passed the checks. It is relayed as the client sent
   * it, framed once for everyone, and applied to the document later with the others of this turn (when
   * the commit needs the state vector, or sooner if anything reads the document): what a Yjs peer would
   * receive from the document anyway.
   */
  private accept(
    connection: Connection,
    update: Uint8Array,
    advanced: ReadonlyMap<number, number>,
    inspection: Inspection,
    live: boolean,
  ): void {
    const writer = connection.principal;
    this.integrity.accepted(writer, inspection, live);
    const known = this.document.knownState();
    for (const [client, clock] of advanced) known.set(client, clock);
    this.document.addLater(update);
    this.commits.add(update);
    this.broadcast(update, connection);
    this.events.onAccepted?.(this, update);
    if (inspection.voiceBlocks.length > 0) this.integrity.correctTypists(this.doc, writer, inspection);
  }

  /**
   * Once updates have been held for a while for content the meeting lacks (longer than another instance
   * takes to commit what it showed), ask this room's writers for it, and again now and then: a SyncStep1
   * with the document's state vector, which every y-websocket client answers with what it holds and the
   * document does not — among it, from whoever built on it, the content the held updates wait for (an
   * instance that showed it died before committing it).
   */
  private scheduleAsk(): void {
    if (this.askTimer || this.held.count === 0) return;
    const oldest = this.held.oldestAt() as number;
    const now = performance.now();
    const wait = Math.max(oldest + MISSING_ASK_AFTER_MS, this.askedAt + MISSING_ASK_EVERY_MS) - now;
    this.askTimer = setTimeout(
      () => {
        this.askTimer = undefined;
        if (this.destroyed) return;
        this.askForMissing();
        this.scheduleAsk();
      },
      Math.max(0, wait),
    );
    this.askTimer.unref();
  }

  private askForMissing(now = performance.now()): void {
    if (this.held.count === 0) return;
    const oldest = this.held.oldestAt() as number;
    if (now - oldest < MISSING_ASK_AFTER_MS || now - this.askedAt < MISSING_ASK_EVERY_MS) return;
    this.askedAt = now;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    encoding.writeVarUint(step1, SyncMessageType.step1);
    encoding.writeVarUint8Array(step1, this.document.stateVector());
    const frame = binaryFrame(encoding.toUint8Array(step1));
    for (const connection of this.connections) if (connection.principal.canWrite) connection.sendFrame(frame);
  }

  /**
   * The document changed in a way `known` did not follow (the server's own change, other instances'
   * updates, the store): read it again when next needed, and see whether held updates can go now.
   */
  private forgetKnownState(): void {
    this.document.forgetKnownState();
    if (this.held.count === 0 || this.releaseScheduled) return;
    // Not from inside the document's update event: reading the state vector applies updates to it.
    this.releaseScheduled = true;
    setImmediate(() => {
      this.releaseScheduled = false;
      if (!this.destroyed) this.releaseHeld();
    });
  }

  private hold(
    connection: Connection,
    update: Uint8Array,
    missing: { client: number; clock: number },
    live: boolean,
  ): void {
    this.held.add({
      connection,
      update,
      live,
      message: connection.updatesReceived,
      missing,
      at: performance.now(),
    });
    connection.holdUpdate(connection.updatesReceived);
    if (this.held.count > this.limits.maxPendingUpdates || this.held.bytes > this.limits.maxPendingBytes) {
      // Over the meeting's ceiling: the socket holding the most is refused, and what it held dropped.
      const holder = this.held.largestHolder() as Connection;
      const violation = new ProtocolViolation(
        CloseCodes.missingDependencies,
        `${this.held.count} updates (${this.held.bytes} bytes) wait for content the meeting does not have`,
      );
      if (holder === connection) throw violation;
      this.events.onRefuse(this, holder, violation);
      return;
    }
    this.scheduleHeldExpiry();
    this.scheduleAsk();
  }

  /** Accept every held update whose missing content has arrived (and what that in turn lets through). */
  private releaseHeld(): void {
    let released = false;
    for (let progress = true; progress && this.held.count > 0; ) {
      progress = false;
      const known = this.document.knownState();
      for (const entry of this.held.takeReady(known)) {
        // Its socket was refused meanwhile (what it held was dropped with it).
        if (!entry.connection.accepting) continue;
        // What it waits for may now be something else. Its content is inspected again now that it can be
        // placed (when it came, only its author could be checked); a refusal closes its socket.
        const { connection } = entry;
        let check: ReturnType<typeof checkDependencies>;
        let inspection: Inspection;
        try {
          const decoded = Y.decodeUpdate(entry.update);
          check = checkDependencies(decoded, known);
          if (!check.ok) {
            entry.missing = check.missing;
            this.held.putBack(entry);
            continue;
          }
          inspection = this.integrity.inspect(connection.principal, entry.update, decoded);
        } catch (error) {
          const violation =
            error instanceof ProtocolViolation
              ? error
              : new ProtocolViolation(CloseCodes.malformedMessage, String(error));
          this.events.onRefuse(this, connection, violation);
          continue;
        }
        connection.releaseUpdate(entry.message);
        if (inspection.fresh) this.accept(connection, entry.update, check.advanced, inspection, entry.live);
        this.commits.awaitAck(connection);
        progress = true;
        released = true;
      }
    }
    if (released) this.events.onDirty(this);
  }

  private scheduleHeldExpiry(): void {
    if (this.heldTimer || this.held.count === 0) return;
    const oldest = this.held.oldestAt() as number;
    const wait = Math.max(0, oldest + this.limits.pendingTimeoutMs - performance.now());
    this.heldTimer = setTimeout(() => {
      this.heldTimer = undefined;
      if (this.destroyed) return;
      // Before giving up on any, ask the document itself what it has.
      this.document.forgetKnownState();
      this.releaseHeld();
      // Held for the whole timeout: what they wait for is not coming. Their sockets are closed (a
      // client that does have it sends it all again when it reconnects); nothing is replayed forever.
      const expired = this.held.holdersSince(performance.now() - this.limits.pendingTimeoutMs);
      for (const connection of expired) {
        this.events.onRefuse(
          this,
          connection,
          new ProtocolViolation(CloseCodes.missingDependencies, 'content updates build on never came'),
        );
      }
      this.scheduleHeldExpiry();
    }, wait);
    this.heldTimer.unref();
  }

  private receiveAwareness(connection: Connection, update: Uint8Array, messageBytes: number): void {
    let ids: number[];
    try {
      ids = awarenessClientIds(update);
    } catch {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'awareness update could not be decoded');
    }
    // A socket may announce only its own presence, never someone else's. The stock y-websocket client
    // relays every presence change it receives back to the server; those relays are ignored here, and
    // cost the socket nothing, so a quiet reader in a busy meeting is never taken for a flood. They are
    // recognised before the size limit: the server relays a meeting's presence changes together, and a
    // stock client in a meeting of fifty echoes that as one message larger than any one person's presence.
    for (const id of ids) {
      for (const other of this.connections) {
        if (other !== connection && other.awarenessIds.has(id)) return;
      }
    }
    // The echo of anything the server relayed — people who have left included (a departure the stock
    // client echoes is of ids no socket holds any more) — is as old as what the meeting has: it changes
    // nothing, is ignored whatever its size, and counts only as a message.
    let echo: boolean;
    try {
      echo = this.presence.changesNothing(update);
    } catch {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'awareness update could not be decoded');
    }
    if (echo) {
      takeMessageToken(connection);
      return;
    }
    if (messageBytes > this.limits.maxAwarenessBytes) {
      throw new ProtocolViolation(CloseCodes.messageTooBig, 'awareness message too large');
    }
    let entries: PresenceEntry[];
    try {
      entries = decodePresenceUpdate(update);
    } catch {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'awareness update could not be decoded');
    }
    takeMessageToken(connection);
    // Presence says who the socket's person is as the server knows them; malformed presence is dropped.
    entries = this.integrity.bindPresence(connection.principal, entries);
    if (entries.length === 0) return;
    if (connection.awarenessLimiter.take()) {
      this.presence.apply(entries, connection);
      return;
    }
    // Over the presence rate: keep only the newest and apply it when the rate allows. Presence is
    // ephemeral, so coalescing loses nothing anyone would notice (a cursor skips a position).
    const waiting = connection.deferredAwareness === undefined;
    connection.deferredAwareness = entries;
    if (waiting) {
      setTimeout(() => {
        const latest = connection.deferredAwareness;
        connection.deferredAwareness = undefined;
        if (latest && connection.isOpen && this.connections.has(connection)) {
          this.presence.apply(latest, connection);
        }
      }, 1000 / this.limits.awarenessPerSecond);
    }
  }

  /**
   * Answer a SyncStep1 with what the socket lacks. The answer is kept per state vector until the document
   * changes, and a socket asking again before it changed is not sent it again (it has it). For a meeting
   * not decoded here the diff is computed off the event loop from its stored bytes.
   */
  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    const reply = this.document.reply(stateVector);
    if (!(reply instanceof Promise)) {
      this.sendSyncReply(connection, reply);
      return;
    }
    reply.then(
      (frame) => this.sendSyncReply(connection, frame),
      // The worker failed: answered here, from the document.
      () => {
        if (!this.destroyed && connection.isOpen) {
          this.sendSyncReply(
            connection,
            varBytesFrame(STEP2_HEAD, Y.encodeStateAsUpdate(this.doc, stateVector)),
          );
        }
      },
    );
  }

  private sendSyncReply(connection: Connection, frame: Buffer): void {
    if (connection.lastSyncReply === frame) return;
    connection.lastSyncReply = frame;
    connection.sendFrame(frame);
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, this.presence.encode(clients));
    return encoding.toUint8Array(encoder);
  }

  /** Every change of the document: queue it for the store and relay it, encoded once, to the others. */
  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    this.document.changed();
    this.forgetKnownState();
    const relayed = origin === RELAY_ORIGIN;
    if (!relayed) this.commits.add(update);
    this.broadcast(update, origin);
    if (!relayed) {
      this.events.onAccepted?.(this, update);
      this.events.onDirty(this);
    }
  };

  /** Send an update, encoded once, to every socket but the one it came from. */
  private broadcast(update: Uint8Array, from: unknown): void {
    const frame = varBytesFrame(UPDATE_HEAD, update);
    for (const connection of this.connections) {
      if (connection !== from) connection.sendFrame(frame);
    }
    // A typist's cursor move usually arrives just after their edit, in the same turn: decide at its end.
    beforeWriting(this.relayAwarenessWithEdits);
  }

  private readonly relayAwarenessWithEdits = (): void => {
    if (!this.awarenessTimer || performance.now() - this.awarenessRelayedAt < AWARENESS_WITH_EDITS_MS) return;
    clearTimeout(this.awarenessTimer);
    this.relayAwareness();
  };

  /**
   * Apply an update from the store or committed by another instance: shown to this instance's sockets,
   * neither stored nor acknowledged again here.
   */
  applyRelayed(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, RELAY_ORIGIN);
  }

  /** Updates another instance committed, in order: relayed as they came, applied with the others. */
  receiveRelayedUpdates(updates: readonly Uint8Array[]): void {
    for (const update of updates) {
      // Checked by the instance that accepted it; anything malformed is refused whole, before any of it.
      Y.decodeUpdate(update);
    }
    for (const update of updates) {
      this.document.addLater(update);
      this.broadcast(update, RELAY_ORIGIN);
    }
    this.forgetKnownState();
  }

  /**
   * Updates another instance accepted and has not committed yet: shown to this room's sockets at once
   * (and to anyone joining before the commit), but kept out of the document. The document is what this
   * instance acknowledges as saved and what it asks a joining client for: were they in it and their
   * instance died before committing, a client moving over would not send them again, and this instance
   * would acknowledge edits no store holds. `origin` names the other instance's copy of the meeting, whose
   * batches are numbered 1, 2, 3… Throws if an update is malformed (nothing is kept then).
   */
  receiveProvisional(origin: string, batch: number, updates: readonly Uint8Array[]): void {
    for (const update of updates) Y.decodeUpdate(update);
    const now = performance.now();
    let state = this.provisional.get(origin);
    if (!state) {
      // Batches before the first one seen here were missed (or committed before this room was loaded).
      state = { firstSeen: batch, confirmed: batch - 1, batches: new Map() };
      this.provisional.set(origin, state);
    }
    if (batch <= state.confirmed) return;
    state.batches.set(batch, { updates, at: now });
    for (const update of updates) this.broadcast(update, RELAY_ORIGIN);
  }

  /**
   * Another instance committed its batches up to `through`: they join the document (lazily, like clients'
   * updates). Returns false when some of them were never received here — then only the store has them,
   * and the caller must bring the room up to date from it.
   */
  receiveCommitted(origin: string, through: number): boolean {
    const state = this.provisional.get(origin);
    if (!state) return false;
    let complete = through >= state.firstSeen;
    for (let batch = state.confirmed + 1; batch <= through; batch++) {
      const held = state.batches.get(batch);
      if (!held) {
        complete = false;
        continue;
      }
      state.batches.delete(batch);
      for (const update of held.updates) this.document.addLater(update);
      this.document.changed();
      this.forgetKnownState();
    }
    state.confirmed = Math.max(state.confirmed, through);
    return complete;
  }

  /**
   * Forget other instances' uncommitted updates older than PROVISIONAL_TTL_MS. Returns whether any were
   * forgotten: their commit may have happened with its confirmation lost, so the caller brings the room
   * up to date from the store.
   */
  expireProvisional(now = performance.now()): boolean {
    let expired = false;
    for (const [origin, state] of this.provisional) {
      for (const [batch, held] of state.batches) {
        if (now - held.at < PROVISIONAL_TTL_MS) continue;
        state.batches.delete(batch);
        expired = true;
      }
      if (state.batches.size === 0) this.provisional.delete(origin);
    }
    return expired;
  }

  /** Other instances' uncommitted updates, oldest batch first. */
  private provisionalUpdates(): Uint8Array[] {
    const updates: Uint8Array[] = [];
    for (const state of this.provisional.values()) {
      for (const held of state.batches.values()) updates.push(...held.updates);
    }
    return updates;
  }

  /** Apply presence another instance's sockets announced. */
  applyRelayedAwareness(update: Uint8Array): void {
    // Checked by the instance that accepted it; an update that is not well-formed changes nothing.
    const entries = decodePresenceUpdate(update);
    this.integrity.learnPresence(entries);
    this.presence.apply(entries, RELAY_ORIGIN);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: PresenceChange,
    origin: unknown,
  ): void => {
    if (origin && this.connections.has(origin as Connection)) {
      const connection = origin as Connection;
      for (const id of added) connection.awarenessIds.add(id);
      for (const id of updated) connection.awarenessIds.add(id);
      for (const id of removed) connection.awarenessIds.delete(id);
    }
    for (const id of added) this.awarenessChanged.add(id);
    for (const id of updated) this.awarenessChanged.add(id);
    for (const id of removed) this.awarenessChanged.add(id);
    // Changes from a socket of this instance (including its leaving) go to the other instances too; each
    // instance times out stale presence on its own, and relayed presence is not relayed again.
    if (typeof origin === 'object' && origin !== null) {
      for (const id of added.concat(updated, removed)) this.awarenessLocal.add(id);
    }
    if (this.awarenessTimer) return;
    // Presence is relayed at most every AWARENESS_RELAY_MS per meeting (sooner with an edit, above), all
    // changes of the interval in one message encoded once: typists move their cursor with every
    // keystroke, and relaying each move to everyone cost as much as the document itself, mostly in
    // writes of their own. A quiet meeting relays at once.
    const wait = Math.max(0, this.awarenessRelayedAt + AWARENESS_RELAY_MS - performance.now());
    this.awarenessTimer = setTimeout(this.relayAwareness, wait);
  };

  private readonly relayAwareness = (): void => {
    this.awarenessTimer = undefined;
    this.awarenessRelayedAt = performance.now();
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    const local = [...this.awarenessLocal];
    this.awarenessLocal.clear();
    if (changed.length === 0 || this.destroyed) return;
    const frame = binaryFrame(this.awarenessMessage(changed));
    const now = performance.now();
    for (const connection of this.connections) {
      // A socket is not told about only its own presence, which it already knows — unless it has been
      // sent nothing for a while: the stock client reconnects after 30 s without a message, and its
      // own presence, renewed every 15 s, is what keeps a person alone in a meeting connected.
      if (
        changed.every((id) => connection.awarenessIds.has(id)) &&
        now - connection.lastSentAt < this.limits.keepAliveMs
      ) {
        continue;
      }
      connection.sendFrame(frame);
    }
    if (local.length > 0) {
      this.events.onLocalAwareness?.(this, this.presence.encode(local));
    }
  };

  /** Stop the room; returns its document, detached, for whoever still wants to read it. */
  destroy(): Y.Doc {
    this.destroyed = true;
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.heldTimer) clearTimeout(this.heldTimer);
    if (this.askTimer) clearTimeout(this.askTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.presence.destroy();
    return this.document.detach();
  }
}
