/**
 * After an erasure deleted rows, their bytes must leave the database's files too.
 *
 * SQLite: a deleted row's bytes stay in the file's free pages (and a compaction's deleted updates from
 * long before are there too), and in the WAL until it is checkpointed. The purge checkpoints the WAL,
 * rebuilds the file with VACUUM (only live rows are copied; the file is rewritten and shrunk), and
 * checkpoints again with TRUNCATE so that the WAL, which VACUUM wrote through, is emptied to zero
 * bytes. `secure_delete` is on for the erasure's own deletions as well, so that even before the VACUUM
 * they are zeroed in their pages. VACUUM holds the write lock while it copies: the server pauses its
 * writes for that long (measured in the README).
 *
 * PostgreSQL: DELETE leaves dead tuples until VACUUM reclaims them; the purge runs VACUUM on every
 * table of Polyphony (`full`: VACUUM FULL, which rewrites the tables' files and locks each table
 * meanwhile). PostgreSQL's own WAL and its archives keep the data until they are recycled: the
 * operator's backups, see the README.
 */
import type pg from 'pg';
import type { SqliteDatabase } from '../persistence/database.js';

/** What a purge did. */
export interface PurgeReport {
  /** 'sqlite' or 'postgres'. */
  store: string;
  /** Whether the WAL could be emptied (SQLite: a reader may hold it for a moment). */
  walEmptied: boolean;
  ms: number;
}

/** Tables of Polyphony in PostgreSQL, children first. */
const POSTGRES_TABLES = [
  'last_seen',
  'meeting_attendance',
  'meeting_versions',
  'document_rewrites',
  'session_members',
  'sessions',
  'activity',
  'invitations',
  'meetings',
  'participants',
  'networks',
  'doc_updates',
  'doc_snapshots',
  'erasures',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Purge the SQLite file and its WAL of deleted rows. */
export async function purgeSqlite(db: SqliteDatabase): Promise<PurgeReport> {
  const started = performance.now();
  const checkpoint = () =>
    (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[])[0];
  checkpoint();
  db.exec('VACUUM');
  // Another connection (the command line, the checkpoint worker) may be reading for a moment: the
  // WAL can only be emptied once nobody reads an older state of it.
  let result = checkpoint();
  for (let attempt = 0; attempt < 50 && result && result.busy !== 0; attempt++) {
    await sleep(100);
    result = checkpoint();
  }
  return { store: 'sqlite', walEmptied: result?.busy === 0, ms: performance.now() - started };
}

/** Run `work` with secure_delete on, so that what it deletes is overwritten with zeros at once. */
export async function withSecureDelete<T>(db: SqliteDatabase, work: () => Promise<T>): Promise<T> {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return await work();
  } finally {
    db.pragma(`secure_delete = ${before}`);
  }
}

/** Reclaim the dead tuples erasures left in PostgreSQL. */
export async function purgePostgres(pool: pg.Pool, options: { full?: boolean } = {}): Promise<PurgeReport> {
  const started = performance.now();
  // VACUUM cannot run inside a transaction: a plain pooled query is one statement on its own.
  await pool.query(`VACUUM ${options.full ? 'FULL ' : ''}${POSTGRES_TABLES.join(', ')}`);
  return { store: 'postgres', walEmptied: true, ms: performance.now() - started };
}
