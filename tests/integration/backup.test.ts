/**
 * Backups, as an operator makes them: `polyphony backup` while ten people type, `restore` into a new data
 * folder, a server started on it — and every update acknowledged as saved before the backup began is
 * there, and the people's sessions still work. `verify` says so, with a non-zero exit, when a backup's
 * bytes were flipped (with and without its checksum file) or a meeting document in it does not load;
 * `restore` refuses a damaged backup, a newer one, and a data folder a running server uses.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SCHEMA_VERSION } from '@polyphony/server/persistence/database';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitFor, waitForSync } from './helpers/clients.js';
import {
  type ServerProcess,
  type StartedNetwork,
  startNetwork,
  startServerProcess,
  tempDataDir,
} from './helpers/serverProcess.js';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const run = promisify(execFile);

/** Run the operator command against a data folder; resolves with its exit code and output. */
async function polyphony(dataDir: string, ...args: string[]) {
  return polyphonyWith({ DATA_DIR: dataDir }, ...args);
}

async function polyphonyWith(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A typist: a client that appends numbered tokens and knows which of them the server has acknowledged. */
interface Typist {
  client: TestClient;
  /** Token → the count of update-carrying messages sent once it was sent. */
  sentAt: Map<string, number>;
  typed: string[];
}

function acknowledged(typist: Typist): string[] {
  const acked = typist.client.acked();
  return typist.typed.filter((token) => (typist.sentAt.get(token) ?? Number.POSITIVE_INFINITY) <= acked);
}

describe('backup, restore, verify', () => {
  let server: ServerProcess;
  let network: StartedNetwork;
  const work = tempDataDir('polyphony-backups');
  const backup = path.join(work, 'nightly.sqlite');

  beforeAll(async () => {
    server = await startServerProcess();
    network = await startNetwork(server.url, {
      people: [{ name: 'Eeva', relation: 'mother', role: 'network_member' }],
    });
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up while ten people type; restored into a new data folder, everything acknowledged before is there', async () => {
    const typists: Typist[] = [];
    for (let i = 0; i < 10; i++) {
      const client = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie, ack: true });
      typists.push({ client, sentAt: new Map(), typed: [] });
    }
    await Promise.all(typists.map(({ client }) => waitForSync(client)));
    let typing = true;
    const typed = Promise.all(
      typists.map(async (typist, i) => {
        const text = typist.client.doc.getText('notes');
        for (let n = 0; typing; n++) {
          const token = `[${i}:${n}]`;
          text.insert(text.length, token);
          // The stock provider sends the update while insert returns: this count includes it.
          typist.sentAt.set(token, typist.client.sent());
          typist.typed.push(token);
          await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
        }
      }),
    );
    await waitFor(
      () => typists.every((typist) => acknowledged(typist).length >= 10),
      'some saved typing',
      10_000,
    );

    // What each person had been told was saved when the backup began.
    const before = typists.map(acknowledged);
    const made = await polyphony(server.dataDir, 'backup', backup, '--json');
    const ackedDuring = typists.reduce(
      (sum, typist, i) => sum + acknowledged(typist).length - before[i]!.length,
      0,
    );
    typing = false;
    await typed;
    for (const { client } of typists) client.destroy();
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const summary = JSON.parse(made.stdout) as {
      networks: number;
      meetings: number;
      bytes: number;
      sha256: string;
    };
    expect(summary).toMatchObject({ networks: 1, meetings: 1 });
    expect(fs.readFileSync(`${backup}.sha256`, 'utf8')).toBe(`${summary.sha256}  nightly.sqlite\n`);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    // The typing went on, and was saved, while the backup was made.
    expect(ackedDuring).toBeGreaterThan(0);

    const verified = await polyphony(server.dataDir, 'verify', backup);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/is sound/);
    expect(verified.stdout).toMatch(/SHA-256 matches/);

    // A new machine: an empty data folder.
    const fresh = path.join(work, 'new-machine');
    const restored = await polyphony(fresh, 'restore', backup);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const again = await startServerProcess({ dataDir: fresh });
    try {
      // The session of the person who started the network came along: the same cookie opens the meeting.
      const reader = connectClient(again.wsUrl, network.meetingId, { cookie: network.cookie });
      await waitForSync(reader);
      const text = reader.doc.getText('notes').toString();
      reader.destroy();
      const lost = before.flat().filter((token) => !text.includes(token));
      expect(lost, 'acknowledged before the backup began, missing after the restore').toEqual([]);
      expect(before.flat().length).toBeGreaterThanOrEqual(100);
    } finally {
      await again.stop();
    }
  });

  it('verify says a backup whose bytes were flipped is damaged, with its checksum file and without', async () => {
    // One byte in the middle: only the checksum can tell.
    const flipped = path.join(work, 'flipped.sqlite');
    fs.copyFileSync(backup, flipped);
    fs.copyFileSync(`${backup}.sha256`, `${flipped}.sha256`);
    flipBytes(flipped, [Math.floor(fs.statSync(flipped).size / 2)]);
    const caught = await polyphony(server.dataDir, 'verify', flipped);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toMatch(/is not the file that was backed up: its SHA-256 is/);

    // No checksum file: the page headers flipped, SQLite's own check tells.
    const pages = path.join(work, 'pages.sqlite');
    fs.copyFileSync(backup, pages);
    const pageSize = fs.readFileSync(pages).readUInt16BE(16);
    const count = fs.statSync(pages).size / pageSize;
    flipBytes(
      pages,
      Array.from({ length: count - 1 }, (_, i) => (i + 1) * pageSize),
    );
    const damaged = await polyphony(server.dataDir, 'verify', pages);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/is damaged/);
    expect(damaged.stdout).toBe('');

    // Not a database at all.
    const garbage = path.join(work, 'garbage.sqlite');
    fs.writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    const notDatabase = await polyphony(server.dataDir, 'verify', garbage);
    expect(notDatabase.code).toBe(1);
    expect(notDatabase.stderr).toMatch(/damaged|does not open/);
  });

  it('verify names the meeting whose document does not load, even when SQLite finds nothing wrong', async () => {
    const broken = path.join(work, 'broken-document.sqlite');
    fs.copyFileSync(backup, broken);
    const db = new Database(broken);
    // An update cut in half: the file is sound, the meeting is not.
    const row = db.prepare('SELECT seq, data FROM doc_updates ORDER BY length(data) DESC LIMIT 1').get() as
      | { seq: number; data: Buffer }
      | undefined;
    if (row) {
      db.prepare('UPDATE doc_updates SET data = ? WHERE seq = ?').run(
        row.data.subarray(0, row.data.length >> 1),
        row.seq,
      );
    } else {
      const snapshot = db.prepare('SELECT doc_id, data FROM doc_snapshots').get() as {
        doc_id: string;
        data: Buffer;
      };
      db.prepare('UPDATE doc_snapshots SET data = ? WHERE doc_id = ?').run(
        snapshot.data.subarray(0, snapshot.data.length >> 1),
        snapshot.doc_id,
      );
    }
    db.close();
    const result = await polyphony(server.dataDir, 'verify', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`meeting ${network.meetingId}:`);
    expect(result.stderr).toMatch(/does not decode/);
  });

  it('restore refuses a damaged backup, a newer one, and a data folder a running server uses', async () => {
    const target = tempDataDir('polyphony-restore-target');
    const damaged = path.join(work, 'flipped.sqlite');
    const refused = await polyphony(target, 'restore', damaged);
    expect(refused.code).toBe(1);
    expect(fs.existsSync(path.join(target, 'polyphony.sqlite'))).toBe(false);

    const newer = path.join(work, 'newer.sqlite');
    fs.copyFileSync(backup, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const tooNew = await polyphony(target, 'restore', newer);
    expect(tooNew.code).toBe(2);
    expect(tooNew.stderr).toMatch(/from a newer Polyphony/);

    // The server is running on its data folder: its file is not replaced under it.
    const fileBefore = fs.readFileSync(path.join(server.dataDir, 'polyphony.sqlite'));
    const inUse = await polyphony(server.dataDir, 'restore', backup);
    expect(inUse.code).toBe(2);
    expect(inUse.stderr).toMatch(/is in use: stop the Polyphony server/);
    expect(fs.readdirSync(server.dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
    expect(fs.readFileSync(path.join(server.dataDir, 'polyphony.sqlite')).length).toBe(fileBefore.length);
    fs.rmSync(target, { recursive: true, force: true });
  });

  it('with PostgreSQL (DATABASE_URL), backup and restore say to use pg_dump and do nothing', async () => {
    const env = { DATA_DIR: server.dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const command of ['backup', 'restore']) {
      const result = await polyphonyWith(env, command, path.join(work, `${command}-pg.sqlite`));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/pg_dump/);
    }
    expect(fs.existsSync(path.join(work, 'backup-pg.sqlite'))).toBe(false);
  });

  it('restore onto a stopped server keeps the file that was there, whole, beside the restored one', async () => {
    const dataDir = tempDataDir('polyphony-restore-over');
    const other = await startServerProcess({ dataDir });
    const mine = await startNetwork(other.url, { centreName: 'Ben' });
    await other.stop();
    const result = await polyphony(dataDir, 'restore', backup, '--json');
    expect(result.code).toBe(0);
    const { keptAside } = JSON.parse(result.stdout) as { keptAside: string };
    expect(path.dirname(keptAside)).toBe(dataDir);
    // The file kept aside is a whole database on its own (its WAL folded in): Ben's network is in it.
    const aside = new Database(keptAside, { readonly: true });
    expect(aside.prepare('SELECT id FROM networks').pluck().all()).toEqual([mine.networkId]);
    aside.close();
    const restored = new Database(path.join(dataDir, 'polyphony.sqlite'), { readonly: true });
    expect(restored.prepare('SELECT id FROM networks').pluck().all()).toEqual([network.networkId]);
    restored.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

/** Invert the bytes at these offsets of a file. */
function flipBytes(file: string, offsets: number[]): void {
  const bytes = fs.readFileSync(file);
  for (const offset of offsets) bytes[offset] = (bytes[offset] as number) ^ 0xff;
  fs.writeFileSync(file, bytes);
}
