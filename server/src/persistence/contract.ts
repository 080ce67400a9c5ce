/**
 * The contract every DocumentStore must keep. SQLite runs it in sqlite.test.ts, PostgreSQL in
 * postgres.test.ts. Rule ids ([DS1] …) are carried in the test names. The rule several instances depend
 * on is [DS13]: a compaction never removes an update it did not fold into the snapshot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore, FoldInput, FoldResult } from './types.js';

/** How the contract gets stores: `open` may be called again after `close` to reopen the same data. */
export interface StoreHarness {
  open(): Promise<DocumentStore>;
  /**
   * With the store closed: take its data back to the schema from before snapshots' state vectors were
   * kept, and compact `docId` into `snapshot` there as a server of that time did (no state vector). The
   * next `open` migrates it.
   */
  compactBeforeStateVectors(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * With the store closed: compact `docId` into `snapshot` on the current schema as a server from before
   * state vectors were kept does (an older instance during a rolling upgrade): the vector column untouched.
   */
  compactAsOlderServer(docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Remove everything the harness created. */
  cleanup(): Promise<void>;
}

function textUpdates(count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String.fromCharCode(97 + (i % 26)));
  return { updates, doc };
}

/** A fold that returns `snapshot` as the new snapshot, whatever is stored (the caller knows it holds it). */
const as =
  (snapshot: Uint8Array, stateVector: Uint8Array = Y.encodeStateVectorFromUpdate(snapshot)) =>
  (): FoldResult => ({ snapshot, stateVector });

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Run the DocumentStore contract against a store implementation. */
export function documentStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DocumentStore;

    beforeEach(async () => {
      harness = makeHarness();
      store = await harness.open();
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup();
    });

    it('[DS1] loads an unknown document as empty', async () => {
      const stored = await store.load('nobody');
      expect(stored).toEqual({
        snapshot: null,
        snapshotStateVector: null,
        snapshotId: null,
        updates: [],
        lastSeq: 0,
        bytes: 0,
      });
    });

    it('[DS2] returns appended updates in order, byte for byte', async () => {
      const { updates, doc } = textUpdates(5);
      await store.append([{ docId: 'a', updates: updates.slice(0, 2) }]);
      await store.append([{ docId: 'a', updates: updates.slice(2) }]);
      const stored = await store.load('a');
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
      expect(replay(stored).getText('t').toString()).toBe(doc.getText('t').toString());
      expect(stored.bytes).toBe(updates.reduce((sum, u) => sum + u.length, 0));
    });

    it('[DS3] appends to several documents in one call and reports increasing sequence numbers', async () => {
      const { updates } = textUpdates(4);
      const first = await store.append([
        { docId: 'a', updates: updates.slice(0, 1) },
        { docId: 'b', updates: updates.slice(0, 2) },
      ]);
      const second = await store.append([{ docId: 'a', updates: updates.slice(1, 3) }]);
      expect(second.get('a')).toBeGreaterThan(first.get('a') as number);
      expect((await store.load('a')).updates).toHaveLength(3);
      expect((await store.load('b')).updates).toHaveLength(2);
      expect((await store.load('a')).lastSeq).toBe(second.get('a'));
    });

    it('[DS4] compaction folds the snapshot and the whole log; what is appended after it stays in the log', async () => {
      const { updates, doc } = textUpdates(10);
      await store.append([{ docId: 'a', updates: updates.slice(0, 6) }]);
      const first = await store.compact('a');
      expect(first).toMatchObject({ folded: 6 });
      await store.append([{ docId: 'a', updates: updates.slice(6) }]);
      const stored = await store.load('a');
      expect(stored.snapshot).not.toBeNull();
      expect(stored.snapshotId).toBe(first?.snapshotId);
      expect(stored.updates).toHaveLength(4);
      expect(replay(stored).getText('t').toString()).toBe(doc.getText('t').toString());
      // The next one folds the first snapshot and the rest, under a new name.
      const second = await store.compact('a');
      expect(second).toMatchObject({ folded: 4, snapshotBytes: expect.any(Number) });
      expect(second?.snapshotId).not.toBe(first?.snapshotId);
      const again = await store.load('a');
      expect(again.updates).toEqual([]);
      expect(again.snapshotId).toBe(second?.snapshotId);
      expect(replay(again).getText('t').toString()).toBe(doc.getText('t').toString());
    });

