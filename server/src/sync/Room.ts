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
import { MeetingIntegrity } from '../integrity/MeetingIntegrity.js';
import type { StoredDocument } from '../persistence/types.js';
import { awarenessClientIds } from './awarenessClients.js';
import { beforeWriting, type Connection } from './Connection.js';
import { binaryFrame, varBytesFrame } from './frames.js';
import { decodePresenceUpdate, Presence, type PresenceChange, type PresenceEntry } from './Presence.js';
import { ProtocolViolation } from './ProtocolViolation.js';

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
}

const EMPTY_STATE_VECTOR_LENGTH = 1;
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

/** The transaction origin of clients' updates applied together (already relayed and queued). */
const CLIENT_BATCH_ORIGIN = Symbol('client updates');

/** Count a message against the socket's rate; a flood closes the socket. */
function takeMessageToken(connection: Connection): void {
  if (!connection.messageLimiter.take()) {
    throw new ProtocolViolation(CloseCodes.flood, 'too many messages');
  }
}

/** One meeting document in memory. */
/** A y-protocols sync update message is these varints, then the update (syncProtocol.writeUpdate). */
const UPDATE_HEAD = [MessageType.sync, SyncMessageType.update] as const;

/**
 * A re-sent update larger than this (bytes) is stored and relayed without what the document already
 * holds: a client that sends its whole copy on every connection (legal; pycrdt does) with a few new
 * edits in it would otherwise add the whole document to the log each time.
 */
const RESENT_DIFF_BYTES = 16 * 1024;

