/**
 * A room's Yjs document, built only when something needs it. A meeting stored as one snapshot is not
 * decoded when it is opened: the first joiners are answered with the stored bytes, and the document is
 * built when something needs it (a change, a joiner who already holds part of it, a reader). Decoding a
 * long meeting takes a few hundred milliseconds that a person opening yesterday's meeting would otherwise
 * wait for (rules [SY7]–[SY9]).
 *
 * Clients' updates accepted by the room are relayed at once and applied here later, together, when the
 * document is next needed (`addLater`); the answers to SyncStep1 are kept per state vector until the
 * document changes.
 */
import { CloseCodes } from '@polyphony/shared';
import * as Y from 'yjs';
import type { DecodedUpdate } from '../integrity/inspectUpdate.js';
import type { StoredDocument } from '../persistence/types.js';
import type { DiffWorker } from './DiffWorker.js';
import { STEP2_HEAD, UPDATE_HEAD, varBytesFrame } from './frames.js';
import { ProtocolViolation } from './ProtocolViolation.js';
import { bringsNothingNew, SnapshotDeletes } from './snapshotDeletes.js';

const EMPTY_STATE_VECTOR_LENGTH = 1;
/** Answers to SyncStep1 kept per state vector until the document changes (a few clients join at once). */
const SYNC_REPLIES_KEPT = 16;

/**
 * Clients' updates waiting to be applied are applied once there are this many, whatever else happens: a
 * meeting whose clients never ask for "saved" (stock clients) and that is not compacted would otherwise
 * keep them all. Applied together they cost far less than one transaction each.
 */
const MAX_UNAPPLIED = 1000;

/** The transaction origin of clients' updates applied together (already relayed and queued). */
const CLIENT_BATCH_ORIGIN = Symbol('client updates');

/** Told of every change of the built document (Y.Doc's update event). */
export type DocumentListener = (update: Uint8Array, origin: unknown) => void;

/** One meeting document, decoded when first needed. */
export class LazyDocument {
  /** The stored snapshot while the document is not built from it. */
  private lazySnapshot: Uint8Array | null = null;
  /**
   * The lazy snapshot's state vector: the one stored beside it when the store has it (nothing decoded),
   * otherwise computed from the snapshot when first asked for.
   */
  private lazyStateVector: Uint8Array | null = null;
  private built: Y.Doc | null = null;
  /** Clients' updates, checked and relayed, not yet applied to the document (oldest first). */
  private unapplied: Uint8Array[] = [];
  /** The whole document encoded, kept until the next change: joiners with nothing get it for free. */
  private encodedState: Uint8Array | null = null;
  /**
   * SyncStep2 frames by the state vector they answer (latin1 of its bytes; '' for an empty one), until
   * the document changes: the same question from many sockets, or many times from one, costs one diff.
   * A promise while a worker computes it.
   */
  private readonly syncReplies = new Map<string, Buffer | Promise<Buffer>>();
  /** Counts the document's changes (a diff computed before one is not kept after it). */
  private generation = 0;
  /**
   * The document's state vector once every accepted update is applied (the lazily applied ones too),
   * kept up to date as clients' updates are accepted; null when it must be read from the document again.
   * Clients' updates are checked against it for missing dependencies.
   */
  private known: Map<number, number> | null = null;
  /**
   * The lazy snapshot's deletions, computed on the diff worker when the room opens (snapshotDeletes.ts),
   * so that a returning client's SyncStep2 bringing nothing new needs no document; `deletesComing` while
   * they are computed.
   */
  private snapshotDeletes: SnapshotDeletes | null = null;
  private deletesComing: Promise<void> | null = null;

  constructor(
    stored: StoredDocument,
    private readonly onUpdate: DocumentListener,
    /** Where diffs of a document not decoded here are computed, off the event loop. */
    private readonly diffWorker?: DiffWorker,
  ) {
    if (stored.snapshot && stored.updates.length === 0) {
      this.lazySnapshot = stored.snapshot;
      this.lazyStateVector = stored.snapshotStateVector;
      // The snapshot is the whole document, encoded: joiners with nothing get it as it is.
      this.encodedState = stored.snapshot;
      const snapshot = stored.snapshot;
      this.deletesComing =
        diffWorker
          ?.deletes(snapshot)
          .then(
            (triples) => {
              if (this.lazySnapshot === snapshot) this.snapshotDeletes = new SnapshotDeletes(triples);
            },
            () => undefined,
          )
          .finally(() => {
            this.deletesComing = null;
          }) ?? null;
    } else {
      this.build(stored);
    }
  }

  /** gc off: deleted text stays in the document, so that every earlier version can be shown again. */
  get doc(): Y.Doc {
    const doc = this.current();
    if (this.unapplied.length > 0) this.applyUnapplied(doc);
    return doc;
  }

  /** The document as built so far, built now if it was not, without the updates waiting to be applied. */
  current(): Y.Doc {
    return this.built ?? this.buildFromSnapshot();
  }

  /** The document if it is built (nothing is decoded for it). */
  get decoded(): Y.Doc | null {
    return this.built;
  }

  /** Whether accepted updates wait to be applied to the document. */
  get behind(): boolean {
    return this.unapplied.length > 0;
  }

  private buildFromSnapshot(): Y.Doc {
    const snapshot = this.lazySnapshot;
    this.lazySnapshot = null;
    this.lazyStateVector = null;
    this.snapshotDeletes = null;
    return this.build({ snapshot, updates: [] });
  }

