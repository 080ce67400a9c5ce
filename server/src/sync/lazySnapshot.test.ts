/**
 * Opening a meeting stored as one snapshot decodes nothing when the store kept the snapshot's state
 * vector beside it: a joiner is answered with the stored bytes and greeted with the stored state vector.
 * Real sockets and a real SyncServer; yjs is wrapped (for the server's modules) to count what decodes a
 * whole snapshot: Y.encodeStateVectorFromUpdate, and Y.applyUpdate (building the document).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageType, SyncMessageType } from '@polyphony/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, waitForSync } from '../../../tests/integration/helpers/clients.js';
import { openRawSocket } from '../../../tests/integration/helpers/rawSocket.js';
import { openDatabase } from '../persistence/database.js';
import { SqliteDocumentStore } from '../persistence/sqlite.js';
import type { DocumentStore, StoredDocument } from '../persistence/types.js';
import type { SyncServer } from './SyncServer.js';
import { bringsNothingNew, deleteSetTriples, SnapshotDeletes } from './snapshotDeletes.js';
import { openSyncServer, serveSync } from './testing.js';

const calls = vi.hoisted(() => ({ encodeStateVectorFromUpdate: 0, applyUpdate: 0 }));
vi.mock('yjs', async (importOriginal) => {
  const original = await importOriginal<typeof import('yjs')>();
  return {
    ...original,
    encodeStateVectorFromUpdate: (...args: Parameters<typeof original.encodeStateVectorFromUpdate>) => {
      calls.encodeStateVectorFromUpdate++;
      return original.encodeStateVectorFromUpdate(...args);
    },
    applyUpdate: (...args: Parameters<typeof original.applyUpdate>) => {
      calls.applyUpdate++;
      return original.applyUpdate(...args);
    },
  };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-lazy-'));
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A sync server on a free port; stopped after the test. */
async function listen(store: DocumentStore): Promise<string> {
  const served = await serveSync(openSyncServer(store), () => store.close());
  stops.push(served.stop);
  return served.url;
}

/** A store that holds one document as given, and changes nothing. */
function fixedStore(stored: StoredDocument): DocumentStore {
  return {
    load: async () => stored,
    append: async () => new Map(),
    compact: async () => null,
    delete: async () => undefined,
    close: async () => undefined,
  };
}

/** A text typed in `count` keystrokes, each one update, as a client sends them. */
function typed(count: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (let i = 0; i < count; i++) doc.getText('notes').insert(i, String.fromCharCode(97 + (i % 26)));
  return doc;
}

/**
 * Join with a bare socket that holds nothing, as a new client does (sync step 1, empty state vector), and
 * return the document it is sent (step 2) and the state vector the server greets it with (step 1).
 */
async function join(url: string, meetingId: string): Promise<{ step2: Uint8Array; step1: Uint8Array }> {
  const raw = await openRawSocket(`${url}/${meetingId}`);
  const request = encoding.createEncoder();
  encoding.writeVarUint(request, MessageType.sync);
  encoding.writeVarUint(request, SyncMessageType.step1);
  encoding.writeVarUint8Array(request, new Uint8Array([0]));
  raw.socket.send(encoding.toUint8Array(request));
  const sync: Partial<Record<'step1' | 'step2', Uint8Array>> = {};
  await waitFor(() => {
    for (const message of raw.messages.splice(0)) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
      const type = decoding.readVarUint(decoder);
      if (type === SyncMessageType.step1) sync.step1 = decoding.readVarUint8Array(decoder);
      if (type === SyncMessageType.step2) sync.step2 = decoding.readVarUint8Array(decoder);
    }
    return sync.step1 !== undefined && sync.step2 !== undefined;
  }, 'the server to answer and greet');
  raw.socket.close();
  await raw.closed;
  return sync as { step1: Uint8Array; step2: Uint8Array };
}