    it('[DS5] the fold is given exactly what is stored; null, or an empty log, changes nothing', async () => {
      const { updates, doc } = textUpdates(6);
      await store.append([{ docId: 'a', updates: updates.slice(0, 3) }]);
      await store.compact('a');
      await store.append([{ docId: 'a', updates: updates.slice(3) }]);
      const before = await store.load('a');
      const given: FoldInput[] = [];
      expect(
        await store.compact('a', (stored) => {
          given.push(stored);
          return null;
        }),
      ).toBeNull();
      expect(given).toHaveLength(1);
      expect(given[0]?.snapshot).toEqual(before.snapshot);
      expect(given[0]?.snapshotId).toBe(before.snapshotId);
      expect(given[0]?.updates).toEqual(updates.slice(3));
      expect(await store.load('a')).toEqual(before);
      // Nothing in the log: nothing to fold, and the fold is not asked.
      await store.compact('a');
      expect(await store.compact('a', () => expect.unreachable('an empty log is not folded'))).toBeNull();
      expect(
        replay(await store.load('a'))
          .getText('t')
          .toString(),
      ).toBe(doc.getText('t').toString());
    });

    it('[DS14] a rewrite is given a document held as a snapshot alone, and replaces it', async () => {
      const { updates } = textUpdates(6);
      await store.append([{ docId: 'a', updates }]);
      await store.compact('a');
      const before = await store.load('a');
      expect(before.updates).toEqual([]);
      // Without asking for a rewrite, a snapshot alone is left as it is.
      expect(await store.compact('a', () => expect.unreachable('an empty log is not folded'))).toBeNull();
      const emptied = new Y.Doc();
      emptied.getText('t').insert(0, 'erased');
      const rewritten = await store.compact(
        'a',
        (stored) => {
          expect(stored.snapshot).toEqual(before.snapshot);
          expect(stored.updates).toEqual([]);
          return { snapshot: Y.encodeStateAsUpdate(emptied), stateVector: Y.encodeStateVector(emptied) };
        },
        { rewrite: true },
      );
      expect(rewritten).toMatchObject({ folded: 0 });
      expect(rewritten?.snapshotId).not.toBe(before.snapshotId);
      const after = await store.load('a');
      expect(after.snapshotId).toBe(rewritten?.snapshotId);
      expect(replay(after).getText('t').toString()).toBe('erased');
    });

    it('[DS10] keeps the state vector the fold gives beside the snapshot', async () => {
      const { updates, doc } = textUpdates(6);
      await store.append([{ docId: 'a', updates }]);
      const snapshot = Y.encodeStateAsUpdate(doc);
      const stateVector = Y.encodeStateVector(doc);
      await store.compact('a', as(snapshot, stateVector));
      await store.close();
      store = await harness.open();
      const stored = await store.load('a');
      expect(stored.snapshot).toEqual(snapshot);
      expect(stored.snapshotStateVector).toEqual(stateVector);
      expect(stored.updates).toEqual([]);
      expect(stored.bytes).toBe(snapshot.length);

      // The default fold gives the state vector of the document it built.
      const more = textUpdates(3).updates;
      await store.append([{ docId: 'a', updates: more }]);
      for (const update of more) Y.applyUpdate(doc, update);
      await store.compact('a');
      expect((await store.load('a')).snapshotStateVector).toEqual(Y.encodeStateVector(doc));

      // A document with a log and no snapshot has no snapshot state vector either.
      await store.append([{ docId: 'b', updates }]);
      expect((await store.load('b')).snapshotStateVector).toBeNull();
    });

    it('[DS11] a snapshot written before state vectors were kept still loads, with none', async () => {
      const { updates, doc } = textUpdates(5);
      const last = (await store.append([{ docId: 'a', updates }])).get('a') as number;
      await store.close();
      await harness.compactBeforeStateVectors('a', Y.encodeStateAsUpdate(doc), last);
      store = await harness.open();
      const stored = await store.load('a');
      expect(stored.snapshot).not.toBeNull();
      expect(stored.snapshotStateVector).toBeNull();
      expect(stored.updates).toEqual([]);
      expect(stored.lastSeq).toBe(last);
      expect(replay(stored).getText('t').toString()).toBe(doc.getText('t').toString());
      // The migrated store keeps a state vector from the next compaction on.
      const more = textUpdates(2).updates;
      await store.append([{ docId: 'a', updates: more }]);
      for (const update of more) Y.applyUpdate(doc, update);
      await store.compact('a');
      expect((await store.load('a')).snapshotStateVector).toEqual(Y.encodeStateVector(doc));
    });

    it('[DS12] a snapshot an older server rewrote (rolling upgrade) loads without the stale vector', async () => {
      const { updates, doc } = textUpdates(4);
      await store.append([{ docId: 'a', updates }]);
      await store.compact('a');
      const more = textUpdates(3).updates;
      const next = (await store.append([{ docId: 'a', updates: more }])).get('a') as number;
      for (const update of more) Y.applyUpdate(doc, update);
      await store.close();
      await harness.compactAsOlderServer('a', Y.encodeStateAsUpdate(doc), next);
      store = await harness.open();
      const stored = await store.load('a');
      // The vector kept beside the first snapshot says nothing of the second: it is not handed out.
      expect(stored.snapshotStateVector).toBeNull();
      expect(stored.snapshot).toEqual(Y.encodeStateAsUpdate(doc));
      expect(replay(stored).getText('t').toString()).toBe(doc.getText('t').toString());
    });

