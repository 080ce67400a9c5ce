/**
 * The statements that make the schema (schema.ts), change by change, for either database. What differs
 * between SQLite and PostgreSQL is said in a `Spelling` (sqlite/migrations.ts, postgres/migrations.ts);
 * the shape of every CREATE TABLE, CREATE INDEX and ALTER TABLE is said once, here.
 */
import { type Column, type ColumnType, type Index, type SchemaChange, TABLES, type Table } from './schema.js';

/** How one database spells the schema. */
export interface Spelling {
  /** The column type each of the schema's types is kept as. */
  types: Record<ColumnType, string>;
  /** A table's own serial number, with its primary key. */
  serial: string;
  /** The insertion-order column's type, or null where the database keeps the order itself (rowid). */
  insertionOrder: string | null;
  /** Which of an index's column lists applies, and whether PostgreSQL-only indexes are made. */
  dialect: 'sqlite' | 'postgres';
  /** Whether a table's statements make it only if it is missing (CREATE TABLE IF NOT EXISTS …). */
  ifMissing(table: Table): boolean;
}

/** A column's definition; null for a column this database does not have. */
function definition(column: Column, spelling: Spelling): string | null {
  if (column.insertionOrder) return spelling.insertionOrder && `${column.name} ${spelling.insertionOrder}`;
  if (column.serial) return `${column.name} ${spelling.serial}`;
  let text = `${column.name} ${spelling.types[column.type]}`;
  if (column.primaryKey) text += ' PRIMARY KEY';
  else if (!column.nullable) text += ' NOT NULL';
  if (column.unique) text += ' UNIQUE';
  if (column.references) text += ` REFERENCES ${column.references}`;
  if (column.cascade) text += ' ON DELETE CASCADE';
  return text;
}

/** The columns a table was created with (those a later change added come with that change). */
const createdColumns = (table: Table): Column[] =>
  table.columns.filter((column) => column.added === undefined || column.added === table.created);

function createTable(table: Table, spelling: Spelling, ifMissing: string): string {
  const parts = createdColumns(table)
    .map((column) => definition(column, spelling))
    .filter((part): part is string => part !== null);
  if (table.key.length > 1) parts.push(`PRIMARY KEY (${table.key.join(', ')})`);
  for (const columns of table.unique ?? []) parts.push(`UNIQUE (${columns.join(', ')})`);
  return `CREATE TABLE${ifMissing} ${table.name} (\n  ${parts.join(',\n  ')}\n)`;
}

function createIndex(table: Table, index: Index, spelling: Spelling, ifMissing: string): string | null {
  if (index.postgresOnly && spelling.dialect !== 'postgres') return null;
  const columns = typeof index.columns === 'string' ? index.columns : index.columns[spelling.dialect];
  const where = index.where ? ` WHERE ${index.where}` : '';
  return `CREATE INDEX${ifMissing} ${index.name} ON ${table.name} (${columns})${where}`;
}

/** The statements of one change: the tables it creates (with their indexes), the columns it adds. */
export function changeStatements(change: SchemaChange, spelling: Spelling): string[] {
  const statements: string[] = [];
  for (const table of TABLES) {
    const ifMissing = spelling.ifMissing(table) ? ' IF NOT EXISTS' : '';
    if (table.created === change) {
      statements.push(createTable(table, spelling, ifMissing));
      for (const index of table.indexes ?? []) {
        const statement = createIndex(table, index, spelling, ifMissing);
        if (statement) statements.push(statement);
      }
    }
    for (const column of table.columns) {
      const added = column.added === change && table.created !== change && definition(column, spelling);
      if (added) statements.push(`ALTER TABLE ${table.name} ADD COLUMN${ifMissing} ${added}`);
    }
  }
  return statements;
}

/** The migration steps, each one or more changes as they were released, as one text each. */
export const migrationSteps = (steps: readonly (readonly SchemaChange[])[], spelling: Spelling): string[] =>
  steps.map((changes) => changes.flatMap((change) => changeStatements(change, spelling)).join(';\n'));