describe('a meeting opened from its snapshot', () => {
  beforeEach(() => {
    calls.encodeStateVectorFromUpdate = 0;
    calls.applyUpdate = 0;
  });

  it('[SY16] greets a joiner with the state vector stored beside the snapshot, decoding nothing, and a joiner syncs fully', async () => {
    // A server writes a meeting and compacts it as it stops.
    const meetingId = 'kept-vector';
    const writerStore = new SqliteDocumentStore(openDatabase(dir));
    const written = openSyncServer(writerStore);
    await written.changeDocument(meetingId, (doc) =>
      doc.getText('notes').insert(0, 'The nights are hardest.'),
    );
    await written.changeDocument(meetingId, (doc) => doc.getText('notes').insert(0, 'Friday, then. '));
    await written.close();
    await writerStore.close();

    // The store holds one snapshot, and beside it the state vector of exactly that snapshot.
    const reader = new SqliteDocumentStore(openDatabase(dir));
    const stored = await reader.load(meetingId);
    await reader.close();
    expect(stored.updates).toEqual([]);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.snapshotStateVector).not.toBeNull();
    const snapshot = stored.snapshot as Uint8Array;
    const storedVector = stored.snapshotStateVector as Uint8Array;
    expect(Y.decodeStateVector(storedVector)).toEqual(
      Y.decodeStateVector(Y.encodeStateVectorFromUpdate(snapshot)),
    );

    const url = await listen(new SqliteDocumentStore(openDatabase(dir)));
    calls.encodeStateVectorFromUpdate = 0;
    calls.applyUpdate = 0;
    const { step1, step2 } = await join(url, meetingId);
    // Answered with the stored bytes and greeted with the stored vector, byte for byte…
    expect(step2).toEqual(snapshot);
    expect(step1).toEqual(storedVector);
    // …and the server decoded nothing for it: no state vector from the snapshot, no document built.
    expect(calls.encodeStateVectorFromUpdate).toBe(0);
    expect(calls.applyUpdate).toBe(0);

    // A stock client opening the meeting gets all of it.
    const client = connectClient(url, meetingId);
    try {
      await waitForSync(client);
      await waitFor(
        () => client.doc.getText('notes').toString() === 'Friday, then. The nights are hardest.',
        'the client to hold the meeting',
      );
    } finally {
      client.destroy();
    }
  });

  it('[SY16] greets with the stored state vector as it is, not one computed again from the snapshot', async () => {
    // A valid state vector that is deliberately not the snapshot's (an earlier state of it): the greeting
    // carries it only if the server took it from the store rather than from the snapshot.
    const doc = typed(40);
    const snapshot = Y.encodeStateAsUpdate(doc);
    const earlier = Y.encodeStateVector(typed(10));
    expect(earlier).not.toEqual(Y.encodeStateVectorFromUpdate(snapshot));
    const url = await listen(
      fixedStore({
        snapshot,
        snapshotStateVector: earlier,
        snapshotId: '1:1',
        updates: [],
        lastSeq: 1,
        bytes: snapshot.length,
      }),
    );
    calls.encodeStateVectorFromUpdate = 0;
    const { step1, step2 } = await join(url, 'other-vector');
    expect(step2).toEqual(snapshot);
    expect(step1).toEqual(earlier);
    expect(calls.encodeStateVectorFromUpdate).toBe(0);
  });

  it('[SY16] computes the state vector from a snapshot stored without one (before the stores kept it)', async () => {
    const doc = typed(40);
    const snapshot = Y.encodeStateAsUpdate(doc);
    const url = await listen(
      fixedStore({
        snapshot,
        snapshotStateVector: null,
        snapshotId: '1:1',
        updates: [],
        lastSeq: 1,
        bytes: snapshot.length,
      }),
    );
    calls.encodeStateVectorFromUpdate = 0;
    const { step1, step2 } = await join(url, 'no-vector');
    expect(step2).toEqual(snapshot);
    expect(Y.decodeStateVector(step1)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    // The count the tests above find at 0 does see the server decode a snapshot for its state vector.
    expect(calls.encodeStateVectorFromUpdate).toBe(1);

    const client = connectClient(url, 'no-vector');
    try {
      await waitForSync(client);
      await waitFor(
        () => client.doc.getText('notes').toString() === doc.getText('notes').toString(),
        'the client to hold the meeting',
      );
    } finally {
      client.destroy();
    }
  });
});

/** The room of a meeting in an in-process sync server, to see whether its document was built. */
function roomOf(sync: SyncServer, meetingId: string): { built: Y.Doc | null } | undefined {
  const rooms = (sync as unknown as { rooms: Map<string, { document: { decoded: Y.Doc | null } }> }).rooms;
  const room = rooms.get(meetingId);
  return room && { built: room.document.decoded };
}

