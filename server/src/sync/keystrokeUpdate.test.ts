import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeKeystroke } from './keystrokeUpdate.js';

/** What matters of a decoded update to the checks: each struct's fields and the deletions. */
function shape(decoded: ReturnType<typeof Y.decodeUpdate>) {
  return {
    structs: decoded.structs.map((struct) => ({
      kind: struct.constructor.name,
      id: struct.id,
      length: struct.length,
      ...(struct instanceof Y.Item
        ? {
            origin: struct.origin,
            rightOrigin: struct.rightOrigin,
            parent: struct.parent,
            parentSub: struct.parentSub,
            content: struct.content.constructor.name,
            text: struct.content.getContent(),
          }
        : {}),
    })),
    deletions: [...decoded.ds.clients],
  };
}

describe('a keystroke decoded by hand', () => {
  it('is what Y.decodeUpdate reads, for characters typed one after another (any script, any clock)', () => {
    const doc = new Y.Doc();
    doc.clientID = 3_000_000_001;
    const text = doc.getText('notes');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    text.insert(0, 'a');
    for (const character of ['b', 'é', '語', '😀', ' ', 'x'.repeat(200)]) text.insert(text.length, character);
    for (let i = 0; i < 300; i++) text.insert(text.length, 'z');
    let fast = 0;
    for (const update of updates) {
      const decoded = decodeKeystroke(update);
      if (decoded === null) continue;
      fast++;
      expect(shape(decoded)).toEqual(shape(Y.decodeUpdate(update)));
    }
    // Every keystroke after the first (which names its parent) has the shape.
    expect(fast).toBe(updates.length - 1);
  });

  it('leaves everything else to Yjs: a first character, deletions, a block, a cut-short update', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = doc.getText('notes');
    text.insert(0, 'ab');
    text.delete(0, 1);
    doc.getXmlFragment('dialogue').insert(0, [new Y.XmlElement('paragraph')]);
    text.insert(1, 'c');
    text.insert(0, 'd');
    for (const update of updates.slice(0, 3)) expect(decodeKeystroke(update)).toBeNull();
    const typed = updates[3] as Uint8Array;
    expect(decodeKeystroke(typed)).not.toBeNull();
    expect(decodeKeystroke(typed.subarray(0, typed.length - 2))).toBeNull();
    expect(decodeKeystroke(Uint8Array.from([...typed, 0]))).toBeNull();
  });
});