    it('[DS6] keeps everything across close and reopen', async () => {
      const { updates, doc } = textUpdates(8);
      await store.append([{ docId: 'a', updates }]);
      await store.close();
      store = await harness.open();
      expect(
        replay(await store.load('a'))
          .getText('t')
          .toString(),
      ).toBe(doc.getText('t').toString());
    });

    it('[DS7] deletes a document and its log, leaving others', async () => {
      const { updates } = textUpdates(3);
      await store.append([
        { docId: 'a', updates },
        { docId: 'b', updates },
      ]);
      await store.compact('a');
      await store.delete('a');
      expect(await store.load('a')).toEqual({
        snapshot: null,
        snapshotStateVector: null,
        snapshotId: null,
        updates: [],
        lastSeq: 0,
        bytes: 0,
      });
      expect((await store.load('b')).updates).toHaveLength(3);
    });

    it('[DS9] two stores on the same data (two instances) append concurrently without losing or reordering', async () => {
      const other = await harness.open();
      try {
        const a = textUpdates(40).updates;
        const b = textUpdates(40).updates;
        await Promise.all([
          (async () => {
            for (const update of a) await store.append([{ docId: 'shared', updates: [update] }]);
          })(),
          (async () => {
            for (const update of b) await other.append([{ docId: 'shared', updates: [update] }]);
          })(),
        ]);
        const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
        const loaded = (await store.load('shared')).updates.map(hex);
        expect(loaded).toHaveLength(80);
        // Each instance's updates appear in the order it appended them.
        expect(loaded.filter((u) => a.map(hex).includes(u))).toEqual(a.map(hex));
        expect(loaded.filter((u) => b.map(hex).includes(u))).toEqual(b.map(hex));
      } finally {
        await other.close();
      }
    });

    it('[DS13] a compaction never removes an update it did not fold: two stores compact and append at once', async () => {
      const other = await harness.open();
      try {
        // Two instances type into one document, each compacting it as it goes, and a third reads it back.
        const writers = [
          { store, doc: new Y.Doc(), name: 'a', appended: 0 },
          { store: other, doc: new Y.Doc(), name: 'b', appended: 0 },
        ];
        const COUNT = 120;
        let typing = true;
        const failures: string[] = [];
        const write = async (writer: (typeof writers)[number]) => {
          const updates: Uint8Array[] = [];
          writer.doc.on('update', (update: Uint8Array) => updates.push(update));
          for (let i = 0; i < COUNT; i++) {
            writer.doc.getText(writer.name).insert(i, String.fromCharCode(97 + (i % 26)));
            await writer.store.append([{ docId: 'shared', updates: [updates[i] as Uint8Array] }]);
            writer.appended = i + 1;
            if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
          }
        };
        const compact = async (on: DocumentStore) => {
          while (typing) {
            await on.compact('shared');
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          }
        };
        const read = async () => {
          while (typing) {
            // Every update whose append had resolved when the read began is in what it reads.
            const expected = writers.map((writer) => writer.appended);
            const doc = replay(await store.load('shared'));
            writers.forEach((writer, i) => {
              const length = doc.getText(writer.name).length;
              if (length < (expected[i] as number)) {
                failures.push(`${writer.name}: ${length} of ${expected[i]} appended updates readable`);
              }
            });
            // SQLite's calls resolve at once: let the others' timers run.
            await new Promise((resolve) => setImmediate(resolve));
          }
        };
        const done = Promise.all(writers.map(write)).finally(() => {
          typing = false;
        });
        await Promise.all([done, compact(store), compact(other), compact(store), read()]);
        expect(failures).toEqual([]);
        const final = replay(await other.load('shared'));
        for (const writer of writers) {
          expect(final.getText(writer.name).toString()).toBe(writer.doc.getText(writer.name).toString());
        }
        await store.compact('shared');
        const folded = await store.load('shared');
        expect(folded.updates).toEqual([]);
        for (const writer of writers) {
          expect(replay(folded).getText(writer.name).toString()).toBe(
            writer.doc.getText(writer.name).toString(),
          );
        }
      } finally {
        await other.close();
      }
    });

    it('[DS8] an append is all or nothing', async () => {
      const { updates } = textUpdates(2);
      const invalid = { docId: 'b', updates: [null as unknown as Uint8Array] };
      await expect(store.append([{ docId: 'a', updates }, invalid])).rejects.toThrow();
      expect((await store.load('a')).updates).toHaveLength(0);
    });
  });
}
