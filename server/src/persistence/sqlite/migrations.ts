/**
 * SQLite's migrations, made from the one schema (schema.ts). PRAGMA user_version counts the steps a
 * file has had; each step is one or more of the schema's changes, grouped as they were released.
 */
import {
  type Column,
  type ColumnType,
  changeStatements,
  createdColumns,
  type SchemaChange,
  type Table,
} from '../schema.js';

/** How SQLite keeps each type of column. */
const DIALECT_TYPES: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'INTEGER',
  time: 'TEXT',
  bytes: 'BLOB',
  json: 'TEXT',
};

/** The steps, in order: released files are at one of them, so a step is never changed, only added. */
const STEPS: readonly (readonly SchemaChange[])[] = [
  ['documents', 'metadata'],
  ['history'],
  ['snapshot vectors'],
  ['restoring'],
  ['protection'],
];

/** A column's definition; null for the insertion order, which SQLite keeps as the rowid. */
function definition(column: Column): string | null {
  if (column.insertionOrder) return null;
  if (column.serial) return `${column.name} INTEGER PRIMARY KEY AUTOINCREMENT`;
  let text = `${column.name} ${DIALECT_TYPES[column.type]}`;
  if (column.primaryKey) text += ' PRIMARY KEY';
  else if (!column.nullable) text += ' NOT NULL';
  if (column.unique) text += ' UNIQUE';
  if (column.references) text += ` REFERENCES ${column.references}`;
  if (column.cascade) text += ' ON DELETE CASCADE';
  return text;
}

/** The CREATE TABLE of a table as it was created. */
export function createTable(table: Table): string {
  const parts = createdColumns(table)
    .map(definition)
    .filter((part): part is string => part !== null);
  if (table.key.length > 1) parts.push(`PRIMARY KEY (${table.key.join(', ')})`);
  for (const columns of table.unique ?? []) parts.push(`UNIQUE (${columns.join(', ')})`);
  return `CREATE TABLE ${table.name} (\n  ${parts.join(',\n  ')}\n)`;
}

const sqlite = {
  createTable,
  createIndex: (table: Table, index: NonNullable<Table['indexes']>[number]) => {
    if (index.postgresOnly) return null;
    const columns = typeof index.columns === 'string' ? index.columns : index.columns.sqlite;
    const where = index.where ? ` WHERE ${index.where}` : '';
    return `CREATE INDEX ${index.name} ON ${table.name} (${columns})${where}`;
  },
  addColumn: (table: Table, column: Column) => `ALTER TABLE ${table.name} ADD COLUMN ${definition(column)}`,
};

/** The migrations: step n brings a file at user_version n to n + 1. */
export const MIGRATIONS: readonly string[] = STEPS.map((changes) =>
  changes.flatMap((change) => changeStatements(change, sqlite)).join(';\n'),
);
