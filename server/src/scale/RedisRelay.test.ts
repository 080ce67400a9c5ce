/**
 * The relay's two rules, with a real Redis, real sockets and a real SQLite file, and one instance's commits
 * held open behind a gate: another instance's people see an update at once, before it is committed; but it
 * enters that instance's document — what it acknowledges as saved, and what it asks a joining client for —
 * only once committed. An instance that put uncommitted updates into its document, and whose origin then
 * died, acknowledged edits no store held (scaleOut.test.ts catches that only when a kill happens to fall in
 * the gap; here the gap is held open).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  type TestClient,
  waitFor,
  waitForSaved,
  waitForSync,
} from '../../../tests/integration/helpers/clients.js';
import {
  type RedisProcess,
  redisAvailable,
  startRedis,
} from '../../../tests/integration/helpers/redisProcess.js';
import { missingService } from '../../../tests/integration/helpers/services.js';
import { readStoredMeeting } from '../../../tests/integration/helpers/storedDocument.js';
import { createLogger } from '../logger.js';
import { openDatabase } from '../persistence/database.js';
import { SqliteDocumentStore } from '../persistence/sqlite.js';
import type { AppendEntry, DocumentStore } from '../persistence/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { openSyncServer, serveSync } from '../sync/testing.js';
import { RedisRelay } from './RedisRelay.js';

const ready = redisAvailable();
if (!ready) missingService('Redis relay', 'needs redis-server; run scripts/services.sh');

/** A real store whose commits wait until the test opens the gate. */
/** Every gate's opener: the teardown opens them all, or a failed test's held commit would hang stopping. */
const gates: (() => void)[] = [];

function gated(store: DocumentStore): { store: DocumentStore; open(): void } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  gates.push(open);
  return {
    store: {
      load: (docId) => store.load(docId),
      append: async (entries: readonly AppendEntry[]) => {
        await gate;
        return store.append(entries);
      },
      compact: (docId, fold) => store.compact(docId, fold),
      delete: (docId) => store.delete(docId),
      close: () => store.close(),
    },
    open,
  };
}

describe.skipIf(!ready)('Redis relay', () => {
  let redis: RedisProcess | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-relay-'));
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const open of gates) open();
    for (const stop of stops.reverse()) await stop();
    await redis?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** An instance with its own sockets (anyone may write), sharing Redis and the SQLite file. */
  async function instance(store: DocumentStore): Promise<{ sync: SyncServer; url: string }> {
    const sync = openSyncServer(store, { cacheUnloaded: false });
    const relay = new RedisRelay((redis as RedisProcess).url, sync, createLogger('silent'));
    sync.use(relay.hooks());
    const served = await serveSync(sync, async () => {
      await relay.close();
      await store.close();
    });
    stops.push(served.stop);
    return { sync, url: served.url };
  }

  const clients: TestClient[] = [];
  function client(url: string, meetingId: string, doc?: Y.Doc): TestClient {
    const connected = connectClient(url, meetingId, { ack: true, doc });
    clients.push(connected);
    return connected;
  }
  afterAll(() => {
    for (const connected of clients) connected.provider.destroy();
  });

  const text = (doc: Y.Doc) => doc.getText('notes').toString();

  /** Instance A, whose commits wait for the gate, and B, with a synced writer on A and reader on B. */
  async function writerOnAReaderOnB(meetingId: string) {
    redis ??= await startRedis();
    const a = gated(new SqliteDocumentStore(openDatabase(dir)));
    const instanceA = await instance(a.store);
    const instanceB = await instance(new SqliteDocumentStore(openDatabase(dir)));
    const writer = client(instanceA.url, meetingId);
    const reader = client(instanceB.url, meetingId);
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    return { a, instanceB, writer, reader };
  }

  it('[SD5] shows an update to another instance’s people at once, and puts it in that instance’s document only once committed', async () => {
    const { a, instanceB, writer, reader } = await writerOnAReaderOnB('meeting');

    writer.doc.getText('notes').insert(0, 'agreed');
    // Uncommitted (A's store is holding the commit), yet the person on B sees it…
    await waitFor(() => text(reader.doc) === 'agreed', 'the reader on B to see the edit');
    // …and so does someone who joins B now…
    const joiner = client(instanceB.url, 'meeting');
    await waitForSync(joiner);
    await waitFor(() => text(joiner.doc) === 'agreed', 'the joiner on B to see the edit');
    // …but B's document, what B acknowledges as saved, does not have it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(text(await instanceB.sync.readDocument('meeting'))).toBe('');
    expect(writer.acked()).toBeLessThan(writer.sent());

    a.open();
    await waitForSaved(writer);
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && text(await instanceB.sync.readDocument('meeting')) !== 'agreed') {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(text(await instanceB.sync.readDocument('meeting'))).toBe('agreed');
    // And what B holds is what the store holds.
    expect(text((await readStoredMeeting(dir, 'meeting')).doc)).toBe('agreed');
  });

  it('[SD5] when an instance dies before its commit, a client that moves to another is asked for its edit again', async () => {
    const { a, instanceB, writer, reader } = await writerOnAReaderOnB('meeting-2');

    writer.doc.getText('notes').insert(0, 'never committed by A');
    await waitFor(() => text(reader.doc) === 'never committed by A', 'the reader on B to see the edit');
    // A never commits it (its store holds the commit for good): as if A died. The writer, never told it
    // was saved, reconnects — to B.
    expect(writer.acked()).toBeLessThan(writer.sent());
    writer.provider.destroy();
    const moved = client(instanceB.url, 'meeting-2', writer.doc);
    await waitForSaved(moved);
    // B acknowledged it only after storing it: the store holds it, and B's "saved" covers it.
    expect(text((await readStoredMeeting(dir, 'meeting-2')).doc)).toBe('never committed by A');
    expect(moved.savedStateVector().get(writer.doc.clientID)).toBe(
      Y.getState(writer.doc.store, writer.doc.clientID),
    );
    a.open();
  });
});
