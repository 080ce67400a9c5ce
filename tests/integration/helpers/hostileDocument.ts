/**
 * A meeting document as a hostile (or simply old, or foreign) client could have left it before the
 * server checked updates against the schema: every kind of value in every place the readers look, the
 * wrong type; nesting far deeper than any editor writes; text where no editor puts it. Each entry also
 * carries a well-formed neighbour, so a test can see that the readers still show what they can.
 */
import { DocumentTypes, MarkNames, MetaKeys, NodeNames } from '@polyphony/shared';
import * as Y from 'yjs';

/** Words that are in the hostile document and must still be readable (each in a well-formed block). */
export const READABLE = {
  voice: 'Anna slept at home this week.',
  plan: 'Eeva calls the GP on Monday.',
  /** Written at the bottom of 20,000 nested paragraphs. */
  deep: 'At the very bottom.',
  /** Loose text straight in a section. */
  loose: 'Loose words in the dialogue.',
  attendee: 'Eeva',
} as const;

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function element(name: string, attributes: Record<string, unknown>, text: string): Y.XmlElement {
  const block = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) block.setAttribute(key, value as string);
  block.insert(0, [paragraph(text)]);
  return block;
}

/** Nest `levels` elements named `name` one in the other at the end of `parent`, one level at a time. */
function nest(parent: Y.XmlFragment, name: string, levels: number, text: string): void {
  let current = parent;
  for (let i = 0; i < levels; i++) {
    const next = new Y.XmlElement(name);
    current.insert(current.length, [next]);
    current = next;
  }
  current.insert(0, [name === 'paragraph' ? new Y.XmlText(text) : paragraph(text)]);
}

/**
 * The hostile document as one Yjs update, to write straight into a store. `nesting` sets how deep the
 * deepest nesting goes (the reports: 3,000 blockquotes, 20,000 paragraphs).
 */
export function hostileMeetingUpdate(nesting = { quotes: 3000, paragraphs: 20_000 }): Uint8Array {
  // Strings straight into a section: written as a Y.Text of the section's name, as a foreign client might.
  const loose = new Y.Doc();
  loose.getText(DocumentTypes.dialogue).insert(0, READABLE.loose);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(loose));
  doc.transact(() => {
    const meta = doc.getMap<unknown>(DocumentTypes.meta);
    meta.set(MetaKeys.title, { evil: 1 });
    meta.set(MetaKeys.phase, 'nowhere');
    meta.set(MetaKeys.closedAt, '<b>not a time</b>');
    meta.set(MetaKeys.startedAt, 12);
    meta.set(MetaKeys.nextMeeting, { when: '<img src=x onerror=alert(1)>', convenerName: { evil: 1 } });

    const attendance = doc.getMap<unknown>(DocumentTypes.attendance);
    attendance.set('numeric', { name: 5, relation: {}, role: 'x', where: 'moon' });
    attendance.set('nothing', null);
    attendance.set('text', 'just a string');
    attendance.set('eeva', {
      name: READABLE.attendee,
      relation: 'mother',
      role: 'network_member',
      where: 'moon',
    });

    const users = doc.getMap<unknown>(DocumentTypes.users);
    users.set('not-a-map', 5);
    const wrongIds = new Y.Map<unknown>();
    wrongIds.set('ids', 'x');
    users.set('wrong-ids', wrongIds);

    const dialogue = doc.getXmlFragment(DocumentTypes.dialogue);
    dialogue.insert(dialogue.length, [new Y.XmlText('An XmlText straight in the section.')]);
    dialogue.insert(dialogue.length, [
      element(NodeNames.voice, { speakerName: { evil: 1 }, typistName: [1], speakerId: 7 }, 'Said by whom?'),
      element(NodeNames.voice, { speakerName: 'Anna', speakerId: 'anna' }, READABLE.voice),
      element('script', { src: 'x' }, 'An element the schema does not know.'),
    ]);
    const marked = new Y.XmlText();
    marked.insert(0, 'Marked text.', {
      link: { href: 'javascript:alert(1)' },
      [MarkNames.laterAddition]: { authorName: 5, at: '<img src=x onerror=alert(1)>' },
    });
    const markedParagraph = new Y.XmlElement('paragraph');
    markedParagraph.insert(0, [marked]);
    dialogue.insert(dialogue.length, [markedParagraph]);
    nest(dialogue, 'paragraph', nesting.paragraphs, READABLE.deep);

    const reflections = doc.getXmlFragment(DocumentTypes.reflections);
    nest(reflections, 'blockquote', nesting.quotes, 'Quoted very deep.');
    const reflection = element(NodeNames.reflection, { authorName: 42 }, 'I wonder.');
    reflections.insert(reflections.length, [reflection]);
    nest(reflection, NodeNames.response, 500, 'Responses in responses.');

    const plan = doc.getXmlFragment(DocumentTypes.plan);
    plan.insert(0, [
      element(
        NodeNames.planItem,
        {
          agrees: [1, { name: 2 }, null, { id: 'eeva', name: 'Eeva' }],
          differs: 'nobody',
          doerName: { evil: 1 },
          byWhen: 7,
          status: 5,
          proposedByName: ['x'],
        },
        'A plan item with every attribute wrong.',
      ),
      element(NodeNames.planItem, { proposedByName: 'Eeva', status: 'open' }, READABLE.plan),
    ]);
    nest(plan, NodeNames.planItem, 100, 'Plan items in plan items.');
    const questions = doc.getXmlFragment(DocumentTypes.openQuestions);
    questions.insert(0, [
      element(NodeNames.openQuestion, { raisedByName: { evil: 1 }, status: [] }, 'Who knows?'),
    ]);
  });
  return Y.encodeStateAsUpdate(doc);
}
