/** Other instances' uncommitted updates of one meeting, on their own (real Yjs updates). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROVISIONAL_TTL_MS, ProvisionalUpdates } from './ProvisionalUpdates.js';

/** `count` keystrokes of one writer, each one update. */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('notes').insert(i, 'x');
  return updates;
}

describe('provisional updates of other instances', () => {
  it('[SD5] are shown when they come and join the document only once their instance says they are committed', () => {
    const provisional = new ProvisionalUpdates();
    const [a, b, c] = keystrokes(3) as [Uint8Array, Uint8Array, Uint8Array];
    expect(provisional.receive('B/1', 1, [a])).toBe(true);
    expect(provisional.receive('B/1', 2, [b, c])).toBe(true);
    // A joiner is shown both batches beside the document, oldest first.
    expect(provisional.updates()).toEqual([a, b, c]);

    expect(provisional.committed('B/1', 1)).toEqual({ updates: [a], complete: true });
    expect(provisional.updates()).toEqual([b, c]);
    // A batch already committed is not shown again when it comes late.
    expect(provisional.receive('B/1', 1, [a])).toBe(false);
    expect(provisional.committed('B/1', 2)).toEqual({ updates: [b, c], complete: true });
    expect(provisional.updates()).toEqual([]);
  });

  it('[SD6] a commit of batches never seen here is reported incomplete (the room resyncs from the store)', () => {
    const provisional = new ProvisionalUpdates();
    const [a, b] = keystrokes(2) as [Uint8Array, Uint8Array];
    // Nothing seen from this instance at all.
    expect(provisional.committed('C/1', 4)).toEqual({ updates: [], complete: false });
    // Batch 3 seen, 4 lost on the way.
    provisional.receive('B/1', 3, [a]);
    provisional.receive('B/1', 5, [b]);
    expect(provisional.committed('B/1', 5)).toEqual({ updates: [a, b], complete: false });
    // The first batch seen here is 3: 1 and 2 were published before this instance subscribed.
    provisional.receive('D/1', 3, [a]);
    expect(provisional.committed('D/1', 2)).toEqual({ updates: [], complete: false });
  });

  it('[SD6] updates never confirmed are forgotten after the time to live, and say so once', () => {
    const provisional = new ProvisionalUpdates();
    const [a, b] = keystrokes(2) as [Uint8Array, Uint8Array];
    provisional.receive('B/1', 1, [a], 0);
    provisional.receive('B/2', 1, [b], 20_000);
    expect(provisional.expire(PROVISIONAL_TTL_MS - 1)).toBe(false);
    expect(provisional.expire(PROVISIONAL_TTL_MS)).toBe(true);
    expect(provisional.updates()).toEqual([b]);
    expect(provisional.expire(PROVISIONAL_TTL_MS)).toBe(false);
  });

  it('refuses a malformed batch whole, keeping nothing of it', () => {
    const provisional = new ProvisionalUpdates();
    const [a] = keystrokes(1) as [Uint8Array];
    expect(() => provisional.receive('B/1', 1, [a, new Uint8Array([255, 255, 255])])).toThrow();
    expect(provisional.updates()).toEqual([]);
  });
});
