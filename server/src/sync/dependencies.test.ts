/**
 * checkDependencies decides exactly what Yjs decides: for updates of several peers typing, deleting and
 * syncing with each other, delivered to a meeting in a shuffled order, an update is found integrable if
 * and only if applying it to the meeting as it stands leaves nothing pending in Yjs, and the clocks it
 * says move are the ones that move.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDependencies } from './dependencies.js';

/** A seeded random sequence (xorshift32). */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** Updates of `peers` people editing one text and one fragment, each one's in the order they were made. */
function editingSession(seed: number, peers: number, steps: number): Uint8Array[] {
  const random = randomFrom(seed);
  const docs = Array.from({ length: peers }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 100 + i;
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (const doc of docs)
    doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'sync' && updates.push(update));
  for (let step = 0; step < steps; step++) {
    const doc = docs[Math.floor(random() * peers)] as Y.Doc;
    const text = doc.getText('notes');
    const roll = random();
    if (roll < 0.15) {
      // Someone syncs with someone else: what they write next builds on the other's content.
      const other = docs[Math.floor(random() * peers)] as Y.Doc;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'sync');
    } else if (roll < 0.3 && text.length > 0) {
      const at = Math.floor(random() * text.length);
      text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 3)));
    } else if (roll < 0.4) {
      const fragment = doc.getXmlFragment('dialogue');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`p${step}`)]);
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    } else {
      text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (step % 26)));
    }
  }
  return updates;
}

/** Whether Yjs integrates `update` whole into (a copy of) `doc`. */
function yjsIntegrates(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs === null && copy.store.pendingDs === null;
}

describe('checkDependencies', () => {
  for (const seed of [1, 42, 1234]) {
    it(`agrees with Yjs on every update of a shuffled editing session (seed ${seed})`, () => {
      const random = randomFrom(seed * 31 + 5);
      const waiting = editingSession(seed, 4, 200);
      for (let i = waiting.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [waiting[i], waiting[j]] = [waiting[j] as Uint8Array, waiting[i] as Uint8Array];
      }
      const meeting = new Y.Doc();
      let held = 0;
      // Deliver in the shuffled order; what is held is offered again after each integration, as the room does.
      for (let progress = true; progress; ) {
        progress = false;
        for (let i = 0; i < waiting.length; i++) {
          const update = waiting[i] as Uint8Array;
          const state = Y.decodeStateVector(Y.encodeStateVector(meeting));
          const check = checkDependencies(Y.decodeUpdate(update), state);
          expect(check.ok).toBe(yjsIntegrates(meeting, update));
          if (!check.ok) {
            held++;
            // What it waits for is indeed not there yet.
            expect(state.get(check.missing.client) ?? 0).toBeLessThanOrEqual(check.missing.clock);
            continue;
          }
          Y.applyUpdate(meeting, update);
          const after = Y.decodeStateVector(Y.encodeStateVector(meeting));
          for (const [client, clock] of check.advanced) expect(after.get(client)).toBe(clock);
          for (const [client, clock] of after)
            expect(check.advanced.get(client) ?? state.get(client)).toBe(clock);
          waiting.splice(i--, 1);
          progress = true;
        }
      }
      // Everything arrived in the end, and a good part of it had to wait for what it builds on.
      expect(waiting).toEqual([]);
      expect(held).toBeGreaterThan(20);
      expect(meeting.store.pendingStructs).toBeNull();
    });
  }

  it('names a deletion of content that is not there as missing', () => {
    const doc = new Y.Doc();
    doc.clientID = 5;
    doc.getText('notes').insert(0, 'abc');
    const inserted = Y.encodeStateAsUpdate(doc);
    const before = Y.encodeStateVector(doc);
    doc.getText('notes').delete(1, 1);
    const deletion = Y.encodeStateAsUpdate(doc, before);
    const check = checkDependencies(Y.decodeUpdate(deletion), new Map());
    expect(check).toEqual({ ok: false, missing: { client: 5, clock: 1 } });
    expect(
      checkDependencies(
        Y.decodeUpdate(deletion),
        Y.decodeStateVector(Y.encodeStateVectorFromUpdate(inserted)),
      ).ok,
    ).toBe(true);
  });
});
