/**
 * A realistic network meeting document for the load generator: the sections of DESIGN.md's meeting
 * document in its schema, a few things eight people already said, reflected and planned — and the
 * words people type next.
 */
import * as Y from 'yjs';

const SAID = [
  'Anna says the nights have been the hardest part since the move, and that she sleeps in the afternoon.',
  'Her mother wonders whether the new medication makes her restless; she noticed it on the phone.',
  'Jonas, her partner, would like to understand what the team means by a crisis plan.',
  'The nurse asks what has helped before, and Anna mentions walking by the river with her sister.',
  'Everyone agrees to keep talking about work later, not today.',
  'Her sister is not sure she can come every week, but wants to be asked.',
];

const TYPED =
  'I wonder whether the mornings could be different if someone were there when she wakes up ' +
  'and what it would mean for Jonas to say out loud that he is tired too ';

/** The character a typist types at its n-th keystroke. */
export function typedCharacter(n: number): string {
  return TYPED[n % TYPED.length] as string;
}

/** The person whose socket the load's editors write through (Polyphony knows who types). */
export interface BenchTypist {
  id: string;
  name: string;
}

/** The people of the meeting, by whose words the blocks are. */
const PEOPLE = ['Anna', 'Jonas', 'Eva', 'Lena', 'Maria', 'Tomas', 'Sami', 'Ida'];

function paragraph(text: string | Y.XmlText): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [typeof text === 'string' ? new Y.XmlText(text) : text]);
  return element;
}

/**
 * A block of the meeting schema (shared/src/schema/nodes.ts) with one paragraph. When the typist is
 * known, a block whose words are someone else's says who typed it, as Polyphony's editor writes it.
 */
function block(
  name: string,
  attributes: Record<string, string>,
  text: string | Y.XmlText,
  typist?: BenchTypist,
): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (name === 'voiceBlock' && typist) {
    element.setAttribute('typistId', typist.id);
    element.setAttribute('typistName', typist.name);
  }
  element.insert(0, [paragraph(text)]);
  return element;
}

/**
 * Write the meeting as it stands when the load begins; one transaction. It is in the meeting schema,
 * which Polyphony's server checks every update against; attendance is left out, because a person's
 * socket may only write their own (every editor of the load is one person).
 */
export function writeMeetingSkeleton(doc: Y.Doc, title: string, typist?: BenchTypist): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('title', title);
    meta.set('phase', 'dialogue');
    const dialogue = doc.getXmlFragment('dialogue');
    SAID.forEach((text, i) => {
      const speaker = PEOPLE[i % PEOPLE.length] as string;
      dialogue.insert(dialogue.length, [
        block('voiceBlock', { speakerId: `p${i % PEOPLE.length}`, speakerName: speaker }, text, typist),
      ]);
    });
    doc
      .getXmlFragment('reflections')
      .insert(0, [
        block(
          'reflection',
          { authorId: 'p5', authorName: 'Tomas' },
          'I am struck by how much care there is in this room for Anna.',
        ),
      ]);
    doc
      .getXmlFragment('plan')
      .insert(0, [
        block(
          'planItem',
          { proposedById: 'p4', proposedByName: 'Maria' },
          'Meet again on Thursday at Anna’s home.',
        ),
      ]);
    doc.getXmlFragment('openQuestions');
  });
}

/** A typist's own voice block at the end of the dialogue, which it then types into. */
export function startVoiceBlock(doc: Y.Doc, speaker: string, typist?: BenchTypist): Y.XmlText {
  const dialogue = doc.getXmlFragment('dialogue');
  const text = new Y.XmlText();
  dialogue.insert(dialogue.length, [
    block('voiceBlock', { speakerId: speaker, speakerName: speaker }, text, typist),
  ]);
  return text;
}
