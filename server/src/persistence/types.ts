/**
 * Persistence of meeting documents behind a small interface. SQLite implements it by default; a second
 * implementation (PostgreSQL, for scale-out) must pass the same contract suite (contract.ts).
 *
 * A document is a snapshot (an encoded Yjs state, possibly absent) plus a log of updates appended after
 * it. Every update gets a sequence number, increasing per store; compaction folds the updates up to a
 * sequence number into a new snapshot.
 */

/** What the store holds for one document. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  /**
   * The Yjs state vector of exactly `snapshot`, as given to `compact`; null when there is no snapshot,
   * it was stored without one (by a caller that had none, or before stores kept it), or it no longer
   * describes the snapshot (an older server rewrote the snapshot; see snapshotVector.ts). A reader then
   * computes it from the snapshot (Y.encodeStateVectorFromUpdate), which decodes the whole of it.
   */
  snapshotStateVector: Uint8Array | null;
  /** Updates after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last update, or of the snapshot when there are none; 0 when empty. */
  lastSeq: number;
  /** Bytes stored for this document: snapshot plus updates. */
  bytes: number;
}

/** Updates of one document to append. */
export interface AppendEntry {
  docId: string;
  updates: Uint8Array[];
}

/** Where meeting documents are kept. Every method commits before its promise resolves. */
export interface DocumentStore {
  /** Everything stored for a document; an empty document when there is nothing. */
  load(docId: string): Promise<StoredDocument>;
  /**
   * Append updates of one or more documents in one transaction: all or nothing. Resolves, after the
   * commit, with the sequence number of the last update appended per document.
   */
  append(entries: readonly AppendEntry[]): Promise<Map<string, number>>;
  /**
   * Replace the snapshot and every update with a sequence number ≤ throughSeq by `snapshot`, which must
   * contain all of them. Updates after throughSeq are kept.
   *
   * `stateVector`, which every caller that has one passes, is kept beside the snapshot and returned by
   * `load` as `snapshotStateVector`, so that opening the document need not decode the snapshot for it.
   * It must be the state vector of exactly `snapshot`: Y.encodeStateVector of the document `snapshot` was
   * encoded from, taken in the same synchronous step (no change to that document in between). Without
   * it the snapshot is stored with none (load returns null). A compaction skipped because a newer
   * snapshot is stored leaves that snapshot's state vector as it was.
   */
  compact(docId: string, snapshot: Uint8Array, throughSeq: number, stateVector?: Uint8Array): Promise<void>;
  /** Remove a document and its log. */
  delete(docId: string): Promise<void>;
  /** Release the underlying connection; pending commits finish first. */
  close(): Promise<void>;
}