  private build(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): Y.Doc {
    const doc = new Y.Doc({ gc: false });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    doc.on('update', this.onUpdate);
    this.built = doc;
    return doc;
  }

  /**
   * Apply the clients' updates received since the document was last needed, in one transaction. They
   * were relayed as they came; the document's own update event is off meanwhile, because it would only
   * encode again what was already relayed and queued for the store.
   */
  private applyUnapplied(doc: Y.Doc): void {
    const updates = this.unapplied;
    this.unapplied = [];
    doc.off('update', this.onUpdate);
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
      doc.on('update', this.onUpdate);
    }
  }

  /** The document's state vector, without building the document for it. */
  stateVector(): Uint8Array {
    if (this.built) return Y.encodeStateVector(this.doc);
    if (this.unapplied.length > 0) {
      // Updates accepted into a meeting not decoded (a returning client's deletions, an edit): the state
      // vector they lead to is known from checking them, without decoding the meeting for it.
      return Y.encodeStateVector(this.known ?? this.doc);
    }
    this.lazyStateVector ??= Y.encodeStateVectorFromUpdate(this.lazySnapshot as Uint8Array);
    return this.lazyStateVector;
  }

  /**
   * An update (already checked, relayed, and queued for the store if it is to be) is to be applied with
   * the others when the document is next needed.
   */
  addLater(update: Uint8Array): void {
    this.unapplied.push(update);
    this.changed();
    if (this.unapplied.length >= MAX_UNAPPLIED && this.built) this.applyUnapplied(this.built);
  }

  /** The document changed (or will, with the updates waiting to be applied): answers kept for it are stale. */
  changed(): void {
    this.encodedState = null;
    this.generation++;
    if (this.syncReplies.size > 0) this.syncReplies.clear();
  }

  /** The state vector the document has once everything accepted is applied (see `known`). */
  knownState(): Map<number, number> {
    this.known ??= Y.decodeStateVector(this.stateVector());
    return this.known;
  }

  /** The document changed in a way `known` did not follow: read it again when next needed. */
  forgetKnownState(): void {
    this.known = null;
  }

  /**
   * While the lazy snapshot's deletions are being computed (the document not built), what a returning
   * client's first answer must wait for before it is counted; null otherwise.
   */
  deletionsComing(): Promise<void> | null {
    return this.deletesComing && this.built === null ? this.deletesComing : null;
  }

  /**
   * Whether a client's update brings nothing the document does not hold, told without building the
   * document: only for a meeting not decoded here with nothing accepted since (snapshotDeletes.ts).
   */
  holdsAllOf(decoded: DecodedUpdate): boolean {
    return (
      this.built === null &&
      this.unapplied.length === 0 &&
      this.snapshotDeletes !== null &&
      bringsNothingNew(decoded, this.knownState(), this.snapshotDeletes)
    );
  }

  /**
   * The SyncStep2 frame(s) answering a state vector, kept per state vector until the document changes.
   * For a meeting not decoded here the diff is computed off the event loop from its stored bytes (a
   * promise then). Throws ProtocolViolation for a state vector that does not decode.
   */
  reply(stateVector: Uint8Array): Buffer | Promise<Buffer> {
    const empty = stateVector.length <= EMPTY_STATE_VECTOR_LENGTH;
    const key = empty
      ? ''
      : Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.length).toString('latin1');
    let reply = this.syncReplies.get(key);
    if (reply === undefined) {
      reply = this.computeReply(stateVector, empty);
      if (this.syncReplies.size >= SYNC_REPLIES_KEPT) {
        this.syncReplies.delete(this.syncReplies.keys().next().value as string);
      }
      this.syncReplies.set(key, reply);
      if (reply instanceof Promise) {
        const generation = this.generation;
        const pending = reply;
        pending.then(
          (frame) => {
            if (this.generation === generation && this.syncReplies.get(key) === pending)
              this.syncReplies.set(key, frame);
          },
          () => {
            if (this.syncReplies.get(key) === pending) this.syncReplies.delete(key);
          },
        );
      }
    }
    return reply;
  }

  private computeReply(stateVector: Uint8Array, empty: boolean): Buffer | Promise<Buffer> {
    if (!empty) {
      try {
        Y.decodeStateVector(stateVector);
      } catch {
        throw new ProtocolViolation(CloseCodes.malformedMessage, 'state vector could not be decoded');
      }
    }
    if (this.built === null && this.lazySnapshot !== null) {
      // A meeting not decoded here is answered from its stored bytes: the snapshot (or, for a client that
      // holds part of it, its diff, computed on a worker — decoding a long meeting for one client held the
      // event loop for hundreds of milliseconds), then the updates accepted since, as they came. Several
      // WebSocket frames in one buffer: they are written as one.
      const since = this.unapplied.map((update) => varBytesFrame(UPDATE_HEAD, update));
      if (empty) return Buffer.concat([varBytesFrame(STEP2_HEAD, this.lazySnapshot), ...since]);
      if (this.diffWorker) {
        return this.diffWorker
          .diff([this.lazySnapshot], stateVector)
          .then((diff) => Buffer.concat([varBytesFrame(STEP2_HEAD, diff), ...since]));
      }
    }
    if (empty) {
      this.encodedState ??= Y.encodeStateAsUpdate(this.doc);
      return varBytesFrame(STEP2_HEAD, this.encodedState);
    }
    return varBytesFrame(STEP2_HEAD, Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /** Stop listening to the document; returns it, detached, for whoever still wants to read it. */
  detach(): Y.Doc {
    const doc = this.doc;
    doc.off('update', this.onUpdate);
    return doc;
  }
}
