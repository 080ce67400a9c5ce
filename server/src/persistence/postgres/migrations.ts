/**
 * PostgreSQL's migrations, made from the one schema (schema.ts, ddl.ts). The schema has two parts, each
 * with its own version in schema_versions (pool.ts runs each step once): the documents' and the
 * metadata's. Released databases are at one of each part's steps, so a step is never changed, only added.
 */
import { migrationSteps, type Spelling } from '../ddl.js';
import type { SchemaPart } from './pool.js';

/** How PostgreSQL spells the schema: timestamptz, jsonb, bytea, and a seq column for insertion order. */
const POSTGRES: Spelling = {
  types: {
    text: 'TEXT',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    time: 'TIMESTAMPTZ',
    bytes: 'BYTEA',
    json: 'JSONB',
  },
  serial: 'BIGSERIAL PRIMARY KEY',
  insertionOrder: 'BIGSERIAL NOT NULL',
  dialect: 'postgres',
  // The documents' tables were always made only where missing, as the document store first made them.
  ifMissing: (table) => table.created === 'documents',
};

/** The documents' part. */
export const DOCUMENTS_SCHEMA: SchemaPart = {
  component: 'documents',
  steps: migrationSteps([['documents'], ['snapshot vectors']], POSTGRES),
};

/** The metadata's part. */
export const METADATA_SCHEMA: SchemaPart = {
  component: 'metadata',
  steps: migrationSteps(
    [['metadata', 'history'], ['restoring'], ['protection'], ['admission'], ['teams'], ['team departures']],
    POSTGRES,
  ),
};
