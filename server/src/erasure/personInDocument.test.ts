/**
 * Taking a person out of a meeting document: after it, neither their name nor (when removed) a word
 * they wrote is in any byte of the stored document; what others wrote stays, and older versions still
 * open, without the erased person.
 */
import { DocumentTypes, ERASED_PERSON_ID, MarkNames, NodeNames } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { erasePersonFromDocument } from './personInDocument.js';

const EEVA = 'eeva-participant-id';
const MARIA = 'maria-participant-id';
const CANARY = 'canary-7f3a-eeva-words';

/** A writer: a Y.Doc of their own, mapped to their participant id, whose edits reach the meeting. */
function writer(meeting: Y.Doc, participantId: string) {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(meeting));
  new Y.PermanentUserData(doc, doc.getMap(DocumentTypes.users)).setUserMapping(
    doc,
    doc.clientID,
    participantId,
  );
  return {
    doc,
    write(change: (doc: Y.Doc) => void) {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(meeting));
      const before = Y.encodeStateVector(doc);
      doc.transact(() => change(doc));
      Y.applyUpdate(meeting, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(meeting)));
      return before;
    },
  };
}

function paragraph(text: string, attributes?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, attributes);
  p.insert(0, [t]);
  return p;
}

function block(name: string, attributes: Record<string, unknown>, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string);
  element.insert(0, [paragraph(text)]);
  return element;
}

/** A meeting where Eeva and Maria both wrote; returns it with a snapshot taken before the erasure. */
function meeting() {
  const doc = new Y.Doc({ gc: false });
  const eeva = writer(doc, EEVA);
  const maria = writer(doc, MARIA);
  maria.write((d) => {
    d.getXmlFragment('dialogue').insert(0, [
      block(NodeNames.voice, { speakerId: MARIA, speakerName: 'Maria' }, 'Maria opens the meeting'),
    ]);
    d.getXmlFragment('plan').insert(0, [
      block(
        NodeNames.planItem,
        {
          proposedById: MARIA,
          proposedByName: 'Maria',
          agrees: [{ id: EEVA, name: 'Eeva' }] as never,
          differs: [],
          doerName: 'Eeva',
        },
        'Sleep first',
      ),
    ]);
    d.getMap(DocumentTypes.attendance).set(EEVA, {
      name: 'Eeva',
      relation: 'mother',
      role: 'x',
      where: 'room',
    });
  });
  eeva.write((d) => {
    d.getXmlFragment('dialogue').insert(1, [
      block(NodeNames.voice, { speakerId: EEVA, speakerName: 'Eeva' }, `I said ${CANARY}`),
    ]);
    // A later addition of hers inside Maria's block, marked with her name.
    const text = (d.getXmlFragment('dialogue').get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert(0, 'and also: ', {
      [MarkNames.laterAddition]: { authorId: EEVA, authorName: 'Eeva', at: '2030-01-01T00:00:00Z' },
    });
    // Text she typed and deleted again: still in the document's bytes.
    const scratch = (d.getXmlFragment('dialogue').get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    (scratch.get(0) as Y.XmlText).insert(0, 'deleted-canary-words ');
  });
  eeva.write((d) => {
    const scratch = (d.getXmlFragment('dialogue').get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    (scratch.get(0) as Y.XmlText).delete(0, 'deleted-canary-words '.length);
  });
  const version = Y.encodeSnapshot(Y.snapshot(doc));
  return { doc, version };
}

const bytesOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');

/** The text of a document as it reads (every section), for comparing what others wrote. */
const readable = (doc: Y.Doc) =>
  doc.getXmlFragment('dialogue').toString() + doc.getXmlFragment('plan').toString();

describe('erasing a person from a meeting document', () => {
  it('before the erasure, her words, her deleted words and her name are in the bytes (the test can fail)', () => {
    const { doc } = meeting();
    const bytes = bytesOf(doc);
    expect(bytes).toContain(CANARY);
    expect(bytes).toContain('deleted-canary-words');
    expect(bytes).toContain('Eeva');
  });

  it('remove: no byte of the stored document holds her words, deleted words or name; Maria’s stay', () => {
    const { doc, version } = meeting();
    const result = erasePersonFromDocument(doc, { id: EEVA, name: 'Eeva' }, 'remove');
    expect(result.changed).toBe(true);
    // Stored and loaded again, as the server does.
    const stored = new Y.Doc({ gc: false });
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc));
    const bytes = bytesOf(stored);
    expect(bytes).not.toContain(CANARY);
    expect(bytes).not.toContain('deleted-canary-words');
    expect(bytes).not.toContain('Eeva');
    expect(bytes).not.toContain('and also');
    // Her id is left only as the key of an empty attribution entry (see personInDocument.ts).
    expect(bytes.split(EEVA)).toHaveLength(2);
    expect(readable(stored)).toContain('Maria opens the meeting');
    expect(readable(stored)).toContain('Sleep first');
    expect(stored.getMap(DocumentTypes.attendance).has(EEVA)).toBe(false);
    // The version taken before still opens, with Maria's words and without Eeva's.
    const old = Y.createDocFromSnapshot(stored, Y.decodeSnapshot(version));
    expect(readable(old)).toContain('Maria opens the meeting');
    expect(readable(old)).not.toContain(CANARY);
  });

  it('anonymise: her words stay without her name anywhere in the bytes', () => {
    const { doc } = meeting();
    erasePersonFromDocument(doc, { id: EEVA, name: 'Eeva' }, 'anonymise');
    const stored = new Y.Doc({ gc: false });
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc));
    const bytes = bytesOf(stored);
    expect(bytes).toContain(CANARY);
    expect(bytes).not.toContain('Eeva');
    expect(bytes.split(EEVA)).toHaveLength(2);
    expect(bytes).not.toContain('deleted-canary-words');
    const voice = stored.getXmlFragment('dialogue').get(1) as Y.XmlElement;
    expect(voice.getAttribute('speakerId')).toBe(ERASED_PERSON_ID);
    expect(voice.getAttribute('speakerName')).toBe('');
    const plan = stored.getXmlFragment('plan').get(0) as Y.XmlElement;
    expect(plan.getAttribute('agrees')).toEqual([{ id: ERASED_PERSON_ID, name: '' }]);
    expect(plan.getAttribute('doerName')).toBe('');
  });

  it('a document that never named her is left as it was', () => {
    const doc = new Y.Doc({ gc: false });
    writer(doc, MARIA).write((d) =>
      d.getXmlFragment('dialogue').insert(0, [block(NodeNames.voice, { speakerId: MARIA }, 'Only Maria')]),
    );
    const before = Y.encodeStateAsUpdate(doc);
    expect(erasePersonFromDocument(doc, { id: EEVA, name: 'Eeva' }, 'remove').changed).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
