/**
 * SQLite's migrations, made from the one schema (schema.ts, ddl.ts). PRAGMA user_version counts the
 * steps a file has had; each step is one or more of the schema's changes, grouped as they were released.
 */
import { migrationSteps, type Spelling } from '../ddl.js';

/** How SQLite spells the schema: times and JSON as text, the insertion order as the rowid. */
const SQLITE: Spelling = {
  types: { text: 'TEXT', integer: 'INTEGER', bigint: 'INTEGER', time: 'TEXT', bytes: 'BLOB', json: 'TEXT' },
  serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  insertionOrder: null,
  dialect: 'sqlite',
  ifMissing: () => false,
};

/**
 * The migrations: step n brings a file at user_version n to n + 1. Released files are at one of them,
 * so a step is never changed, only added.
 */
export const MIGRATIONS: readonly string[] = migrationSteps(
  [
    ['documents', 'metadata'],
    ['history'],
    ['snapshot vectors'],
    ['restoring'],
    ['protection'],
    ['admission'],
    ['teams'],
    ['team departures'],
  ],
  SQLITE,
);