describe('a returning client of a meeting opened from its snapshot', () => {
  /** A meeting written and compacted by one server, with text deleted in it (a delete set). */
  async function storedMeeting(meetingId: string): Promise<Uint8Array> {
    const store = new SqliteDocumentStore(openDatabase(dir));
    const written = openSyncServer(store);
    await written.changeDocument(meetingId, (doc) => doc.getText('notes').insert(0, 'Friday, maybe Monday.'));
    await written.changeDocument(meetingId, (doc) => doc.getText('notes').delete(6, 14));
    await written.close();
    const stored = await store.load(meetingId);
    await store.close();
    expect(stored.updates).toEqual([]);
    return stored.snapshot as Uint8Array;
  }

  /** A sync server on the same file; the server itself, to look into its room. */
  async function serve(): Promise<{ url: string; sync: SyncServer }> {
    const store = new SqliteDocumentStore(openDatabase(dir));
    const sync = openSyncServer(store);
    const served = await serveSync(sync, () => store.close());
    stops.push(served.stop);
    return { url: served.url, sync };
  }

  it('[SY7] bringing nothing new, is acknowledged without the document being decoded', async () => {
    const snapshot = await storedMeeting('returning-nothing-new');
    const { url, sync } = await serve();
    // The browser's copy is the meeting as it was stored: its SyncStep2 is the whole delete set.
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, snapshot);
    const client = connectClient(url, 'returning-nothing-new', { doc: copy, ack: true });
    try {
      await waitForSync(client);
      await waitFor(() => client.sent() > 0 && client.acked() === client.sent(), 'its answer acknowledged');
      expect(client.doc.getText('notes').toString()).toBe('Friday.');
      expect(roomOf(sync, 'returning-nothing-new')?.built).toBeNull();
    } finally {
      client.destroy();
    }
  });

  it('[SY8] whose copy deleted text while away: the deletion is checked, stored and shown to others', async () => {
    const snapshot = await storedMeeting('returning-deleted');
    const { url, sync } = await serve();
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, snapshot);
    // Deleted on the train, before the connection came back.
    copy.getText('notes').delete(0, 2);
    const client = connectClient(url, 'returning-deleted', { doc: copy, ack: true });
    const other = connectClient(url, 'returning-deleted');
    try {
      await Promise.all([waitForSync(client), waitForSync(other)]);
      await waitFor(() => client.sent() > 0 && client.acked() === client.sent(), 'its answer acknowledged');
      await waitFor(() => other.doc.getText('notes').toString() === 'iday.', 'the other to see the deletion');
      expect(roomOf(sync, 'returning-deleted')?.built).not.toBeNull();
    } finally {
      client.destroy();
      other.destroy();
    }
    // And it is stored.
    const store = new SqliteDocumentStore(openDatabase(dir));
    const stored = await store.load('returning-deleted');
    await store.close();
    const reread = new Y.Doc({ gc: false });
    if (stored.snapshot) Y.applyUpdate(reread, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(reread, update);
    expect(reread.getText('notes').toString()).toBe('iday.');
  });
});

describe('bringsNothingNew', () => {
  const meeting = (): Y.Doc => {
    const doc = new Y.Doc({ gc: false });
    doc.getText('notes').insert(0, 'We meet on Friday.');
    doc.getText('notes').delete(0, 3);
    return doc;
  };
  const check = (server: Y.Doc, copy: Y.Doc): boolean => {
    const stored = Y.encodeStateAsUpdate(server);
    const sent = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(server));
    return bringsNothingNew(
      Y.decodeUpdate(sent),
      Y.decodeStateVector(Y.encodeStateVector(server)),
      new SnapshotDeletes(deleteSetTriples(stored)),
    );
  };

  it('[SY9] tells a copy with nothing new from one with a new deletion or new content', () => {
    const server = meeting();
    const same = new Y.Doc({ gc: false });
    Y.applyUpdate(same, Y.encodeStateAsUpdate(server));
    expect(check(server, same)).toBe(true);

    const deleted = new Y.Doc({ gc: false });
    Y.applyUpdate(deleted, Y.encodeStateAsUpdate(server));
    deleted.getText('notes').delete(8, 1);
    expect(check(server, deleted)).toBe(false);

    const added = new Y.Doc({ gc: false });
    Y.applyUpdate(added, Y.encodeStateAsUpdate(server));
    added.getText('notes').insert(0, 'So ');
    expect(check(server, added)).toBe(false);
  });
});
