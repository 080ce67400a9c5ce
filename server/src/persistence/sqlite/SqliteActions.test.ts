/**
 * The SQLite runner of the metadata actions, on a real file with a second connection (the operator's
 * command line): an action runs whole, under the write lock from its first statement, and nothing else
 * on the server's connection runs inside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Action, changes, row, sql } from '../actions/sql.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { SqliteActions } from './SqliteActions.js';

const opened: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function twoConnections(): [SqliteDatabase, SqliteDatabase] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-actions-'));
  const server = openDatabase(dir, { synchronous: 'NORMAL' });
  const cli = openDatabase(dir, { synchronous: 'NORMAL' });
  opened.push(server, cli);
  return [server, cli];
}

const networks = (db: SqliteDatabase) =>
  (db.prepare('SELECT COUNT(*) AS n FROM networks').get() as { n: number }).n;

function* addNetwork(id: string): Action<void> {
  yield* changes(
    sql`INSERT INTO networks (id, centre_name, created_at) VALUES (${id}, 'Anna', '2030-03-01')`,
  );
}

describe('SQLite actions', () => {
  it('[SQ1] a write has committed all of its statements before it returns: nothing can interleave', async () => {
    const [server, cli] = twoConnections();
    const actions = new SqliteActions(server);
    const written = actions.write(
      (function* () {
        yield* addNetwork('n1');
        yield* addNetwork('n2');
      })(),
    );
    // Synchronously, before the promise is even awaited, another connection sees the commit.
    expect(networks(cli)).toBe(2);
    await written;
  });

  it('[SQ2] a write holds the write lock from its first statement, even one that only reads', async () => {
    const [server, cli] = twoConnections();
    cli.pragma('busy_timeout = 0');
    let refused: unknown;
    await new SqliteActions(server).write(
      (function* () {
        yield* row(sql`SELECT COUNT(*) AS n FROM networks`);
        try {
          cli.prepare("INSERT INTO networks (id, centre_name, created_at) VALUES ('x', 'B', '2030')").run();
        } catch (error) {
          refused = error;
        }
        yield* addNetwork('n1');
      })(),
    );
    expect(refused).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(networks(cli)).toBe(1);
  });

  it('[SQ3] a statement that fails takes the action’s earlier statements with it, and says why', async () => {
    const [server, cli] = twoConnections();
    const failing = new SqliteActions(server).write(
      (function* () {
        yield* addNetwork('n1');
        yield* addNetwork('n1');
      })(),
    );
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(networks(cli)).toBe(0);
    expect(server.inTransaction).toBe(false);
  });
});
