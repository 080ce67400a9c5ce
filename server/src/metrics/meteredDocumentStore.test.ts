import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../persistence/database.js';
import { SqliteDocumentStore } from '../persistence/sqlite.js';
import { meterDocumentStore, type StoreMeter } from './meteredDocumentStore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function recording(): StoreMeter & { commits: [number, number][]; failures: string[] } {
  const commits: [number, number][] = [];
  const failures: string[] = [];
  return {
    commits,
    failures,
    committed: (seconds, updates) => commits.push([seconds, updates]),
    failed: (operation) => failures.push(operation),
  };
}

function sqliteStore(): SqliteDocumentStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-metered-'));
  dirs.push(dir);
  return new SqliteDocumentStore(openDatabase(dir));
}

describe('the measured document store', () => {
  it('behaves as the store, and measures each commit: its duration and its updates', async () => {
    const meter = recording();
    const store = meterDocumentStore(sqliteStore(), meter);
    const seqs = await store.append([
      { docId: 'a', updates: [new Uint8Array([1]), new Uint8Array([2])] },
      { docId: 'b', updates: [new Uint8Array([3])] },
    ]);
    expect([...seqs]).toEqual([
      ['a', 2],
      ['b', 3],
    ]);
    expect((await store.load('a')).updates).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
    await store.compact('a', () => ({ snapshot: new Uint8Array([9]), stateVector: new Uint8Array([0]) }));
    expect((await store.load('a')).snapshot).toEqual(new Uint8Array([9]));
    expect(meter.commits).toHaveLength(1);
    expect(meter.commits[0]?.[1]).toBe(3);
    expect(meter.commits[0]?.[0]).toBeGreaterThan(0);
    expect(meter.failures).toEqual([]);
    await store.close();
  });

  it('counts every failed operation by name, and still fails it', async () => {
    const meter = recording();
    const inner = sqliteStore();
    const store = meterDocumentStore(inner, meter);
    await inner.close();
    await expect(store.append([{ docId: 'a', updates: [new Uint8Array([1])] }])).rejects.toThrow();
    await expect(store.load('a')).rejects.toThrow();
    await expect(
      store.compact('a', () => ({ snapshot: new Uint8Array([1]), stateVector: new Uint8Array([0]) })),
    ).rejects.toThrow();
    expect(meter.failures).toEqual(['append', 'load', 'compact']);
    // A failed commit is not measured as one.
    expect(meter.commits).toEqual([]);
  });
});
