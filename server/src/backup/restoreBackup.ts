/**
 * `pnpm polyphony restore <file>`: put a backup in place as DATA_DIR's SQLite file, for a stopped server
 * (on this machine after a loss, or on a new one). The backup is verified first (verifyBackup: checksum,
 * schema version, integrity, every meeting document loads); nothing is changed unless it passes.
 *
 * A file already in DATA_DIR is kept beside it as `polyphony.sqlite.before-restore-<time>`, never
 * deleted. It is opened with an exclusive lock first, which fails while a server (or another command) has
 * it open, so a running server is refused rather than having its file replaced under it; under that lock
 * it is made a single file (its WAL folded in) before it is moved aside. The restored file goes in by a
 * rename, after being synced to disk, so an interrupted restore leaves either the old file or the new one.
 * A server started on it brings an older backup's schema up to date, as with any older file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type SqliteDatabase } from '../persistence/database.js';
import { syncToDisk } from './backupFile.js';
import { BackupRefused } from './errors.js';
import { type VerifySummary, verifyBackup } from './verifyBackup.js';

/** What was restored. */
export interface RestoreSummary extends VerifySummary {
  dataDir: string;
  /** Where the file that was in DATA_DIR went; null when there was none. */
  keptAside: string | null;
}

const SIDE_FILES = ['', '-wal', '-shm'];

/** Restore `file` into dataDir; throws BackupFailed (the backup is not sound) or BackupRefused. */
export async function restoreBackup(dataDir: string, file: string): Promise<RestoreSummary> {
  const verified = await verifyBackup(file);
  fs.mkdirSync(dataDir, { recursive: true });
  const current = path.join(dataDir, DATABASE_FILE);
  const restoring = `${current}.restoring`;
  const held = holdCurrent(current, dataDir);
  let keptAside: string | null = null;
  try {
    fs.copyFileSync(verified.file, restoring);
    fs.chmodSync(restoring, 0o600);
    syncToDisk(restoring);
    if (SIDE_FILES.some((suffix) => fs.existsSync(current + suffix))) {
      keptAside = `${current}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of SIDE_FILES) {
        if (fs.existsSync(current + suffix)) fs.renameSync(current + suffix, keptAside + suffix);
      }
    }
    fs.renameSync(restoring, current);
    syncToDisk(dataDir);
  } finally {
    fs.rmSync(restoring, { force: true });
    held?.close();
  }
  return { ...verified, dataDir, keptAside };
}

/**
 * The file now in DATA_DIR, locked and made a single file; undefined when there is none, or when it does
 * not even open (a damaged file is what a restore is for: it is moved aside as it is).
 */
function holdCurrent(current: string, dataDir: string): SqliteDatabase | undefined {
  if (!fs.existsSync(current)) return undefined;
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(current, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    // Granted only when no other connection has the file open (see migrateToPostgres.ts).
    db.pragma('locking_mode = EXCLUSIVE');
    // Folds the WAL into the file and removes it: the file kept aside is then whole on its own.
    db.pragma('journal_mode = DELETE');
    return db;
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new BackupRefused(
        `${current} is in use: stop the Polyphony server (and any other command) using DATA_DIR ${dataDir} first`,
      );
    }
    return undefined;
  }
}
