/**
 * Every table of the SQLite file and its PostgreSQL counterpart, column by column, in an order that
 * respects the foreign keys (parents first), as the copy reads them: the one schema (schema.ts), with
 * how SQLite gives each column and which serial sequences must continue after the copied values. A
 * table or column of the SQLite file that is not here makes the copy refuse rather than leave it behind
 * (migrateToPostgres.test.ts checks the list against both databases' schemas).
 */
import { type ColumnType, TABLES as SCHEMA } from '../schema.js';

export type { ColumnType } from '../schema.js';

/** One column, named as in both databases. */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Whether NULL is allowed. */
  nullable?: boolean;
  /**
   * The SQLite expression giving the value, when the column exists only in PostgreSQL: participants'
   * and invitations' `seq` there keeps the insertion order that SQLite's rowid keeps.
   */
  sqlite?: string;
}

/** A serial column whose sequence must continue after the copied values. */
export interface SequenceSpec {
  column: string;
  /** The table is AUTOINCREMENT in SQLite: sqlite_sequence remembers numbers already handed out. */
  autoincrement: boolean;
  /** A SQLite query for another number the sequence must pass (a snapshot's through_seq). */
  alsoPast?: string;
}

/** One table, the same name in both databases. */
export interface TableSpec {
  name: string;
  /** What the summary calls its rows. */
  kind: string;
  columns: readonly ColumnSpec[];
  /** The primary key: the order rows are copied and compared in. */
  key: readonly string[];
  sequence?: SequenceSpec;
}

/** The tables, parents before children. */
export const TABLES: readonly TableSpec[] = SCHEMA.map((table) => {
  const serial = table.columns.find((column) => column.serial || column.insertionOrder);
  return {
    name: table.name,
    kind: table.kind,
    columns: table.columns.map((column) => ({
      name: column.name,
      type: column.type,
      nullable: column.nullable === true,
      ...(column.insertionOrder ? { sqlite: 'rowid' } : {}),
    })),
    key: table.key,
    ...(serial
      ? {
          sequence: {
            column: serial.name,
            autoincrement: serial.serial === true,
            ...(table.sequencePasses ? { alsoPast: table.sequencePasses } : {}),
          },
        }
      : {}),
  };
});

/** PostgreSQL's array type for a column type: the copy sends each batch as one array per column. */
export const ARRAY_TYPE: Record<ColumnType, string> = {
  text: 'text[]',
  integer: 'integer[]',
  bigint: 'bigint[]',
  time: 'timestamptz[]',
  bytes: 'bytea[]',
  json: 'text[]',
};
