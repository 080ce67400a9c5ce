/**
 * A meeting loaded in memory: the sockets on it and the message loop of the y-websocket protocol — which
 * messages are taken, refused, held back or answered, and who is sent what. What it keeps has owners of
 * its own: the document (LazyDocument), what is to be committed and who is owed "saved" (CommitQueue;
 * the SyncServer commits every room's batch in one transaction), updates waiting for what they build on
 * (HeldUpdates), presence (Presence, relayed at the pace of PresencePacing), and the checks of what
 * members send (MeetingIntegrity). Other instances' uncommitted updates are the relay's
 * (scale/ProvisionalUpdates.ts); the room only shows them.
 */
import {
  CloseCodes,
  MessageType,
  readAwareness,
  readSyncMessage,
  writeAwareness,
  writeSyncStep1,
} from '@polyphony/shared';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { SyncLimits } from '../config.js';
import type { DecodedUpdate } from '../integrity/inspectUpdate.js';
import { type Inspection, MeetingIntegrity } from '../integrity/MeetingIntegrity.js';
import type { StoredDocument } from '../persistence/types.js';
import { awarenessClientIds } from './awarenessClients.js';
import type { CommitBatch } from './CommitBatch.js';
import { CommitQueue } from './CommitQueue.js';
import type { Connection } from './Connection.js';
import type { DiffWorker } from './DiffWorker.js';
import { checkDependencies } from './dependencies.js';
import { AWARENESS_HEAD, binaryFrame, STEP2_HEAD, UPDATE_HEAD, varBytesFrame } from './frames.js';
import { HeldUpdates } from './HeldUpdates.js';
import { decodeKeystroke } from './keystrokeUpdate.js';
import { LazyDocument } from './LazyDocument.js';
import type { OutgoingWrites } from './OutgoingWrites.js';
import {
  decodePresenceUpdate,
  Presence,
  type PresenceChange,
  type PresenceEntry,
  readPresenceEntries,
} from './Presence.js';
import { PresencePacing } from './PresencePacing.js';
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
   * Updates shown to this room's sockets that are not in its document: other instances' updates not yet
   * committed, kept by the relay (scale/ProvisionalUpdates.ts). A joiner is sent them beside the document.
   */
  private shownBesideDocument: () => readonly Uint8Array[] = () => [];
  /** What is applied and not yet committed, who waits for "saved", and what the store holds. */
  readonly commits: CommitQueue;
  /** Clients' updates held until content they build on arrives. */
  private readonly held: HeldUpdates;
  /** Set while the room waits to be unloaded (nobody is in it); cleared when someone joins. */
  private unloadTimer: NodeJS.Timeout | undefined;
  /** When presence changes are relayed (the room relays them: relayPresence). */
  private readonly pacing = new PresencePacing((changed, local) => this.relayPresence(changed, local));
  /** Set once the room has been unloaded; a socket must then open the meeting again. */
  destroyed = false;
  /** The checks of members' updates and presence against the schema and their person. */
  readonly integrity: MeetingIntegrity;

  constructor(
    readonly meetingId: string,
    stored: StoredDocument,
    private readonly limits: SyncLimits,
    private readonly events: RoomEvents,
    /** The sync server's writes of each event-loop turn (presence goes out beside edits). */
    private readonly writes: OutgoingWrites,
    /** Where diffs of a document not decoded here are computed, off the event loop. */
    diffWorker?: DiffWorker,
  ) {
    this.document = new LazyDocument(stored, this.onDocumentUpdate, diffWorker);
    this.commits = new CommitQueue(stored);
    this.held = new HeldUpdates(limits, {
      destroyed: () => this.destroyed,
      release: () => this.releaseHeld(),
      askWriters: () => this.askWriters(),
      rereadDocument: () => this.document.forgetKnownState(),
      refuse: (connection, violation) => this.events.onRefuse(this, connection, violation),
    });

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
    connection.send(writeSyncStep1(this.document.stateVector()));
    const present = this.presence.clientIds();
    if (present.length > 0) connection.send(this.awarenessMessage(present));
  }

  /** Remove a socket and the presence it announced. */
  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.commits.forget(connection);
    // What it sent that was held is dropped: a client sends it all again when it reconnects.
    if (connection.dropHeldUpdates()) this.held.dropFrom(connection);
    const announced = connection.announced();
    if (announced.length > 0) this.presence.remove(announced, connection);
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
        this.receiveAwareness(connection, readAwareness(decoder), message.length);
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
    const message = readSyncMessage(decoder);
    switch (message.type) {
      case 'step1': {
        const { stateVector } = message;
        // A client asks once per connection; each question may cost a diff of the whole document.
        if (!connection.syncRequestLimiter.take()) {
          throw new ProtocolViolation(CloseCodes.flood, 'too many sync requests');
        }
        this.answerSyncStep1(connection, stateVector);
        // Other instances' uncommitted updates, which everyone already here was shown as they came.
        for (const update of this.shownBesideDocument())
          connection.sendFrame(varBytesFrame(UPDATE_HEAD, update));
        return;
      }
      case 'step2':
      case 'update': {
        const { update } = message;
        // A returning client's first answer to a meeting not decoded here waits (off the event loop) for
        // the snapshot's deletions, which tell whether it brings anything new, before it is counted.
        const deletionsComing = message.type === 'step2' ? this.document.deletionsComing() : null;
        if (deletionsComing && connection.principal.canWrite && update.length > 2) {
          throw new WaitForMeeting(deletionsComing);
        }
        connection.countUpdate();
        // Read-only sockets (observers) have their updates dropped, and never acknowledged: nothing
        // they sent was saved, and the client must not say it was.
        if (!connection.principal.canWrite) return;
        // A held update is acknowledged once it is released and committed, not before.
        if (!this.applyClientUpdate(connection, update, message.type === 'update')) return;
        this.commits.awaitAck(connection);
        this.events.onDirty(this);
        return;
      }
      default:
        throw new ProtocolViolation(
          CloseCodes.malformedMessage,
          `unknown sync message type ${message.syncType}`,
        );
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
      // the document. A typed character, the commonest update by far, is read by hand.
      decoded = decodeKeystroke(update) ?? Y.decodeUpdate(update);
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
   * Ask this room's writers for what the document lacks (HeldUpdates decides when): a SyncStep1 with the
   * document's state vector, which every y-websocket client answers with what it holds and it does not.
   */
  private askWriters(): void {
    const frame = binaryFrame(writeSyncStep1(this.document.stateVector()));
    for (const connection of this.connections) if (connection.principal.canWrite) connection.sendFrame(frame);
  }

  /**
   * The document changed in a way `known` did not follow (the server's own change, other instances'
   * updates, the store): read it again when next needed, and see whether held updates can go now.
   */
  private forgetKnownState(): void {
    this.document.forgetKnownState();
    this.held.releaseSoon();
  }

  private hold(
    connection: Connection,
    update: Uint8Array,
    missing: { client: number; clock: number },
    live: boolean,
  ): void {
    const holder = this.held.hold(connection, update, missing, live);
    if (!holder) return;
    // Over the meeting's ceiling: the socket holding the most is refused, and what it held dropped.
    const violation = new ProtocolViolation(
      CloseCodes.missingDependencies,
      `${this.held.count} updates (${this.held.bytes} bytes) wait for content the meeting does not have`,
    );
    if (holder === connection) throw violation;
    this.events.onRefuse(this, holder, violation);
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
        if (other !== connection && other.announces(id)) return;
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
      // Each state is parsed once, by bindPresence: one that is not JSON refuses the whole update, as
      // before anything of it is applied; one of the wrong shape is dropped. Presence says who the
      // socket's person is as the server knows them.
      entries = this.integrity.bindPresence(connection.principal, readPresenceEntries(update));
    } catch {
      throw new ProtocolViolation(CloseCodes.malformedMessage, 'awareness update could not be decoded');
    }
    takeMessageToken(connection);
    if (entries.length === 0) return;
    if (connection.awarenessLimiter.take()) {
      this.presence.apply(entries, connection);
      return;
    }
    // Over the presence rate: keep only the newest and apply it when the rate allows. Presence is
    // ephemeral, so coalescing loses nothing anyone would notice (a cursor skips a position).
    if (connection.deferPresence(entries)) {
      setTimeout(() => {
        const latest = connection.takeDeferredPresence();
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
      connection.sendSyncReply(reply);
      return;
    }
    reply.then(
      (frame) => connection.sendSyncReply(frame),
      // The worker failed: answered here, from the document.
      () => {
        if (!this.destroyed && connection.isOpen) {
          connection.sendSyncReply(varBytesFrame(STEP2_HEAD, Y.encodeStateAsUpdate(this.doc, stateVector)));
        }
      },
    );
  }

  private awarenessMessage(clients: number[]): Uint8Array {
    return writeAwareness(this.presence.encode(clients));
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
    this.writes.beforeWriting(this.pacing.withEdits);
  }

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
   * (and to anyone joining before the commit: showBesideDocument), but kept out of the document
   * until takeCommitted (rule [SD5]; see scale/ProvisionalUpdates.ts for why).
   */
  showProvisional(updates: readonly Uint8Array[]): void {
    for (const update of updates) this.broadcast(update, RELAY_ORIGIN);
  }

  /**
   * Updates another instance committed, which were shown here as they came (showProvisional): they join
   * the document, lazily, like clients' updates.
   */
  takeCommitted(updates: readonly Uint8Array[]): void {
    for (const update of updates) this.document.addLater(update);
    this.forgetKnownState();
  }

  /** Where the updates shown here and not in the document are kept (the relay's), for joiners. */
  showBesideDocument(updates: () => readonly Uint8Array[]): void {
    this.shownBesideDocument = updates;
  }

  /** Apply presence another instance's sockets announced. */
  applyRelayedAwareness(update: Uint8Array): void {
    // Checked by the instance that accepted it; an update that is not well-formed changes nothing.
    const entries = decodePresenceUpdate(update);
    this.integrity.learnPresence(entries);
    this.presence.apply(entries, RELAY_ORIGIN);
  }

  private readonly onAwarenessUpdate = (change: PresenceChange, origin: unknown): void => {
    if (origin && this.connections.has(origin as Connection)) (origin as Connection).notePresence(change);
    // Changes from a socket of this instance (including its leaving) go to the other instances too.
    this.pacing.note(change, typeof origin === 'object' && origin !== null);
  };

  /** Relay the presence of `changed` client ids to this room's sockets, and of `local` ones to the others. */
  private relayPresence(changed: number[], local: number[]): void {
    if (this.destroyed) return;
    // Framed straight from the encoded update, once for everyone (as writeAwareness would write it).
    const frame = varBytesFrame(AWARENESS_HEAD, this.presence.encode(changed));
    const now = performance.now();
    for (const connection of this.connections) {
      // A socket is not told about only its own presence, which it already knows — unless it has been
      // sent nothing for a while: the stock client reconnects after 30 s without a message, and its
      // own presence, renewed every 15 s, is what keeps a person alone in a meeting connected.
      if (
        changed.every((id) => connection.announces(id)) &&
        now - connection.lastSentAt < this.limits.keepAliveMs
      ) {
        continue;
      }
      connection.sendFrame(frame);
    }
    if (local.length > 0) {
      this.events.onLocalAwareness?.(this, this.presence.encode(local));
    }
  }

  /** Stop the room; returns its document, detached, for whoever still wants to read it. */
  destroy(): Y.Doc {
    this.destroyed = true;
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.held.stop();
    this.pacing.stop();
    this.presence.destroy();
    return this.document.detach();
  }
}
