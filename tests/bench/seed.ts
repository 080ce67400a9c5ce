/**
 * What each server finds on disk before a scenario: for Polyphony, meetings and a member session seeded
 * straight into its SQLite file (every socket needs the session of a member); for the cold-load scenario,
 * a meeting whose history is N keystroke updates, stored the way each server would have stored it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hashToken, newId, newToken } from '@polyphony/server/auth/tokens';
import { AccessRepository } from '@polyphony/server/persistence/access';
import { openDatabase, type SqliteDatabase } from '@polyphony/server/persistence/database';
import { NetworkRepository } from '@polyphony/server/persistence/networks';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { ServerKind } from './servers.js';

/** Meetings to open and the session cookie that may open them all (empty for the reference servers). */
export interface SeededMeetings {
  meetingIds: string[];
  cookie?: string;
  /** Who the cookie's session is: the typist of what the load writes. */
  typist?: { id: string; name: string };
}

/**
 * A network in a bench database with one professional, and a browser session that is theirs: its cookie
 * opens every meeting of the network. Written with the server's own repositories, as joining a personal
 * link would leave them.
 */
export function seedMember(
  db: SqliteDatabase,
  centreName: string,
  personName = 'Bench',
): { networkId: string; participantId: string; cookie: string; addMeeting(title: string): string } {
  const at = new Date().toISOString();
  const networks = new NetworkRepository(db);
  const access = new AccessRepository(db);
  const network = networks.createNetwork(centreName, at);
  const person = networks.addParticipant(
    network.id,
    { name: personName, relation: '', role: 'professional' },
    at,
  );
  const record = {
    id: newId(),
    networkId: network.id,
    participantId: person.id,
    createdAt: at,
    expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    revokedAt: null,
  };
  access.insertInvitation({ record, tokenHash: hashToken(newToken()) });
  const session = newToken();
  access.insertSession(hashToken(session), at);
  access.addMember(hashToken(session), record);
  return {
    networkId: network.id,
    participantId: person.id,
    cookie: `polyphony_session=${session}`,
    addMeeting: (title) => networks.createMeeting(network.id, title, at).id,
  };
}

/** Seed one network with `count` meetings and one member session; the database is left in dataDir. */
export function seedPolyphonyMeetings(dataDir: string, count: number): SeededMeetings {
  const db = openDatabase(dataDir, { synchronous: 'NORMAL' });
  const member = seedMember(db, 'Bench');
  const meetingIds = db.transaction(() =>
    Array.from({ length: count }, (_, i) => member.addMeeting(`Meeting ${i}`)),
  )();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { meetingIds, cookie: member.cookie, typist: { id: member.participantId, name: 'Bench' } };
}

/** Meeting names for a reference server, which takes any room name. */
export function referenceMeetings(count: number, prefix: string): SeededMeetings {
  return { meetingIds: Array.from({ length: count }, (_, i) => `${prefix}-${i}`) };
}

/**
 * Store a meeting with this history as the server would have stored it while the history was typed:
 *  - Polyphony: one snapshot — it compacts every COMPACT_EVERY updates and whenever a meeting is unloaded
 *    (idle) or the server stops, so a meeting nobody has open is a snapshot (a tail of up to
 *    COMPACT_EVERY updates remains only after a crash; `tail` seeds one to measure that case);
 *  - y-websocket + LevelDB: every update in the log (y-leveldb trims only when a document is loaded);
 *  - Hocuspocus + SQLite: the whole document state in one row (it stores merged state, not a log).
 */
