/**
 * A realistic network meeting document for the load generator: the sections of DESIGN.md's meeting
 * document, eight people in attendance, a few things already said, reflected and planned — and the
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

/** Write the meeting as it stands when the load begins; one transaction. */
export function writeMeetingSkeleton(doc: Y.Doc, title: string): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('title', title);
    meta.set('startedAt', '2026-11-21T14:00:00.000Z');
    meta.set('phase', 'dialogue');
    meta.set('open', true);
    const attendance = doc.getMap('attendance');
    const people = [
      ['Anna', 'herself', 'person'],
      ['Jonas', 'partner', 'network'],
      ['Eva', 'mother', 'network'],
      ['Lena', 'sister', 'network'],
      ['Maria', 'psychiatric nurse', 'professional'],
      ['Tomas', 'psychiatrist', 'professional'],
      ['Sami', 'social worker', 'professional'],
      ['Ida', 'family therapist', 'professional'],
    ];
    people.forEach(([name, relation, role], i) => {
      attendance.set(`p${i}`, { name, relation, role, where: i === 2 ? 'remote' : 'room' });
    });
    const dialogue = doc.getXmlFragment('dialogue');
    SAID.forEach((text, i) => {
      const voice = new Y.XmlElement('voice');
      voice.setAttribute('speaker', `p${i % people.length}`);
      voice.insert(0, [new Y.XmlText(text)]);
      dialogue.insert(dialogue.length, [voice]);
    });
    const reflections = doc.getXmlFragment('reflections');
    const reflection = new Y.XmlElement('reflection');
    reflection.setAttribute('author', 'p5');
    reflection.insert(0, [new Y.XmlText('I am struck by how much care there is in this room for Anna.')]);
    reflections.insert(0, [reflection]);
    const plan = doc.getXmlFragment('plan');
    const item = new Y.XmlElement('planItem');
    item.setAttribute('proposedBy', 'p4');
    item.insert(0, [new Y.XmlText('Meet again on Thursday at Anna’s home.')]);
    plan.insert(0, [item]);
    doc.getXmlFragment('openQuestions');
  });
}

/** A typist's own voice block at the end of the dialogue, which it then types into. */
export function startVoiceBlock(doc: Y.Doc, speaker: string): Y.XmlText {
  const dialogue = doc.getXmlFragment('dialogue');
  const voice = new Y.XmlElement('voice');
  voice.setAttribute('speaker', speaker);
  const text = new Y.XmlText();
  voice.insert(0, [text]);
  dialogue.insert(dialogue.length, [voice]);
  return text;
}
