/**
 * Copying rows from the SQLite file into PostgreSQL, table by table, in batches sent as one array per
 * column. Every value is checked against its column first, so that a value PostgreSQL would keep
 * differently (a time that is not the ISO text the server writes, a writers list that is not JSON) stops
 * the copy with the table, column and row named, instead of arriving changed.
 */
import type pg from 'pg';
import type { SqliteDatabase } from '../sqlite/database.js';
import { ARRAY_TYPE, type ColumnSpec, TABLES, type TableSpec } from './tables.js';

/** A batch is sent once it holds this many rows or this many bytes of blobs. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

/** A connection inside the copy's transaction. */
export type Connection = Pick<pg.ClientBase, 'query'>;

/** A PostgreSQL identifier, quoted (the names come from tables.ts, never from input). */
export const quote = (name: string) => `"${name}"`;

/** The SQLite SELECT list of a table, in its columns' order. */
export const sqliteColumns = (table: TableSpec) =>
  table.columns
    .map((column) => (column.sqlite ? `${column.sqlite} AS ${column.name}` : column.name))
    .join(', ');

/** The key of a row, for messages: "id=…" or "meeting_id=…, participant_id=…". */
export function describeKey(table: TableSpec, row: readonly unknown[]): string {
  return table.key
    .map((name) => `${name}=${String(row[table.columns.findIndex((column) => column.name === name)])}`)
    .join(', ');
}

/** Why a SQLite value cannot be copied as it is, or null when it can. */
function problemWith(column: ColumnSpec, value: unknown): string | null {
  if (value === null) return column.nullable ? null : 'is empty (NULL)';
  switch (column.type) {
    case 'text':
      return typeof value === 'string' ? null : `is ${typeof value}, not text`;
    case 'integer':
    case 'bigint':
      return typeof value === 'bigint' || Number.isSafeInteger(value)
        ? null
        : `is not a whole number: ${value}`;
    case 'bytes':
      return Buffer.isBuffer(value) ? null : `is ${typeof value}, not bytes`;
    case 'time': {
      // PostgreSQL keeps the instant, and gives it back to the server as toISOString() does; only that
      // exact text survives the round trip unchanged.
      const canonical = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return !Number.isNaN(canonical) && new Date(canonical).toISOString() === value
        ? null
        : `is "${String(value)}", not a time as the server writes it (like 2030-03-01T09:00:00.000Z)`;
    }
    case 'json':
      if (typeof value !== 'string') return `is ${typeof value}, not JSON text`;
      try {
        JSON.parse(value);
        return null;
      } catch {
        return `is not JSON: ${String(value).slice(0, 80)}`;
      }
  }
}

/** The INSERT of one batch: one array parameter per column, unnested into rows. */
function insertStatement(table: TableSpec): string {
  const names = table.columns.map((column) => quote(column.name));
  const values = table.columns.map((column) =>
    column.type === 'json' ? `${quote(column.name)}::jsonb` : quote(column.name),
  );
  const arrays = table.columns.map((column, n) => `$${n + 1}::${ARRAY_TYPE[column.type]}`);
  return `INSERT INTO ${quote(table.name)} (${names.join(', ')})
          SELECT ${values.join(', ')} FROM unnest(${arrays.join(', ')}) AS u(${names.join(', ')})`;
}

/** Copy every row of one table; returns how many. Throws, naming the row, on a value it cannot keep. */
export async function copyTable(
  sqlite: SqliteDatabase,
  client: Connection,
  table: TableSpec,
): Promise<number> {
  const select = sqlite
    .prepare(`SELECT ${sqliteColumns(table)} FROM ${table.name} ORDER BY ${table.key.join(', ')}`)
    .raw();
  const insert = insertStatement(table);
  let batch: unknown[][] = table.columns.map(() => []);
  let rows = 0;
  let batchRows = 0;
  let batchBytes = 0;
  const send = async () => {
    if (batchRows === 0) return;
    await client.query(insert, batch);
    batch = table.columns.map(() => []);
    batchRows = 0;
    batchBytes = 0;
  };
  // The connection is used for nothing else while the iterator is open; awaiting PostgreSQL between
  // batches is fine. A throw closes the iterator (for…of calls its return()).
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    table.columns.forEach((column, index) => {
      const value = row[index];
      const problem = problemWith(column, value);
      if (problem)
        throw new Error(`${table.name}.${column.name} of the row ${describeKey(table, row)} ${problem}`);
      if (Buffer.isBuffer(value)) batchBytes += value.length;
      (batch[index] as unknown[]).push(value);
    });
    batchRows++;
    rows++;
    if (batchRows >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await send();
  }
  await send();
  return rows;
}

/**
 * Move every serial sequence past the numbers SQLite has handed out, so that the next log entry,
 * version, update or person does not take a number already used (or, for updates, one a snapshot
 * already covers).
 */
export async function advanceSequences(sqlite: SqliteDatabase, client: Connection): Promise<void> {
  for (const table of TABLES) {
    const { sequence } = table;
    if (!sequence) continue;
    const column = table.columns.find((candidate) => candidate.name === sequence.column);
    const expression = column?.sqlite ?? sequence.column;
    const numbers = [
      sqlite.prepare(`SELECT MAX(${expression}) FROM ${table.name}`).pluck().get(),
      sequence.autoincrement
        ? sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table.name)
        : undefined,
      sequence.alsoPast ? sqlite.prepare(sequence.alsoPast).pluck().get() : undefined,
    ].map((value) => Number(value ?? 0));
    const last = Math.max(0, ...numbers);
    const found = await client.query<{ name: string }>('SELECT pg_get_serial_sequence($1, $2) AS name', [
      table.name,
      sequence.column,
    ]);
    // ALTER SEQUENCE … RESTART is transactional, unlike setval(): a copy rolled back leaves the
    // sequences as they were too. The name comes quoted from the catalog.
    await client.query(`ALTER SEQUENCE ${found.rows[0]?.name} RESTART WITH ${last + 1}`);
  }
}
