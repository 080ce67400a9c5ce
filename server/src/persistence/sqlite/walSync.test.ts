import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, openDatabase, type SqliteDatabase } from './database.js';
import { SqliteMetadataStore } from './SqliteMetadataStore.js';
import { walSyncOf } from './walSync.js';

const opened: { db: SqliteDatabase; dir: string }[] = [];

function open(synchronous: 'FULL' | 'NORMAL'): { db: SqliteDatabase; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-walsync-'));
  const entry = { db: openDatabase(dir, { synchronous }), dir };
  opened.push(entry);
  return entry;
}

/** Hold every fdatasync until released; records the inode of each file it was asked to sync. */
function holdSyncs(): { inodes: number[]; release(): void } {
  const held: (() => void)[] = [];
  const inodes: number[] = [];
  const real = fs.fdatasync;
  vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, callback: (error: Error | null) => void) => {
    inodes.push(fs.fstatSync(fd).ino);
    held.push(() => real(fd, callback));
  }) as typeof fs.fdatasync);
  return {
    inodes,
    release: () => {
      for (const go of held.splice(0)) go();
    },
  };
}

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

afterEach(() => {
  vi.restoreAllMocks();
  for (const { db, dir } of opened.splice(0)) {
    walSyncOf(db).close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('writes on a FULL connection', () => {
  it('[SQ6] are committed at once, and resolve only after the WAL file is synced off the event loop', async () => {
    const { db, dir } = open('FULL');
    const syncs = holdSyncs();
    db.exec('CREATE TABLE t (v INTEGER)');
    const write = walSyncOf(db).durably(() => db.prepare('INSERT INTO t VALUES (1)').run());
    // Committed: another connection to the file sees the row while the sync is still under way…
    const reader = new (db.constructor as new (file: string) => SqliteDatabase)(
      path.join(dir, DATABASE_FILE),
    );
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    reader.close();
    // …but the write is not reported done until the WAL file itself is on disk.
    expect(await settled(write)).toBe(false);
    expect(syncs.inodes).toEqual([fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).ino]);
    syncs.release();
    await write;
    // The connection is FULL again for anything else that writes on it.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('[SQ7] that fail are not synced, and leave the connection FULL', async () => {
    const { db } = open('FULL');
    const syncs = holdSyncs();
    await expect(
      walSyncOf(db).durably(() => db.prepare('INSERT INTO no_such_table VALUES (1)').run()),
    ).rejects.toThrow(/no such table/);
    expect(syncs.inodes).toEqual([]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('[SQ8] include what the metadata store writes (the activity log, attendance, sessions…)', async () => {
    const { db } = open('FULL');
    const store = new SqliteMetadataStore(db);
    await store.startNetwork({
      network: { id: 'n1', centreName: 'Anna', createdAt: '2026-11-22T08:00:00.000Z' },
      meeting: { id: 'm1', title: 'First meeting' },
      people: [],
    });
    const syncs = holdSyncs();
    const recording = store.recordActivity({
      networkId: 'n1',
      kind: 'meeting_started',
      meetingId: 'm1',
      at: '2026-11-22T08:01:00.000Z',
    });
    expect(await settled(recording)).toBe(false);
    expect(syncs.inodes).toHaveLength(1);
    syncs.release();
    await recording;
    expect((await store.listActivity('n1')).map((entry) => entry.kind)).toContain('meeting_started');
  });
});

it('[SQ9] writes on a NORMAL connection are not synced (a process crash is all that mode survives)', async () => {
  const { db } = open('NORMAL');
  const syncs = holdSyncs();
  db.exec('CREATE TABLE t (v INTEGER)');
  await walSyncOf(db).durably(() => db.prepare('INSERT INTO t VALUES (1)').run());
  expect(syncs.inodes).toEqual([]);
});
