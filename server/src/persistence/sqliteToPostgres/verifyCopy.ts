/**
 * Checking the copy before it is committed: every table holds as many rows in PostgreSQL as in SQLite,
 * with the same values (read back as the PostgreSQL store reads them), and every meeting document loaded
 * from PostgreSQL is the same Yjs document as the one loaded from SQLite.
 */
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { loadDocument } from '../postgres/PostgresDocumentStore.js';
import type { SqliteDatabase } from '../sqlite/database.js';
import { SqliteDocumentStore } from '../sqlite/SqliteDocumentStore.js';
import type { StoredDocument } from '../types.js';
import { type Connection, describeKey, quote, sqliteColumns } from './copyTables.js';
import type { ColumnSpec, TableSpec } from './tables.js';

/** Rows read back per round trip. */
const FETCH_ROWS = 500;

/** Whether a value read from PostgreSQL is the one SQLite holds. */
function same(column: ColumnSpec, fromPostgres: unknown, fromSqlite: unknown): boolean {
  if (fromPostgres === null || fromSqlite === null) return fromPostgres === fromSqlite;
  switch (column.type) {
    case 'text':
      return fromPostgres === fromSqlite;
    case 'integer':
    case 'bigint':
      return BigInt(fromPostgres as string | number) === BigInt(fromSqlite as string | number | bigint);
    case 'time':
      return fromPostgres instanceof Date && fromPostgres.toISOString() === fromSqlite;
    case 'bytes':
      return Buffer.isBuffer(fromPostgres) && fromPostgres.equals(fromSqlite as Buffer);
    case 'json':
      return isDeepStrictEqual(fromPostgres, JSON.parse(fromSqlite as string));
  }
}

/**
 * Compare one table row by row, both sides in key order (PostgreSQL sorting text bytewise, as SQLite
 * does). Returns the number of rows and the first difference, if any.
 */
export async function compareTable(
  sqlite: SqliteDatabase,
  client: Connection,
  table: TableSpec,
): Promise<{ rows: number; problem: string | null }> {
  const sqliteRows = Number(sqlite.prepare(`SELECT COUNT(*) FROM ${table.name}`).pluck().get());
  const counted = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table.name)}`);
  const postgresRows = Number(counted.rows[0]?.n);
  if (postgresRows !== sqliteRows) {
    return {
      rows: sqliteRows,
      problem: `${table.name}: ${sqliteRows} rows in SQLite, ${postgresRows} in PostgreSQL`,
    };
  }
  const order = table.key.map((name) => {
    const column = table.columns.find((candidate) => candidate.name === name);
    return column?.type === 'text' ? `${quote(name)} COLLATE "C"` : quote(name);
  });
  const cursor = quote(`verify_${table.name}`);
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
     SELECT ${table.columns.map((column) => quote(column.name)).join(', ')} FROM ${quote(table.name)}
     ORDER BY ${order.join(', ')}`,
  );
  const fromSqlite = sqlite
    .prepare(`SELECT ${sqliteColumns(table)} FROM ${table.name} ORDER BY ${table.key.join(', ')}`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  try {
    for (;;) {
      const batch = await client.query<unknown[]>({
        text: `FETCH ${FETCH_ROWS} FROM ${cursor}`,
        rowMode: 'array',
      });
      if (batch.rows.length === 0) return { rows: sqliteRows, problem: null };
      for (const postgresRow of batch.rows) {
        const next = fromSqlite.next();
        if (next.done)
          return { rows: sqliteRows, problem: `${table.name}: more rows in PostgreSQL than in SQLite` };
        const column = table.columns.find((candidate, n) => !same(candidate, postgresRow[n], next.value[n]));
        if (column) {
          return {
            rows: sqliteRows,
            problem: `${table.name}: the row ${describeKey(table, next.value)} differs in ${column.name} (or is not the row in its place)`,
          };
        }
      }
    }
  } finally {
    fromSqlite.return?.();
    // After a failed FETCH the transaction is aborted and CLOSE fails too; the FETCH's error is the one to report.
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/** A stored document as the server builds it. */
function build(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * Load every meeting document from both stores, as the server would, and compare the Yjs documents
 * (state vectors and complete states). Returns how many there are and what differs.
 */
export async function compareDocuments(
  sqlite: SqliteDatabase,
  client: Connection,
): Promise<{ documents: number; problems: string[] }> {
  const ids = sqlite
    .prepare('SELECT doc_id FROM doc_snapshots UNION SELECT doc_id FROM doc_updates ORDER BY 1')
    .pluck()
    .all() as string[];
  const store = new SqliteDocumentStore(sqlite);
  const problems: string[] = [];
  for (const id of ids) {
    const [fromSqlite, fromPostgres] = [await store.load(id), await loadDocument(client, id)];
    const a = build(fromSqlite);
    const b = build(fromPostgres);
    try {
      if (fromSqlite.lastSeq !== fromPostgres.lastSeq) {
        problems.push(
          `meeting document ${id}: last update ${fromSqlite.lastSeq} in SQLite, ${fromPostgres.lastSeq} in PostgreSQL`,
        );
      } else if (!equalBytes(Y.encodeStateVector(a), Y.encodeStateVector(b))) {
        problems.push(`meeting document ${id}: PostgreSQL's copy holds other edits than SQLite's`);
      } else if (!equalBytes(Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b))) {
        problems.push(`meeting document ${id}: PostgreSQL's copy has other content than SQLite's`);
      }
    } finally {
      a.destroy();
      b.destroy();
    }
  }
  return { documents: ids.length, problems };
}
