/**
 * The embedded SQLite database: one file, WAL mode, migrations applied at open. Documents and meetings
 * live in the same file so that one backup holds everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

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

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
   CREATE TABLE doc_snapshots (
     doc_id TEXT PRIMARY KEY,
     data BLOB NOT NULL,
     through_seq INTEGER NOT NULL,
     compacted_at TEXT NOT NULL
   );
   CREATE TABLE networks (
     id TEXT PRIMARY KEY,
     centre_name TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     name TEXT NOT NULL,
     relation TEXT NOT NULL,
     role TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_seen_at TEXT
   );
   CREATE INDEX participants_by_network ON participants (network_id);
   CREATE TABLE meetings (
     id TEXT PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     number INTEGER NOT NULL,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL,
     closed_at TEXT,
     agreed_state BLOB,
     UNIQUE (network_id, number)
   );
   CREATE TABLE meeting_attendance (
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     participant_id TEXT NOT NULL REFERENCES participants (id),
     first_joined_at TEXT NOT NULL,
     PRIMARY KEY (meeting_id, participant_id)
   );
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     participant_id TEXT NOT NULL REFERENCES participants (id),
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX invitations_by_participant ON invitations (participant_id);
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     created_at TEXT NOT NULL
   );
   CREATE TABLE session_members (
     session_hash TEXT NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
     network_id TEXT NOT NULL REFERENCES networks (id),
     invitation_id TEXT NOT NULL REFERENCES invitations (id),
     PRIMARY KEY (session_hash, network_id)
   );
   CREATE TABLE activity (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     network_id TEXT NOT NULL REFERENCES networks (id),
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     actor_id TEXT,
     subject_id TEXT,
     meeting_id TEXT
   );
   CREATE INDEX activity_by_network ON activity (network_id, id);`,
  `CREATE TABLE meeting_versions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     taken_at TEXT NOT NULL,
     kind TEXT NOT NULL,
     writers TEXT NOT NULL,
     snapshot BLOB NOT NULL
   );
   CREATE INDEX meeting_versions_by_meeting ON meeting_versions (meeting_id, id);
   CREATE TABLE last_seen (
     participant_id TEXT NOT NULL REFERENCES participants (id),
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     state_vector BLOB NOT NULL,
     seen_at TEXT NOT NULL,
     PRIMARY KEY (participant_id, meeting_id)
   );`,
  // The state vector of the snapshot, kept so that opening a meeting need not decode the snapshot for it;
  // NULL for snapshots written before (the server then computes it from the snapshot).
  'ALTER TABLE doc_snapshots ADD COLUMN state_vector BLOB;',
  // Going back to a version: who went back to which (JSON, on the versions just before and after), and
  // the version a log entry is about. NULL on everything written before.
  `ALTER TABLE meeting_versions ADD COLUMN restoring TEXT;
   ALTER TABLE activity ADD COLUMN version_id INTEGER;`,
  // Data protection: when a session was last used (idle expiry; NULL: since it began), the record of
  // erasures (ids only), and when an erasure last rewrote a meeting document (browsers drop older copies).
  `ALTER TABLE sessions ADD COLUMN active_at TEXT;
   CREATE TABLE erasures (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     network_id TEXT NOT NULL,
     meeting_id TEXT,
     participant_id TEXT,
     erased_by TEXT NOT NULL,
     actor_id TEXT,
     actor_role TEXT,
     words TEXT,
     meeting_ids TEXT NOT NULL,
     done_at TEXT
   );
   CREATE TABLE document_rewrites (
     meeting_id TEXT PRIMARY KEY REFERENCES meetings (id),
     rewritten_at TEXT NOT NULL
   );`,
];

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
