/**
 * The embedded SQLite database: one file, WAL mode, migrations (made from schema.ts) applied at open. Documents and meetings
 * live in the same file so that one backup holds everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/** An open better-sqlite3 database. */
export type SqliteDatabase = Database.Database;

/**
 * A write transaction that takes the write lock when it begins (BEGIN IMMEDIATE). better-sqlite3's
 * default is BEGIN DEFERRED, where a transaction that reads before it writes fails at once with
 * SQLITE_BUSY_SNAPSHOT — no waiting for busy_timeout — when another process committed in between: the
 * operator's command line revoking a link while the server writes, or the server compacting while the
 * command line writes. With IMMEDIATE the second writer waits for the lock and then reads fresh data.
 */
export function writeTransaction<F extends Parameters<SqliteDatabase['transaction']>[0]>(
  db: SqliteDatabase,
  work: F,
): Database.Transaction<F>['immediate'] {
  return db.transaction(work).immediate;
}

/** The name of the SQLite file inside DATA_DIR. */
export const DATABASE_FILE = 'polyphony.sqlite';

/** The schema version (PRAGMA user_version) of a file this code has brought up to date. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Open (creating if needed) the database in dataDir and bring its schema up to date. */
export function openDatabase(
  dataDir: string,
  options: { synchronous?: 'FULL' | 'NORMAL' } = {},
): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  // First: a second process opening the file while a server writes to it (the operator's command line)
  // must wait for a lock, even for the pragmas below, instead of failing at once with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it returns, so a "saved" acknowledgement survives a power cut too.
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  while (version() < MIGRATIONS.length) {
    // The version is read again under the write lock: two processes opening an older file at once (a
    // server and the command line) must not both run the same step.
    writeTransaction(db, () => {
      const current = version();
      if (current >= MIGRATIONS.length) return;
      db.exec(MIGRATIONS[current] as string);
      db.pragma(`user_version = ${current + 1}`);
    })();
  }
}
