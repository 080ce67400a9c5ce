/**
 * Persistence of meeting documents behind a small interface. SQLite implements it by default; a second
 * implementation (PostgreSQL, for scale-out) must pass the same contract suite (contract.ts).
 *
 * A document is a snapshot (an encoded Yjs state, possibly absent) plus a log of the updates not folded
 * into it. Every update gets a sequence number, increasing per store. Compaction folds what the store
 * holds — the snapshot and the log as they are when it runs — into a new snapshot, and removes exactly
 * the updates it folded: several instances append to one PostgreSQL at once, and an update one of them
 * committed while another compacted stays in the log (contract rule [DS13]).
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
  /**
   * Names the stored snapshot: every snapshot a document has had has another one (null when there is
   * none). Whoever read or wrote the snapshot of that name holds everything in it.
   */
  snapshotId: string | null;
  /** The updates not folded into the snapshot, in the order of their sequence numbers. */
  updates: Uint8Array[];
  /** The highest sequence number of an update or of the snapshot; 0 when empty. */
  lastSeq: number;
  /** Bytes stored for this document: snapshot plus updates. */
  bytes: number;
}

/** Updates of one document to append. */
export interface AppendEntry {
  docId: string;
  updates: Uint8Array[];
}

/** What a compaction folds: everything the store holds for the document when it runs. */
export type FoldInput = Pick<StoredDocument, 'snapshot' | 'snapshotStateVector' | 'snapshotId' | 'updates'>;

/**
 * The new snapshot: it must contain the input's snapshot and every one of its updates. `stateVector` is
 * the Yjs state vector of exactly `snapshot` (Y.encodeStateVector of the document it was encoded from, in
 * the same synchronous step); it is kept beside it, so that opening the document need not decode the
 * snapshot for it.
 */
export interface FoldResult {
  snapshot: Uint8Array;
  stateVector: Uint8Array;
}

/**
 * Makes the new snapshot from what the store holds, synchronously (it runs inside the store's
 * transaction); null to leave the document as it is.
 */
export type Fold = (stored: FoldInput) => FoldResult | null;

/** What a compaction did. */
export interface Compaction {
  /** The name of the new snapshot (StoredDocument.snapshotId). */
  snapshotId: string;
  /** How many updates it folded (and removed from the log). */
  folded: number;
  /** Bytes of the new snapshot. */
  snapshotBytes: number;
  /** Bytes the old snapshot and the folded updates took. */
  freedBytes: number;
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
   * Fold the document into a new snapshot, in one transaction: read the snapshot and the log as they are
   * now, hand them to `fold` (by default: build the document from them and encode it, foldStored), store
   * what it returns as the snapshot and remove exactly the updates it was given. Updates appended
   * meanwhile, by this store or another on the same data, stay in the log; two compactions of one
   * document run one after the other. Resolves with null, changing nothing, when the log is empty or
   * `fold` returns null — unless `rewrite` is set: then a document held as a snapshot alone is given to
   * `fold` as well (an erasure rewrites what the snapshot holds; nothing else needs it).
   */
  compact(docId: string, fold?: Fold, options?: { rewrite?: boolean }): Promise<Compaction | null>;
  /** Remove a document and its log. */
  delete(docId: string): Promise<void>;
  /** Release the underlying connection; pending commits finish first. */
  close(): Promise<void>;
}