export async function seedHistory(
  kind: ServerKind,
  dataDir: string,
  histories: Uint8Array[][],
  tail = 0,
): Promise<SeededMeetings> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (kind === 'polyphony') {
    const seeded = seedPolyphonyMeetings(dataDir, histories.length);
    const db = openDatabase(dataDir, { synchronous: 'NORMAL' });
    const store = new SqliteDocumentStore(db);
    for (const [m, history] of histories.entries()) {
      const meetingId = seeded.meetingIds[m] as string;
      const head = history.slice(0, history.length - tail);
      if (head.length > 0) {
        const doc = new Y.Doc({ gc: false });
        doc.transact(() => {
          for (const update of head) Y.applyUpdate(doc, update);
        });
        const snapshot = Y.encodeStateAsUpdate(doc);
        // Its state vector too, as the server's compaction stores it beside the snapshot.
        const stateVector = Y.encodeStateVector(doc);
        await store.append([{ docId: meetingId, updates: [snapshot] }]);
        // The log is that one update: it is the snapshot.
        await store.compact(meetingId, () => ({ snapshot, stateVector }));
      }
      const rest = history.slice(head.length);
      for (let i = 0; i < rest.length; i += 1000) {
        await store.append([{ docId: meetingId, updates: rest.slice(i, i + 1000) }]);
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    return seeded;
  }
  const meetingIds = histories.map((_, m) => `cold-load-${m}`);
  if (kind === 'y-websocket' || kind === 'y-websocket-server') {
    // y-leveldb belongs to the reference servers' package (references/), imported through it at run time
    // (its typings do not resolve under its package exports anyway).
    const moduleUrl = new URL('./references/leveldb.mjs', import.meta.url).href;
    const { LeveldbPersistence } = (await import(moduleUrl)) as {
      LeveldbPersistence: new (
        location: string,
      ) => {
        _transact<T>(f: (db: LevelBatch) => Promise<T>): Promise<T>;
        destroy(): Promise<void>;
      };
    };
    const persistence = new LeveldbPersistence(path.join(dataDir, 'leveldb'));
    for (const [m, history] of histories.entries()) {
      // The keys y-leveldb writes for a document's updates: ['v1', name, 'update', clock].
      for (let i = 0; i < history.length; i += 5000) {
        await persistence._transact((db) =>
          db.batch(
            history.slice(i, i + 5000).map((update, j) => ({
              type: 'put' as const,
              key: ['v1', meetingIds[m] as string, 'update', i + j],
              value: Buffer.from(update),
            })),
          ),
        );
      }
    }
    await persistence.destroy();
    return { meetingIds };
  }
  const db = new Database(path.join(dataDir, 'hocuspocus.sqlite'));
  db.exec(
    `CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))`,
  );
  for (const [m, history] of histories.entries()) {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of history) Y.applyUpdate(doc, update);
    });
    db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(
      meetingIds[m],
      Buffer.from(Y.encodeStateAsUpdate(doc)),
    );
  }
  db.close();
  return { meetingIds };
}

interface LevelBatch {
  batch(operations: { type: 'put'; key: unknown[]; value: Buffer }[]): Promise<void>;
}

/**
 * Meetings made through Polyphony's own HTTP API, for a server whose store is not a local SQLite file
 * (PostgreSQL): a professional starts a network (POST /api/networks, which returns the session cookie
 * bound to them) and then starts meetings in it (POST /api/networks/:id/meetings), each of which the
 * server seeds with its document. Meetings are made as they are needed, a few requests at a time.
 */
export class HttpMeetingSeeder {
  private constructor(
    private readonly httpUrl: string,
    readonly cookie: string,
    /** Who the cookie's session is. */
    readonly typist: { id: string; name: string },
    private readonly networkId: string,
    /** Made but not handed out yet (the network's first meeting). */
    private readonly spare: string[],
  ) {}

  static async start(httpUrl: string): Promise<HttpMeetingSeeder> {
    const response = await fetch(`${httpUrl}/api/networks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        centreName: 'Bench',
        meetingTitle: 'Meeting 0',
        me: { name: 'Bench', relation: '', role: 'professional' },
        people: [],
      }),
    });
    if (response.status !== 201)
      throw new Error(`starting a network: ${response.status} ${await response.text()}`);
    const session = /polyphony_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (!session) throw new Error('starting a network: no polyphony_session cookie');
    const started = (await response.json()) as {
      network: { id: string };
      meeting: { id: string };
      me: { id: string; name: string };
    };
    return new HttpMeetingSeeder(
      httpUrl,
      `polyphony_session=${session}`,
      { id: started.me.id, name: started.me.name },
      started.network.id,
      [started.meeting.id],
    );
  }

  /** Start `count` more meetings, `parallel` requests at a time; their ids in order. */
  async add(count: number, parallel = 6): Promise<string[]> {
    const ids = this.spare.splice(0, count);
    const missing = count - ids.length;
    const made: string[] = new Array(missing);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < missing) {
        const i = next++;
        const response = await fetch(`${this.httpUrl}/api/networks/${this.networkId}/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: this.cookie },
          body: JSON.stringify({ title: `Meeting ${i}` }),
        });
        if (response.status !== 201)
          throw new Error(`starting a meeting: ${response.status} ${await response.text()}`);
        made[i] = ((await response.json()) as { id: string }).id;
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, missing) }, worker));
    return [...ids, ...made];
  }
}
