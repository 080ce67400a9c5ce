import { attributeTo } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lastWrittenBy } from './lastWritten';

/** A visit of a person: a browser's own doc, kept in step with the shared one, attributed to them. */
function visit(shared: Y.Doc, participantId: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(shared));
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(shared, update));
  shared.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update));
  attributeTo(doc, participantId);
  return doc;
}

function paragraph(doc: Y.Doc, section: string, words: string): Y.XmlText {
  const text = new Y.XmlText(words);
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [text]);
  const fragment = doc.getXmlFragment(section);
  fragment.insert(fragment.length, [element]);
  return text;
}

describe('where a person last wrote', () => {
  it('is the end of their latest text, in the latest visit that wrote, whatever the others wrote since', () => {
    const shared = new Y.Doc();
    expect(lastWrittenBy(shared, 'anna')).toBeNull();
    const first = visit(shared, 'anna');
    paragraph(first, 'dialogue', 'The nights are hard.');
    const plan = paragraph(first, 'plan', 'Mia phones on Monday.');
    expect(lastWrittenBy(shared, 'anna')).toMatchObject({ section: 'plan', client: first.clientID });
    // Mia writes after her, in the dialogue: Anna's place does not move.
    paragraph(visit(shared, 'mia'), 'dialogue', 'We heard that.');
    expect(lastWrittenBy(shared, 'anna')?.section).toBe('plan');
    expect(lastWrittenBy(shared, 'mia')?.section).toBe('dialogue');
    // A later visit of Anna's that wrote nothing leaves the place where it was.
    const second = visit(shared, 'anna');
    expect(lastWrittenBy(shared, 'anna')).toMatchObject({ section: 'plan', client: first.clientID });
    // Her words in the plan removed, the place is what is left of hers; a later visit's text wins.
    plan.delete(0, plan.length);
    expect(lastWrittenBy(shared, 'anna')?.section).toBe('dialogue');
    paragraph(second, 'openQuestions', 'Who comes next time?');
    expect(lastWrittenBy(shared, 'anna')).toMatchObject({
      section: 'openQuestions',
      client: second.clientID,
    });
  });
});
