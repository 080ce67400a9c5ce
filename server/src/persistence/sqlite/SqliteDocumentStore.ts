/**
 * The SQLite DocumentStore: an update log and a snapshot per document, in the embedded database.
 *
 * Durability without blocking (walSync.ts): appends commit with synchronous=NORMAL and then fdatasync the
 * WAL file on libuv's thread pool; append() resolves — and the server acknowledges — only after that
 * sync, which is what FULL does, moved off the event loop. Compactions commit with NORMAL and are not
 * synced at all: a snapshot holds what the log already holds durably, and a compaction lost in a power
 * cut leaves the log as it was (the next append's sync covers it anyway). Deletions keep the configured
 * mode. A compaction reads, folds and replaces in one IMMEDIATE transaction, so nothing is appended
 * between what it read and what it removes, even by another process on the same file. With
 * `backgroundCheckpoints`, WAL checkpoints run on a worker thread too (checkpointer.ts).
 */

import { foldStored, snapshotName } from '../fold.js';
import { packStateVector, unpackStateVector } from '../snapshotVector.js';
import type { AppendEntry, Compaction, DocumentStore, Fold, StoredDocument } from '../types.js';
import { BackgroundCheckpointer } from './checkpointer.js';
import { type SqliteDatabase, writeTransaction } from './database.js';
import { type WalSync, walSyncOf } from './walSync.js';

/** DocumentStore on better-sqlite3. Its calls are synchronous underneath; each commits before resolving. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly statements;
  private readonly appendAll;
  private readonly compactOne;
  private readonly deleteOne;
  private readonly wal: WalSync;
  private readonly checkpointer: BackgroundCheckpointer | null;

  constructor(
    private readonly db: SqliteDatabase,
    options: { backgroundCheckpoints?: boolean } = {},
  ) {
    this.wal = walSyncOf(db);
    this.checkpointer = options.backgroundCheckpoints && !db.memory ? new BackgroundCheckpointer(db) : null;
    this.statements = {
      snapshot: db.prepare<[string], { data: Buffer; through_seq: number; state_vector: Buffer | null }>(
        'SELECT data, through_seq, state_vector FROM doc_snapshots WHERE doc_id = ?',
      ),
      // Every row in the log is an update not folded into the snapshot, whatever its number.
      updates: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq',
      ),
      insert: db.prepare<[string, Uint8Array]>('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare<[string, Uint8Array, number, string, Uint8Array | null]>(
        `INSERT INTO doc_snapshots (doc_id, data, through_seq, compacted_at, state_vector) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
           compacted_at = excluded.compacted_at, state_vector = excluded.state_vector`,
      ),
      deleteUpdatesThrough: db.prepare<[string, number]>(
        'DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?',
      ),
      deleteUpdates: db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?'),
      deleteSnapshot: db.prepare<[string]>('DELETE FROM doc_snapshots WHERE doc_id = ?'),
    };
    this.appendAll = writeTransaction(db, (entries: readonly AppendEntry[]) => {
      const last = new Map<string, number>();
      for (const { docId, updates } of entries) {
        for (const update of updates) {
          const { lastInsertRowid } = this.statements.insert.run(docId, update);
          last.set(docId, Number(lastInsertRowid));
        }
      }
      return last;
    });
    this.compactOne = writeTransaction(
      db,
      (docId: string, fold: Fold, rewrite: boolean): Compaction | null => {
        const stored = this.read(docId);
        const rows = stored.rows;
        if (rows.length === 0 && !(rewrite && stored.document.snapshot)) return null;
        const result = fold(stored.document);
        if (!result) return null;
        // A new number for every snapshot, so that its name (snapshotId) is never that of an earlier one.
        const lastRow = rows[rows.length - 1];
        const throughSeq = Math.max(lastRow?.seq ?? 0, (stored.throughSeq ?? 0) + 1);
        this.statements.upsertSnapshot.run(
          docId,
          result.snapshot,
          throughSeq,
          new Date().toISOString(),
          packStateVector(result.snapshot, result.stateVector),
        );
        // Inside this IMMEDIATE transaction nothing was appended since the read: these are the rows folded.
        if (lastRow) this.statements.deleteUpdatesThrough.run(docId, lastRow.seq);
        return {
          snapshotId: snapshotName(throughSeq, result.snapshot.length),
          folded: rows.length,
          snapshotBytes: result.snapshot.length,
          freedBytes: stored.document.bytes,
        };
      },
    );
    this.deleteOne = writeTransaction(db, (docId: string) => {
      this.statements.deleteUpdates.run(docId);
      this.statements.deleteSnapshot.run(docId);
    });
  }

  async load(docId: string): Promise<StoredDocument> {
    return this.read(docId).document;
  }

  private read(docId: string): {
    document: StoredDocument;
    rows: { seq: number }[];
    throughSeq: number | null;
  } {
    const snapshot = this.statements.snapshot.get(docId);
    const rows = this.statements.updates.all(docId);
    const updates = rows.map((row) => new Uint8Array(row.data));
    let bytes = snapshot?.data.length ?? 0;
    for (const update of updates) bytes += update.length;
    const lastRow = rows[rows.length - 1];
    const data = snapshot ? new Uint8Array(snapshot.data) : null;
    return {
      document: {
        snapshot: data,
        snapshotStateVector: data && unpackStateVector(data, snapshot?.state_vector ?? null),
        snapshotId: snapshot ? snapshotName(snapshot.through_seq, snapshot.data.length) : null,
        updates,
        lastSeq: Math.max(lastRow?.seq ?? 0, snapshot?.through_seq ?? 0),
        bytes,
      },
      rows,
      throughSeq: snapshot?.through_seq ?? null,
    };
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<string, number>> {
    return this.wal.durably(() => this.appendAll(entries));
  }

  async compact(
    docId: string,
    fold: Fold = foldStored,
    options: { rewrite?: boolean } = {},
  ): Promise<Compaction | null> {
    const rewrite = options.rewrite === true;
    if (!this.wal.syncs) return this.compactOne(docId, fold, rewrite);
    return this.wal.withoutSync(() => this.compactOne(docId, fold, rewrite));
  }

  async delete(docId: string): Promise<void> {
    this.deleteOne(docId);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    this.wal.close();
    if (this.db.open) this.db.close();
  }
}
