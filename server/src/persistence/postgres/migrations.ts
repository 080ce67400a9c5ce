/**
 * PostgreSQL's migrations, made from the one schema (schema.ts). The schema has two parts, each with
 * its own version in schema_versions (pool.ts runs each step once): the documents' and the metadata's.
 */
import {
  type Column,
  type ColumnType,
  changeStatements,
  createdColumns,
  type Index,
  type SchemaChange,
  type Table,
} from '../schema.js';
import type { SchemaPart } from './pool.js';

/** How PostgreSQL keeps each type of column. */
const DIALECT_TYPES: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  time: 'TIMESTAMPTZ',
  bytes: 'BYTEA',
  json: 'JSONB',
};

/** The documents' tables were always created only if missing (they were once made without a version). */
const ifMissing = (table: Table) => (table.created === 'documents' ? ' IF NOT EXISTS' : '');

function definition(column: Column): string {
  if (column.serial) return `${column.name} BIGSERIAL PRIMARY KEY`;
  if (column.insertionOrder) return `${column.name} BIGSERIAL NOT NULL`;
  let text = `${column.name} ${DIALECT_TYPES[column.type]}`;
  if (column.primaryKey) text += ' PRIMARY KEY';
  else if (!column.nullable) text += ' NOT NULL';
  if (column.unique) text += ' UNIQUE';
  if (column.references) text += ` REFERENCES ${column.references}`;
  if (column.cascade) text += ' ON DELETE CASCADE';
  return text;
}

const postgres = {
  createTable: (table: Table) => {
    const parts = createdColumns(table).map(definition);
    if (table.key.length > 1) parts.push(`PRIMARY KEY (${table.key.join(', ')})`);
    for (const columns of table.unique ?? []) parts.push(`UNIQUE (${columns.join(', ')})`);
    return `CREATE TABLE${ifMissing(table)} ${table.name} (\n  ${parts.join(',\n  ')}\n)`;
  },
  createIndex: (table: Table, index: Index) => {
    const columns = typeof index.columns === 'string' ? index.columns : index.columns.postgres;
    const where = index.where ? ` WHERE ${index.where}` : '';
    return `CREATE INDEX${ifMissing(table)} ${index.name} ON ${table.name} (${columns})${where}`;
  },
  addColumn: (table: Table, column: Column) =>
    `ALTER TABLE ${table.name} ADD COLUMN${ifMissing(table)} ${definition(column)}`,
};

/** One part of the schema from its steps, each one or more of the schema's changes. */
const part = (component: string, steps: readonly (readonly SchemaChange[])[]): SchemaPart => ({
  component,
  steps: steps.map((changes) => changes.flatMap((change) => changeStatements(change, postgres)).join(';\n')),
});

/** The documents' part: released databases are at one of its steps, so a step is never changed, only added. */
export const DOCUMENTS_SCHEMA = part('documents', [['documents'], ['snapshot vectors']]);

/** The metadata's part, likewise. */
export const METADATA_SCHEMA = part('metadata', [['metadata', 'history'], ['restoring'], ['protection']]);
