/**
 * `pnpm polyphony backup <file>`: a consistent copy of the SQLite file while the server runs, with
 * SQLite's online backup API (better-sqlite3's `backup`). The copy is taken in one step, inside one read
 * transaction: in WAL mode that does not block the server's commits, and it holds exactly what was
 * committed when it began — so every update acknowledged as "saved" before the command started is in it.
 * (A copy taken page by page over several steps would start again each time the server commits, which
 * under load it always does.)
 *
 * The copy is made beside the target as `<file>.partial`, turned into a single self-contained file
 * (journal_mode DELETE: no -wal to carry along), checked (integrity_check), synced to disk, and only then
 * renamed to `<file>`; `<file>.sha256` (the format of `sha256sum -c`) lets `verify` notice any byte that
 * changed since. Both are readable by their owner only: they hold health data.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type SqliteDatabase } from '../persistence/database.js';
import { BackupFailed, BackupRefused } from './errors.js';
import { describeContent, type StoreContent } from './storeContent.js';

/** What a backup holds. */
export interface BackupSummary extends StoreContent {
  file: string;
  bytes: number;
  sha256: string;
  /** How long the copy took, in milliseconds. */
  tookMs: number;
}

/** The checksum file beside a backup. */
export function checksumFileOf(file: string): string {
  return `${file}.sha256`;
}

/** SHA-256 of a file, hex. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Flush a file (or a folder: a rename in it) to the disk. */
export function syncToDisk(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copy the SQLite file in dataDir to `file`, which must not exist yet. */
export async function backupFile(dataDir: string, file: string): Promise<BackupSummary> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new BackupRefused(`there is no ${DATABASE_FILE} in DATA_DIR ${dataDir}`);
  const target = path.resolve(file);
  if (fs.existsSync(target)) {
    throw new BackupRefused(
      `${target} exists already: give the backup a new name, or remove that file first`,
    );
  }
  if (!fs.existsSync(path.dirname(target)))
    throw new BackupRefused(`there is no folder ${path.dirname(target)}`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });

  const started = performance.now();
  let db: SqliteDatabase | undefined;
  try {
    // Not through openDatabase: a backup must not migrate, or change anything in, the server's file.
    db = new Database(source, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // The whole file in one step (see above): return at least what remains from each progress call.
    await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new BackupFailed(`copying ${source} failed: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
  const tookMs = Math.round(performance.now() - started);

  let content: StoreContent;
  try {
    content = checkCopy(partial);
    fs.chmodSync(partial, 0o600);
    syncToDisk(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error instanceof BackupFailed ? error : new BackupFailed((error as Error).message);
  }
  const sha256 = await sha256Of(partial);
  fs.renameSync(partial, target);
  const checksumFile = checksumFileOf(target);
  fs.writeFileSync(checksumFile, `${sha256}  ${path.basename(target)}\n`, { mode: 0o600 });
  syncToDisk(checksumFile);
  syncToDisk(path.dirname(target));
  return { file: target, bytes: fs.statSync(target).size, sha256, tookMs, ...content };
}

/** Make the copy a single file and check it; throws BackupFailed when it is not sound. */
function checkCopy(file: string): StoreContent {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = copy.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') {
      throw new BackupFailed(
        `the copy failed SQLite's integrity check: ${problems.map((p) => p.integrity_check).join('; ')}`,
      );
    }
    return describeContent(copy);
  } finally {
    copy.close();
  }
}
