/**
 * `pnpm polyphony verify <file>`: whether a backup can be restored and served. In order, each a reason
 * to refuse it:
 *
 * 1. its checksum file (`<file>.sha256`, written by `backup`) matches, when there is one: any byte that
 *    changed since the backup was made is caught here;
 * 2. it opens as a SQLite database of a Polyphony this one can run (schema version not newer);
 * 3. SQLite's `integrity_check` and `foreign_key_check` find nothing;
 * 4. on a copy brought up to this version's schema (as the server would at start), every meeting
 *    document loads — its snapshot and every update decode, and none waits for an update that is not
 *    there — and so do its versions and its "as agreed" state.
 *
 * The backup itself is only read: the checks run on a copy in a private temporary folder, removed after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DATABASE_FILE, openDatabase, SCHEMA_VERSION, type SqliteDatabase } from '../persistence/database.js';
import { SqliteDocumentStore } from '../persistence/sqlite.js';
import { checksumFileOf, sha256Of } from './backupFile.js';
import { BackupFailed, BackupRefused } from './errors.js';
import { describeContent, type StoreContent } from './storeContent.js';

/** What a sound backup holds. */
export interface VerifySummary extends StoreContent {
  file: string;
  bytes: number;
  /** Whether a checksum file was there to compare with (a backup made otherwise has none). */
  checksum: 'matches' | 'absent';
  /** Versions of meetings, each decoded. */
  versions: number;
  /**
   * Meetings whose document holds updates that wait for others not in it. The live server has them so
   * too (a client may send such updates), so this is said, not refused.
   */
  incomplete: string[];
}

/** At most this many broken meetings are named in the message. */
const NAMED = 10;

/** Check a backup file; throws BackupFailed (not sound) or BackupRefused (missing, too new). */
export async function verifyBackup(file: string): Promise<VerifySummary> {
  const backup = path.resolve(file);
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile())
    throw new BackupRefused(`there is no file ${backup}`);
  const checksum = await compareChecksum(backup);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-verify-'));
  try {
    fs.copyFileSync(backup, path.join(scratch, DATABASE_FILE));
    const content = checkDatabase(path.join(scratch, DATABASE_FILE), backup);
    const { versions, incomplete } = await checkDocuments(scratch, backup);
    return { file: backup, bytes: fs.statSync(backup).size, checksum, versions, incomplete, ...content };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function compareChecksum(backup: string): Promise<VerifySummary['checksum']> {
  const checksumFile = checksumFileOf(backup);
  if (!fs.existsSync(checksumFile)) return 'absent';
  const expected = /^([0-9a-f]{64})\b/.exec(fs.readFileSync(checksumFile, 'utf8').trim())?.[1];
  if (!expected) throw new BackupFailed(`${checksumFile} does not hold a SHA-256 checksum`);
  const actual = await sha256Of(backup);
  if (actual !== expected) {
    throw new BackupFailed(
      `${backup} is not the file that was backed up: its SHA-256 is ${actual}, ${checksumFile} says ${expected}`,
    );
  }
  return 'matches';
}

/** Steps 2 and 3, on the copy; `backup` names the file in messages. */
function checkDatabase(copy: string, backup: string): StoreContent {
  let db: SqliteDatabase;
  try {
    db = new Database(copy, { fileMustExist: true });
  } catch (error) {
    throw new BackupFailed(`${backup} does not open as a SQLite database: ${(error as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new BackupRefused(
        `${backup} is from a newer Polyphony (schema ${version}; this one knows ${SCHEMA_VERSION}): use that version`,
      );
    }
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupFailed(
        `${backup} is damaged: SQLite's integrity check says ${problems.slice(0, 5).join('; ')}`,
      );
    }
    const orphans = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (orphans.length > 0) {
      const first = orphans[0] as { table: string; parent: string };
      throw new BackupFailed(
        `${backup} is inconsistent: ${orphans.length} row(s) point at rows that are not there (first: ${first.table} → ${first.parent})`,
      );
    }
    return describeContent(db);
  } catch (error) {
    if (error instanceof BackupFailed || error instanceof BackupRefused) throw error;
    // SQLITE_CORRUPT, SQLITE_NOTADB and the like, from any of the reads above.
    throw new BackupFailed(`${backup} is damaged: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** Step 4: every meeting document, version and "as agreed" state. */
async function checkDocuments(
  scratch: string,
  backup: string,
): Promise<Pick<VerifySummary, 'versions' | 'incomplete'>> {
  let db: SqliteDatabase;
  try {
    db = openDatabase(scratch, { synchronous: 'NORMAL' });
  } catch (error) {
    throw new BackupFailed(`${backup} cannot be brought up to this version: ${(error as Error).message}`);
  }
  const store = new SqliteDocumentStore(db);
  const broken: string[] = [];
  const incomplete: string[] = [];
  try {
    const ids = db
      .prepare(
        'SELECT id FROM meetings UNION SELECT doc_id FROM doc_snapshots UNION SELECT doc_id FROM doc_updates',
      )
      .pluck()
      .all() as string[];
    for (const id of ids) {
      const loaded = await loadDocument(store, id);
      if (loaded.problem) broken.push(`meeting ${id}: ${loaded.problem}`);
      else if (loaded.incomplete) incomplete.push(id);
    }
    const versions = db.prepare('SELECT id, meeting_id, snapshot FROM meeting_versions').all() as {
      id: number;
      meeting_id: string;
      snapshot: Buffer;
    }[];
    for (const version of versions) {
      try {
        Y.decodeSnapshot(version.snapshot);
      } catch (error) {
        broken.push(`meeting ${version.meeting_id}, version ${version.id}: ${(error as Error).message}`);
      }
    }
    const agreed = db
      .prepare('SELECT id, agreed_state FROM meetings WHERE agreed_state IS NOT NULL')
      .all() as {
      id: string;
      agreed_state: Buffer;
    }[];
    for (const meeting of agreed) {
      try {
        Y.decodeUpdate(meeting.agreed_state);
      } catch (error) {
        broken.push(`meeting ${meeting.id}, "as agreed": ${(error as Error).message}`);
      }
    }
    if (broken.length > 0) {
      throw new BackupFailed(
        `${backup}: ${broken.length} part(s) do not load:\n  ${broken.slice(0, NAMED).join('\n  ')}` +
          (broken.length > NAMED ? `\n  … and ${broken.length - NAMED} more` : ''),
      );
    }
    return { versions: versions.length, incomplete };
  } catch (error) {
    if (error instanceof BackupFailed) throw error;
    throw new BackupFailed(`${backup} is damaged: ${(error as Error).message}`);
  } finally {
    await store.close();
  }
}

/** Load a stored meeting document: why it does not load, or whether it waits for missing updates. */
async function loadDocument(
  store: SqliteDocumentStore,
  id: string,
): Promise<{ problem?: string; incomplete?: boolean }> {
  const doc = new Y.Doc({ gc: false });
  try {
    const stored = await store.load(id);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    for (const [i, update] of parts.entries()) {
      try {
        // Decoded completely first: applyUpdate may take part of a malformed update and drop the rest.
        Y.decodeUpdate(update);
        Y.applyUpdate(doc, update);
      } catch (error) {
        const which = stored.snapshot && i === 0 ? 'its snapshot' : `update ${i + (stored.snapshot ? 0 : 1)}`;
        return { problem: `${which} does not decode (${(error as Error).message})` };
      }
    }
    return { incomplete: doc.store.pendingStructs !== null || doc.store.pendingDs !== null };
  } finally {
    doc.destroy();
  }
}
