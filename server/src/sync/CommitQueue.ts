/**
 * A room's commit bookkeeping: the updates applied to its document (or waiting to be) and not yet
 * committed, the sockets that sent updates since their last "saved", and what the store holds of the
 * meeting. The SyncServer takes a CommitBatch of every room with something to commit, one store
 * transaction for all of them; the batch is committed or put back, never dropped.
 */
import type { Compaction, StoredDocument } from '../persistence/types.js';
import { CommitBatch, type OwedAck } from './CommitBatch.js';
import type { Connection } from './Connection.js';

/** What a room has to commit, and what the store holds of it. */
export class CommitQueue {
  /** Applied to the document (or waiting to be), not yet committed (oldest first). */
  private pending: Uint8Array[] = [];
  private bytes = 0;
  /** Sockets that sent updates since their last acknowledgement. */
  private readonly awaitingAck = new Set<Connection>();
  /** Bytes committed to the store for this document. */
  storedBytes: number;
  /** Sequence number of the last committed update. */
  lastSeq: number;
  /** Updates committed since the last snapshot. */
  updatesSinceSnapshot: number;
  /**
   * The name of the stored snapshot the room's document holds (read, applied or written here); another
   * instance's compaction gives the stored one another name (see compaction.ts).
   */
  snapshotId: string | null;
  /**
   * Updates of the stored log the room's document holds, in the order they were stored: the log it was
   * opened with, then every batch taken for a commit. A compaction that finds a row byte for byte equal to
   * the next of these need not apply it to the document again (compaction.ts); one that is not is applied.
   */
  private inDocument: Uint8Array[];
  /** How many of `inDocument` the compaction under way found in the log (dropped once it committed). */
  private foundByFold = 0;

  constructor(stored: Pick<StoredDocument, 'bytes' | 'lastSeq' | 'updates' | 'snapshotId'>) {
    this.inDocument = [...stored.updates];
    this.storedBytes = stored.bytes;
    this.lastSeq = stored.lastSeq;
    this.updatesSinceSnapshot = stored.updates.length;
    this.snapshotId = stored.snapshotId;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Bytes of the updates not yet committed. */
  get pendingBytes(): number {
    return this.bytes;
  }

  /** An update joined the document: it is to be committed. */
  add(update: Uint8Array): void {
    this.pending.push(update);
    this.bytes += update.length;
  }

  /** A socket sent updates (taken in, or dropped as known): it is owed a "saved" with the next commit. */
  awaitAck(connection: Connection): void {
    this.awaitingAck.add(connection);
  }

  /** A socket left: it is owed nothing any more. */
  forget(connection: Connection): void {
    this.awaitingAck.delete(connection);
  }

  /**
   * Take everything waiting: the updates, and the sockets owed a "saved" with the count each is owed.
   * `stateVector` is asked only when one of those sockets wants "saved" (without one, the document need
   * not even be brought up to date for it: Room applies clients' updates when something needs them).
   */
  take(stateVector: () => Uint8Array): CommitBatch {
    const updates = this.pending;
    const bytes = this.bytes;
    this.pending = [];
    this.bytes = 0;
    // Commits run one at a time: these are the last until the batch is committed or put back.
    for (const update of updates) this.inDocument.push(update);
    // Everything applied to the document so far is in this batch or already committed, so after the
    // commit the document's state vector is durable, and so is every update each socket has sent.
    const acks = [...this.awaitingAck].map((connection) => ({
      connection,
      count: connection.acknowledgeable,
    }));
    // Only sockets that asked for "saved" are sent the state vector.
    const vector = acks.some((ack) => ack.connection.wantsAck) ? stateVector() : null;
    this.awaitingAck.clear();
    return new CommitBatch(this, updates, bytes, acks, vector);
  }

  /** Put back a batch whose commit failed, before any updates that arrived since. */
  putBack(updates: Uint8Array[], bytes: number, acks: readonly OwedAck[]): void {
    this.pending = updates.concat(this.pending);
    this.bytes += bytes;
    this.inDocument.length = Math.max(0, this.inDocument.length - updates.length);
    for (const { connection } of acks) this.awaitingAck.add(connection);
  }

  /** Record a successful commit of `count` updates ending at `lastSeq`. */
  committed(count: number, bytes: number, lastSeq: number | undefined): void {
    this.storedBytes += bytes;
    this.updatesSinceSnapshot += count;
    if (lastSeq !== undefined) this.lastSeq = lastSeq;
  }

  /**
   * The rows of the stored log (in order) that the document may not hold: every row but those byte for
   * byte equal to the updates it holds, met in the order they were stored. What it holds may be
   * interleaved with other instances' rows; a row it holds that is not recognised is only applied again,
   * which changes nothing. Called by a compaction's fold; its finding is kept for `compacted`.
   */
  rowsNotInDocument(rows: readonly Uint8Array[]): Uint8Array[] {
    const others: Uint8Array[] = [];
    let next = 0;
    for (const row of rows) {
      const held = this.inDocument[next];
      if (held !== undefined && sameBytes(row, held)) next++;
      else others.push(row);
    }
    this.foundByFold = next;
    return others;
  }

  /**
   * Record a compaction that began when `before` was taken (null: nothing was folded). What was committed
   * here while it ran is still in the log.
   */
  compacted(compaction: Compaction | null, before: { updates: number; bytes: number }): void {
    this.updatesSinceSnapshot = Math.max(0, this.updatesSinceSnapshot - before.updates);
    const found = this.foundByFold;
    this.foundByFold = 0;
    if (!compaction) return;
    // Folded into the snapshot: no longer in the log.
    this.inDocument.splice(0, found);
    this.snapshotId = compaction.snapshotId;
    this.storedBytes = compaction.snapshotBytes + Math.max(0, this.storedBytes - before.bytes);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
