/** What a Polyphony SQLite file holds, counted: what backup, restore and verify report. */
import type { SqliteDatabase } from '../persistence/database.js';
import { BackupFailed } from './errors.js';

/** Rows of a Polyphony file, by kind, and its schema version. */
export interface StoreContent {
  /** PRAGMA user_version: the number of migration steps applied. */
  schemaVersion: number;
  networks: number;
  meetings: number;
  /** Meeting documents stored (a snapshot, updates, or both). */
  documents: number;
}

/** The tables every Polyphony file has, whatever its version. */
const REQUIRED_TABLES = [
  'doc_updates',
  'doc_snapshots',
  'networks',
  'participants',
  'meetings',
  'invitations',
];

/** Count what the file holds; throws BackupFailed when it is not a Polyphony file. */
export function describeContent(db: SqliteDatabase): StoreContent {
  const tables = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) {
    throw new BackupFailed(`this is not a Polyphony database: it has no table ${missing.join(', ')}`);
  }
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    networks: count('SELECT count(*) FROM networks'),
    meetings: count('SELECT count(*) FROM meetings'),
    documents: count(
      'SELECT count(*) FROM (SELECT doc_id FROM doc_snapshots UNION SELECT doc_id FROM doc_updates)',
    ),
  };
}
