/**
 * The SQLite DocumentStore: an update log and a snapshot per document, in the embedded database.
 *
 * Durability without blocking (walSync.ts): appends commit with synchronous=NORMAL and then fdatasync the
 * WAL file on libuv's thread pool; append() resolves — and the server acknowledges — only after that
 * sync, which is what FULL does, moved off the event loop. Compactions commit with NORMAL and are not
 * synced at all: a snapshot holds what the log already holds durably, and a compaction lost in a power
 * cut leaves the log as it was (the next append's sync covers it anyway). Deletions keep the configured
 * mode. With
 * `backgroundCheckpoints`, WAL checkpoints run on a worker thread too (checkpointer.ts).
 */
import { BackgroundCheckpointer } from './checkpointer.js';
import { type SqliteDatabase, writeTransaction } from './database.js';
import { packStateVector, unpackStateVector } from './snapshotVector.js';
import type { AppendEntry, DocumentStore, StoredDocument } from './types.js';
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
      updates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
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
      (docId: string, snapshot: Uint8Array, throughSeq: number, stateVector: Uint8Array | null) => {
        const existing = this.statements.snapshot.get(docId);
        // A compaction that arrives late must never replace a newer snapshot.
        if (existing && existing.through_seq > throughSeq) return;
        this.statements.upsertSnapshot.run(
          docId,
          snapshot,
          throughSeq,
          new Date().toISOString(),
          packStateVector(snapshot, stateVector),
        );
        this.statements.deleteUpdatesThrough.run(docId, throughSeq);
      },
    );
    this.deleteOne = writeTransaction(db, (docId: string) => {
      this.statements.deleteUpdates.run(docId);
      this.statements.deleteSnapshot.run(docId);
    });
  }

  async load(docId: string): Promise<StoredDocument> {
    const snapshot = this.statements.snapshot.get(docId);
    const rows = this.statements.updates.all(docId, snapshot?.through_seq ?? 0);
    const updates = rows.map((row) => new Uint8Array(row.data));
    let bytes = snapshot?.data.length ?? 0;
    for (const update of updates) bytes += update.length;
    const lastRow = rows[rows.length - 1];
    const data = snapshot ? new Uint8Array(snapshot.data) : null;
    return {
      snapshot: data,
      snapshotStateVector: data && unpackStateVector(data, snapshot?.state_vector ?? null),
      updates,
      lastSeq: lastRow?.seq ?? snapshot?.through_seq ?? 0,
      bytes,
    };
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<string, number>> {
    return this.wal.durably(() => this.appendAll(entries));
  }

  async compact(
    docId: string,
    snapshot: Uint8Array,
    throughSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void> {
    const vector = stateVector ?? null;
    if (!this.wal.syncs) return this.compactOne(docId, snapshot, throughSeq, vector);
    this.wal.withoutSync(() => this.compactOne(docId, snapshot, throughSeq, vector));
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
