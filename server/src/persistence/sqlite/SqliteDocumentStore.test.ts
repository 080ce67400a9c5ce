import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { documentStoreContract } from '../contract.js';
import { DATABASE_FILE, openDatabase } from './database.js';
import { SqliteDocumentStore } from './SqliteDocumentStore.js';

/**
 * Take the file in `dir` back to schema 2, before doc_snapshots.state_vector (migration 3) existed, and
 * compact a document there with the statements of that time.
 */
/** Compact as a server from before state vectors were kept: the vector column, if any, untouched. */
function compactAsOlderServer(
  db: Database.Database,
  docId: string,
  snapshot: Uint8Array,
  throughSeq: number,
): void {
  db.prepare(
    `INSERT INTO doc_snapshots (doc_id, data, through_seq, compacted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
       compacted_at = excluded.compacted_at`,
  ).run(docId, snapshot, throughSeq, new Date().toISOString());
  db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, throughSeq);
}

/** Run `change` on the store's file with a connection of its own. */
function onFile(dir: string, change: (db: Database.Database) => void): void {
  const db = new Database(path.join(dir, DATABASE_FILE));
  try {
    change(db);
  } finally {
    db.close();
  }
}

function harnessHooks(dir: string) {
  return {
    compactBeforeStateVectors: async (docId: string, snapshot: Uint8Array, throughSeq: number) =>
      onFile(dir, (db) => {
        // The file as schema 2 left it: without the columns and tables of later steps.
        db.exec(`DROP TABLE join_requests;
                 DROP TABLE admission_codes;
                 DROP TABLE link_requests;
                 DROP TABLE staff_sessions;
                 DROP TABLE staff_links;
                 DROP TABLE team_departures;
                 DROP TABLE team_invitations;
                 DROP TABLE team_members;
                 DROP TABLE staff;
                 DROP TABLE teams;
                 ALTER TABLE networks DROP COLUMN team_id;
                 ALTER TABLE participants DROP COLUMN staff_id;
                 ALTER TABLE doc_snapshots DROP COLUMN state_vector;
                 ALTER TABLE meeting_versions DROP COLUMN restoring;
                 ALTER TABLE activity DROP COLUMN version_id;
                 DROP TABLE document_rewrites;
                 DROP TABLE erasures;
                 ALTER TABLE sessions DROP COLUMN active_at;`);
        db.pragma('user_version = 2');
        compactAsOlderServer(db, docId, snapshot, throughSeq);
      }),
    compactAsOlderServer: async (docId: string, snapshot: Uint8Array, throughSeq: number) =>
      onFile(dir, (db) => compactAsOlderServer(db, docId, snapshot, throughSeq)),
  };
}

documentStoreContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-store-'));
  return {
    open: async () => new SqliteDocumentStore(openDatabase(dir)),
    ...harnessHooks(dir),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

documentStoreContract('SQLite, checkpoints on a worker thread (as the server runs it)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-store-'));
  return {
    open: async () => new SqliteDocumentStore(openDatabase(dir), { backgroundCheckpoints: true }),
    ...harnessHooks(dir),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('background checkpoints', () => {
  it('[SQ10] move what the WAL holds into the database file without the writer checkpointing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-checkpoint-'));
    const db = openDatabase(dir);
    const store = new SqliteDocumentStore(db, { backgroundCheckpoints: true });
    // The writer's own automatic checkpoints are off…
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const file = path.join(dir, DATABASE_FILE);
    const before = fs.statSync(file).size;
    const update = new Uint8Array(2000).fill(7);
    for (let i = 0; i < 200; i++) await store.append([{ docId: 'meeting', updates: [update] }]);
    // …so the 400 KB written are in the WAL until the worker copies them (it looks every second).
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size < before + 300_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(fs.statSync(file).size).toBeGreaterThan(before + 300_000);
    await store.close();
    // Everything is there when the file is opened again.
    const reopened = new SqliteDocumentStore(openDatabase(dir));
    expect((await reopened.load('meeting')).updates).toHaveLength(200);
    await reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite database', () => {
  it('[SQ11] is one file in DATA_DIR, in WAL mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-db-'));
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
