/** A room's document on its own: built only when needed, updates applied later together, answers kept. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredDocument } from '../persistence/types.js';
import { STEP2_HEAD, varBytesFrame } from './frames.js';
import { LazyDocument } from './LazyDocument.js';
import { ProtocolViolation } from './ProtocolViolation.js';

/** A meeting stored as one snapshot of `text` (and the stored state vector beside it). */
function snapshotOf(text: string): { stored: StoredDocument; doc: Y.Doc } {
  const doc = new Y.Doc({ gc: false });
  doc.getText('notes').insert(0, text);
  const snapshot = Y.encodeStateAsUpdate(doc);
  return {
    doc,
    stored: {
      snapshot,
      snapshotStateVector: Y.encodeStateVector(doc),
      snapshotId: 's1',
      updates: [],
      bytes: snapshot.length,
      lastSeq: 0,
    },
  };
}

/** An edit of `doc`, as the client sends it. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('a lazy document', () => {
  it('[SY16] of a meeting stored as one snapshot answers a joiner and gives its state vector without being built', () => {
    const { stored, doc } = snapshotOf('Anna wants to sleep.');
    const document = new LazyDocument(stored, () => undefined);
    expect(document.stateVector()).toBe(stored.snapshotStateVector);
    const reply = document.reply(new Uint8Array([0]));
    expect(reply).toEqual(varBytesFrame(STEP2_HEAD, stored.snapshot as Uint8Array));
    expect(document.decoded).toBeNull();
    // Built when something reads it, holding what was stored.
    expect(document.doc.getText('notes').toString()).toBe('Anna wants to sleep.');
    expect(document.decoded).not.toBeNull();
    expect(Y.encodeStateVector(document.doc)).toEqual(Y.encodeStateVector(doc));
  });

  it('applies accepted updates only when next read, together, without telling its listener again', () => {
    const { stored, doc } = snapshotOf('Plan: ');
    const told: unknown[] = [];
    const document = new LazyDocument(stored, (_update, origin) => told.push(origin));
    document.addLater(edit(doc, 'walk daily. '));
    document.addLater(edit(doc, 'Call Sanna. '));
    expect(document.behind).toBe(true);
    expect(document.decoded).toBeNull();
    // The state vector they lead to, without building the document.
    expect(Y.decodeStateVector(document.stateVector())).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(doc)),
    );
    expect(document.doc.getText('notes').toString()).toBe(doc.getText('notes').toString());
    expect(document.behind).toBe(false);
    expect(told).toEqual([]);
    // Its own changes are told.
    document.doc.getText('notes').insert(0, '!');
    expect(told).toHaveLength(1);
  });

  it('keeps an answer per state vector until the document changes', () => {
    const { stored, doc } = snapshotOf('Next meeting: Friday.');
    stored.updates = [edit(doc, 'Agreed. ')];
    const document = new LazyDocument(stored, () => undefined);
    // A meeting stored with a log is built at once.
    expect(document.decoded).not.toBeNull();
    const stateVector = Y.encodeStateVector(new Y.Doc());
    const first = document.reply(Y.encodeStateVector(doc));
    expect(document.reply(Y.encodeStateVector(doc))).toBe(first);
    const whole = document.reply(stateVector);
    document.addLater(edit(doc, 'Mother calls. '));
    expect(document.reply(stateVector)).not.toBe(whole);
  });

  it('refuses a state vector that does not decode', () => {
    const { stored } = snapshotOf('x');
    const document = new LazyDocument(stored, () => undefined);
    expect(() => document.reply(new Uint8Array([5, 200]))).toThrow(ProtocolViolation);
  });
});
