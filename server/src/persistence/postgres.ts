/**
 * The PostgreSQL DocumentStore, for running several Polyphony instances against one source of truth.
 * Same model as SQLite: an update log with store-wide increasing sequence numbers, and one snapshot per
 * document. Every method commits before its promise resolves; `append` is one transaction.
 */
import type pg from 'pg';
import { migrate, openPool, type PostgresOptions, type SchemaPart } from './postgresSchema.js';
import { packStateVector, unpackStateVector } from './snapshotVector.js';
import type { AppendEntry, DocumentStore, StoredDocument } from './types.js';

const bytea = (bytes: Uint8Array | null): Buffer | null => (bytes ? Buffer.from(bytes) : null);

/** The documents' part of the schema, step by step (postgresSchema.ts runs each once). */
export const DOCUMENTS_SCHEMA: SchemaPart = {
  component: 'documents',
  steps: [
    `CREATE TABLE IF NOT EXISTS doc_updates (
    seq BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_id, seq);
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    doc_id TEXT PRIMARY KEY,
    data BYTEA NOT NULL,
    through_seq BIGINT NOT NULL,
    compacted_at TIMESTAMPTZ NOT NULL
  );`,
    // The state vector of the snapshot, kept so that opening a meeting need not decode the snapshot for
    // it; NULL for snapshots written before (the server then computes it from the snapshot).
    'ALTER TABLE doc_snapshots ADD COLUMN IF NOT EXISTS state_vector BYTEA',
  ],
};

/**
 * What the store holds for one document, read through `db`: the store's pool, or a connection inside a
 * transaction (the copy from SQLite checks what it wrote before committing it).
 */
export async function loadDocument(
  db: Pick<pg.Pool | pg.PoolClient, 'query'>,
  docId: string,
): Promise<StoredDocument> {
  const snapshot = await db.query<{ data: Buffer; through_seq: string; state_vector: Buffer | null }>(
    'SELECT data, through_seq, state_vector FROM doc_snapshots WHERE doc_id = $1',
    [docId],
  );
  const through = snapshot.rows[0] ? Number(snapshot.rows[0].through_seq) : 0;
  const rows = await db.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
    [docId, through],
  );
  const updates = rows.rows.map((row) => new Uint8Array(row.data));
  const snapshotData = snapshot.rows[0] ? new Uint8Array(snapshot.rows[0].data) : null;
  const stateVector = snapshot.rows[0]?.state_vector;
  let bytes = snapshotData?.length ?? 0;
  for (const update of updates) bytes += update.length;
  const last = rows.rows.at(-1);
  return {
    snapshot: snapshotData,
    snapshotStateVector: snapshotData && unpackStateVector(snapshotData, stateVector ?? null),
    updates,
    lastSeq: last ? Number(last.seq) : through,
    bytes,
  };
}

/** DocumentStore on PostgreSQL (node-postgres pool). */
export class PostgresDocumentStore implements DocumentStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
  ) {}

  /** Connect with a pool of its own and bring the tables up to date. */
  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresDocumentStore> {
    const pool = openPool(connectionString, options);
    try {
      await migrate(pool, DOCUMENTS_SCHEMA, options);
    } catch (error) {
      await pool.end();
      throw error;
    }
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
    snapshot: Uint8Array,
    throughSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Two instances may compact the same document; the row lock orders them, and a late compaction
      // never replaces a newer snapshot.
      const existing = await client.query<{ through_seq: string }>(
        'SELECT through_seq FROM doc_snapshots WHERE doc_id = $1 FOR UPDATE',
        [docId],
      );
      if (existing.rows[0] && Number(existing.rows[0].through_seq) > throughSeq) {
        await client.query('ROLLBACK');
        return;
      }
      await client.query(
        `INSERT INTO doc_snapshots (doc_id, data, through_seq, compacted_at, state_vector)
         VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
           compacted_at = excluded.compacted_at, state_vector = excluded.state_vector`,
        [docId, Buffer.from(snapshot), throughSeq, bytea(packStateVector(snapshot, stateVector))],
      );
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [docId, throughSeq]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async delete(docId: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
      await client.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