export class Room {
  /**
   * A meeting stored as one snapshot is not decoded when it is opened: the first joiners are answered
   * with the stored bytes, and the document is built when something needs it (a change, a joiner who
   * already holds part of it, a reader). Decoding a long meeting takes a few hundred milliseconds that a
   * person opening yesterday's meeting would otherwise wait for.
   */
  private lazySnapshot: Uint8Array | null = null;
  /**
   * The lazy snapshot's state vector: the one stored beside it when the store has it (nothing decoded),
   * otherwise computed from the snapshot when first asked for.
   */
  private lazyStateVector: Uint8Array | null = null;
  private built: Y.Doc | null = null;
  readonly presence: Presence;
  readonly connections = new Set<Connection>();
  /** Applied to the document (or waiting in `unapplied`), not yet committed (oldest first). */
  private pending: Uint8Array[] = [];
  /** Clients' updates, checked and relayed, not yet applied to the document (oldest first). */
  private unapplied: Uint8Array[] = [];
  /**
   * Updates other instances accepted and have not yet committed, by instance (see receiveProvisional):
   * relayed to this room's sockets, but not part of its document until committed.
   */
  private readonly provisional = new Map<string, ProvisionalOrigin>();
  private pendingBytes = 0;
  /** Sockets that sent updates since their last acknowledgement. */
  readonly awaitingAck = new Set<Connection>();
  /** Bytes committed to the store for this document. */
  storedBytes: number;
  /** Sequence number of the last committed update. */
  lastSeq: number;
  /** Updates committed since the last snapshot. */
  updatesSinceSnapshot: number;
  /** The whole document encoded, kept until the next change: joiners with nothing get it for free. */
  private encodedState: Uint8Array | null = null;
  unloadTimer: NodeJS.Timeout | undefined;
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
  ) {
    if (stored.snapshot && stored.updates.length === 0) {
      this.lazySnapshot = stored.snapshot;
      this.lazyStateVector = stored.snapshotStateVector;
      // The snapshot is the whole document, encoded: joiners with nothing get it as it is.
      this.encodedState = stored.snapshot;
    } else {
      this.build(stored);
    }
    this.storedBytes = stored.bytes;
    this.lastSeq = stored.lastSeq;
    this.updatesSinceSnapshot = stored.updates.length;

    // The server is not a participant: it has no presence of its own, and only relays everyone's.
    this.presence = new Presence(this.onAwarenessUpdate);
    this.integrity = new MeetingIntegrity({
      current: () => this.built ?? this.buildFromSnapshot(),
      upToDate: () => this.doc,
      behind: () => this.unapplied.length > 0,
    });
  }

  /** gc off: deleted text stays in the document, so that every earlier version can be shown again. */
  get doc(): Y.Doc {
    const doc = this.built ?? this.buildFromSnapshot();
    if (this.unapplied.length > 0) this.applyUnapplied(doc);
    return doc;
  }

  private buildFromSnapshot(): Y.Doc {
    const snapshot = this.lazySnapshot;
    this.lazySnapshot = null;
    this.lazyStateVector = null;
    return this.build({ snapshot, updates: [] });
  }

  /**
   * Apply the clients' updates received since the document was last needed, in one transaction. They
   * were relayed as they came; the document's own update event is off meanwhile, because it would only
   * encode again what was already relayed and queued for the store.
   */
  private applyUnapplied(doc: Y.Doc): void {
    const updates = this.unapplied;
    this.unapplied = [];
    doc.off('update', this.onDocumentUpdate);
    try {
      doc.transact(() => {
        for (const update of updates) {
          try {
            Y.applyUpdate(doc, update);
          } catch {
            // Every update decoded cleanly before it was accepted, so Yjs does not refuse one here; if it
            // ever did, the others of the batch must still be applied.
          }
        }
      }, CLIENT_BATCH_ORIGIN);
    } finally {
      doc.on('update', this.onDocumentUpdate);
    }
  }

  /** The document's state vector, without building the document for it. */
  stateVector(): Uint8Array {
    if (this.built || this.unapplied.length > 0) return Y.encodeStateVector(this.doc);
    this.lazyStateVector ??= Y.encodeStateVectorFromUpdate(this.lazySnapshot as Uint8Array);
    return this.lazyStateVector;
  }

  private build(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): Y.Doc {
    const doc = new Y.Doc({ gc: false });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    doc.on('update', this.onDocumentUpdate);
    this.built = doc;
    return doc;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Take the updates waiting to be committed. */
  takePending(): { updates: Uint8Array[]; bytes: number } {
    const taken = { updates: this.pending, bytes: this.pendingBytes };
    this.pending = [];
    this.pendingBytes = 0;
    return taken;
  }

  /** Put back updates whose commit failed, before any that arrived since. */
  restorePending(updates: Uint8Array[], bytes: number): void {
    this.pending = updates.concat(this.pending);
    this.pendingBytes += bytes;
  }

  /** Record a successful commit of `count` updates ending at `lastSeq`. */
  committed(count: number, bytes: number, lastSeq: number | undefined): void {
    this.storedBytes += bytes;
    this.updatesSinceSnapshot += count;
    if (lastSeq !== undefined) this.lastSeq = lastSeq;
  }

  /** Record a compaction into a snapshot of `bytes` bytes. */
  compacted(bytes: number, throughSeq: number): void {
    if (throughSeq === this.lastSeq) this.updatesSinceSnapshot = 0;
    this.storedBytes = bytes;
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

  /** Send a socket added by addConnection the server's state vector and everyone's presence. */
  greet(connection: Connection): void {
    if (!this.connections.has(connection)) return;
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    encoding.writeVarUint(step1, SyncMessageType.step1);
    encoding.writeVarUint8Array(step1, this.stateVector());
    connection.send(encoding.toUint8Array(step1));
    const present = this.presence.clientIds();
    if (present.length > 0) connection.send(this.awarenessMessage(present));
  }

  /** Remove a socket and the presence it announced. */
  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.awaitingAck.delete(connection);
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
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MessageType.sync);
        encoding.writeVarUint(reply, SyncMessageType.step2);
        encoding.writeVarUint8Array(reply, this.encodeStateAsUpdate(stateVector));
        connection.send(encoding.toUint8Array(reply));
        // Other instances' uncommitted updates, which everyone already here was shown as they came.
        for (const update of this.provisionalUpdates())
          connection.sendFrame(varBytesFrame(UPDATE_HEAD, update));
        return;
      }
      case SyncMessageType.step2:
      case SyncMessageType.update: {
        const update = decoding.readVarUint8Array(decoder);
        connection.receivedUpdates++;
        // Read-only sockets (observers) have their updates dropped, and never acknowledged: nothing
        // they sent was saved, and the client must not say it was.
        if (!connection.principal.canWrite) return;
        this.applyClientUpdate(connection, update, syncType === SyncMessageType.update);
        this.awaitingAck.add(connection);
        this.events.onDirty(this);
        return;
      }
      default:
        throw new ProtocolViolation(CloseCodes.malformedMessage, `unknown sync message type ${syncType}`);
    }
  }

  /**
   * Check a client's update and take it in. `live` is true for an Update (a live edit), false for a
   * SyncStep2 (what the browser holds and the server did not, at connecting).
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array, live: boolean): void {
    // A client with nothing to add answers the server's step 1 with an empty update: nothing to apply,
    // and no reason to build a document that is not built yet.
    if (update.length === 2 && update[0] === 0 && update[1] === 0) return;
    const writer = connection.principal;
    const inspection = this.integrity.inspect(writer, update);
    // Everything in it is in the document already (a reconnect, a client that re-sends its whole copy):
    // nothing to store, relay or count against the size limit; it is acknowledged like any other.
    if (!inspection.fresh) return;
    let accepted = update;
    if (inspection.resent && update.length > RESENT_DIFF_BYTES && this.built) {
      accepted = Y.diffUpdate(update, Y.encodeStateVector(this.built));
    }
    // The limit counts how much the document grows, not what clients send.
    if (this.storedBytes + this.pendingBytes + accepted.length > this.limits.maxDocumentBytes) {
      throw new ProtocolViolation(CloseCodes.documentTooLarge, 'the meeting document is full');
    }
    this.integrity.accepted(writer, inspection, live);
    // The update is relayed as the client sent it, framed once for everyone, and applied to the
    // document later with the others of this turn (when the commit needs the state vector, or sooner
    // if anything reads the document). Relaying the bytes as sent is what a Yjs peer would receive from
    // the document anyway: content it already has, or whose dependencies are missing, it handles itself.
    this.unapplied.push(accepted);
    this.encodedState = null;
    this.pending.push(accepted);
    this.pendingBytes += accepted.length;
    this.broadcast(accepted, connection);
    this.events.onAccepted?.(this, accepted);
    if (inspection.voiceBlocks.length > 0) this.integrity.correctTypists(this.doc, writer, inspection);
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

  private encodeStateAsUpdate(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length > EMPTY_STATE_VECTOR_LENGTH) {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    }
    this.encodedState ??= Y.encodeStateAsUpdate(this.doc);
    return this.encodedState;
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, this.presence.encode(clients));
    return encoding.toUint8Array(encoder);
  }

  /** Every change of the document: queue it for the store and relay it, encoded once, to the others. */
  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    this.encodedState = null;
    const relayed = origin === RELAY_ORIGIN;
    if (!relayed) {
      this.pending.push(update);
      this.pendingBytes += update.length;
    }
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
      this.unapplied.push(update);
      this.encodedState = null;
      this.broadcast(update, RELAY_ORIGIN);
    }
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
      for (const update of held.updates) this.unapplied.push(update);
      this.encodedState = null;
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
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.presence.destroy();
    const doc = this.doc;
    doc.off('update', this.onDocumentUpdate);
    return doc;
  }
}
