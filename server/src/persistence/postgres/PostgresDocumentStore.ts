/**
 * The PostgreSQL DocumentStore, for running several Polyphony instances against one source of truth.
 * Same model as SQLite: an update log with store-wide increasing sequence numbers, and one snapshot per
 * document. Every method commits before its promise resolves; `append` is one transaction.
 *
 * Compaction, with several instances appending at once: sequence numbers are taken when a row is
 * inserted, and transactions commit in any order, so a row with a lower number can become visible after
 * one with a higher number. A compaction therefore never removes "every row up to n": it removes exactly
 * the rows it read and folded (by their numbers), and a row that commits meanwhile stays in the log,
 * which `load` returns whole (not only the rows after the snapshot's number). Compactions of one document
 * (and its deletion) take an advisory lock for their transaction, so each reads what the one before it
 * wrote. Appends take no lock: a compaction never holds up a commit.
 */
import type pg from 'pg';
import { foldStored, snapshotName } from '../fold.js';
import { packStateVector, unpackStateVector } from '../snapshotVector.js';
import type { AppendEntry, Compaction, DocumentStore, Fold, StoredDocument } from '../types.js';
import { DOCUMENTS_SCHEMA } from './migrations.js';
import { migrate, openMigrated, type PostgresOptions } from './pool.js';
import { withTransaction } from './transaction.js';

export { DOCUMENTS_SCHEMA } from './migrations.js';

const bytea = (bytes: Uint8Array | null): Buffer | null => (bytes ? Buffer.from(bytes) : null);

/**
 * What the store holds for one document, read through `db`: the store's pool, or a connection inside a
 * transaction (the copy from SQLite checks what it wrote before committing it).
 */
export async function loadDocument(
  db: Pick<pg.Pool | pg.PoolClient, 'query'>,
  docId: string,
): Promise<StoredDocument> {
  return (await readDocument(db, docId)).document;
}

/** A document as stored, with the sequence numbers of its log rows. */
async function readDocument(
  db: Pick<pg.Pool | pg.PoolClient, 'query'>,
  docId: string,
): Promise<{ document: StoredDocument; seqs: string[] }> {
  // One statement, so one view of the data: read as two, a compaction committing in between handed out
  // the snapshot before it and the log after it, without the updates it folded.
  const result = await db.query<{
    seq: string | null;
    data: Buffer;
    through_seq: string | null;
    state_vector: Buffer | null;
  }>(
    `SELECT NULL::bigint AS seq, data, through_seq, state_vector FROM doc_snapshots WHERE doc_id = $1
     UNION ALL
     SELECT seq, data, NULL, NULL FROM doc_updates WHERE doc_id = $1
     ORDER BY seq NULLS FIRST`,
    [docId],
  );
  const first = result.rows[0];
  const snapshot = first && first.seq === null ? first : undefined;
  // Every row in the log is an update not folded into the snapshot, whatever its number (see above).
  const rows = snapshot ? result.rows.slice(1) : result.rows;
  const through = snapshot ? Number(snapshot.through_seq) : null;
  const snapshotData = snapshot ? new Uint8Array(snapshot.data) : null;
  const updates = rows.map((row) => new Uint8Array(row.data));
  let bytes = snapshotData?.length ?? 0;
  for (const update of updates) bytes += update.length;
  return {
    document: {
      snapshot: snapshotData,
      snapshotStateVector: snapshotData && unpackStateVector(snapshotData, snapshot?.state_vector ?? null),
      snapshotId: snapshotData && snapshotName(through ?? 0, snapshotData.length),
      updates,
      lastSeq: Math.max(Number(rows.at(-1)?.seq ?? 0), through ?? 0),
      bytes,
    },
    seqs: rows.map((row) => row.seq as string),
  };
}

/** Take the lock that orders compactions and deletions of one document, until the transaction ends. */
async function lockDocument(client: pg.PoolClient, docId: string): Promise<void> {
  // Per schema: several deployments (or tests) may share a database. A collision of two hashes only
  // makes two documents' compactions wait for each other.
  await client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('polyphony document ' || current_schema() || ' ' || $1, 0))`,
    [docId],
  );
}

/** DocumentStore on PostgreSQL (node-postgres pool). */
export class PostgresDocumentStore implements DocumentStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
  ) {}

  /** Connect with a pool of its own and bring the tables up to date. */
  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresDocumentStore> {
    const pool = await openMigrated(connectionString, DOCUMENTS_SCHEMA, options);
    return new PostgresDocumentStore(pool, true);
  }

  /** Use a pool shared with the metadata store; `close` leaves it open for its owner to end. */
  static async withPool(pool: pg.Pool, options: PostgresOptions = {}): Promise<PostgresDocumentStore> {
    await migrate(pool, DOCUMENTS_SCHEMA, options);
    return new PostgresDocumentStore(pool, false);
  }

  async load(docId: string): Promise<StoredDocument> {
    return loadDocument(this.pool, docId);
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<string, number>> {
    const docIds: string[] = [];
    const data: Buffer[] = [];
    for (const { docId, updates } of entries) {
      for (const update of updates) {
        if (!(update instanceof Uint8Array)) throw new TypeError('an update must be bytes');
        docIds.push(docId);
        data.push(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
      }
    }
    const last = new Map<string, number>();
    if (data.length === 0) return last;
    // One statement is one transaction. Rows are numbered in the order given (WITH ORDINALITY + ORDER
    // BY), so each document's updates keep their order in the log.
    const result = await this.pool.query<{ seq: string; doc_id: string }>(
      `INSERT INTO doc_updates (doc_id, data)
       SELECT doc_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc_id, data, n)
       ORDER BY n
       RETURNING seq, doc_id`,
      [docIds, data],
    );
    for (const row of result.rows) {
      const seq = Number(row.seq);
      if (seq > (last.get(row.doc_id) ?? 0)) last.set(row.doc_id, seq);
    }
    return last;
  }

  async compact(
    docId: string,
    fold: Fold = foldStored,
    options: { rewrite?: boolean } = {},
  ): Promise<Compaction | null> {
    return withTransaction(this.pool, async (client) => {
      await lockDocument(client, docId);
      const stored = await readDocument(client, docId);
      if (stored.seqs.length === 0 && !(options.rewrite && stored.document.snapshot)) return null;
      const result = fold(stored.document);
      if (!result) return null;
      // A fresh number from the log's sequence: the snapshot's name is never that of an earlier one.
      const next = await client.query<{ seq: string }>(
        `SELECT nextval(pg_get_serial_sequence('doc_updates', 'seq')) AS seq`,
      );
      const throughSeq = Number(next.rows[0]?.seq);
      await client.query(
        `INSERT INTO doc_snapshots (doc_id, data, through_seq, compacted_at, state_vector)
         VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
           compacted_at = excluded.compacted_at, state_vector = excluded.state_vector`,
        [
          docId,
          Buffer.from(result.snapshot),
          throughSeq,
          bytea(packStateVector(result.snapshot, result.stateVector)),
        ],
      );
      // Exactly the rows folded: one committed since they were read is not among them, and stays.
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
        docId,
        stored.seqs,
      ]);
      return {
        snapshotId: snapshotName(throughSeq, result.snapshot.length),
        folded: stored.seqs.length,
        snapshotBytes: result.snapshot.length,
        freedBytes: stored.document.bytes,
      };
    });
  }

  async delete(docId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      // A compaction under way must not write its snapshot of the document back after this.
      await lockDocument(client, docId);
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
      await client.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId]);
    });
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
