/**
 * Two connections on one SQLite file, as a server and the operator's command line are: a write
 * transaction that reads first must not fail because the other committed meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase, writeTransaction } from './database.js';

describe('writeTransaction', () => {
  const opened: SqliteDatabase[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  function twoConnections(): [SqliteDatabase, SqliteDatabase] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-database-'));
    const first = openDatabase(dir, { synchronous: 'NORMAL' });
    const second = openDatabase(dir, { synchronous: 'NORMAL' });
    opened.push(first, second);
    first.exec('CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);');
    return [first, second];
  }

  const read = (db: SqliteDatabase) => (db.prepare('SELECT n FROM counter').get() as { n: number }).n;
  const bump = (db: SqliteDatabase) => db.prepare('UPDATE counter SET n = n + 1').run();

  it('[SQ4] a deferred transaction that reads, then writes after another commit, fails at once (why it exists)', () => {
    const [server, cli] = twoConnections();
    const deferred = cli.transaction(() => {
      read(cli);
      bump(server);
      bump(cli);
    });
    expect(() => deferred()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
  });

  it('[SQ5] holds the write lock from its start: the other connection cannot commit inside it, and nothing is lost', () => {
    const [server, cli] = twoConnections();
    server.pragma('busy_timeout = 0');
    let refused: unknown;
    const revoke = writeTransaction(cli, () => {
      const before = read(cli);
      try {
        bump(server);
      } catch (error) {
        refused = error;
      }
      bump(cli);
      return before;
    });
    expect(revoke()).toBe(0);
    expect(refused).toMatchObject({ code: 'SQLITE_BUSY' });
    // The other connection writes once the lock is free, on top of what was committed.
    bump(server);
    expect(read(cli)).toBe(2);
  });
});
