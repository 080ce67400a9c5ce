/**
 * A long meeting, typed: `people` people typing one operation a second each for `hours` hours (an
 * 8-hour meeting of 8 is 230,400 operations), each into a voice block of their own in the dialogue, now
 * and then correcting a character, adding one in the middle, or starting a new block below everyone's. Built in one document whose
 * client id changes with the person typing, one transaction per operation, as keystrokes are; a seeded
 * random sequence makes it the same meeting every time.
 */
import { NodeNames } from '@polyphony/shared';
import * as Y from 'yjs';

/** The meeting as updates in causal order, each small enough for one WebSocket message. */
export interface LongMeeting {
  doc: Y.Doc;
  operations: number;
  /** Updates in the order they were typed, each under `chunkBytes`. */
  chunks: Uint8Array[];
  bytes: number;
}

/** Type a long meeting. */
export function typeLongMeeting(
  options: { people?: number; hours?: number; operations?: number; chunkBytes?: number } = {},
): LongMeeting {
  const people = options.people ?? 8;
  const operations = options.operations ?? people * (options.hours ?? 8) * 3600;
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: the same meeting every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const doc = new Y.Doc({ gc: false });
  const dialogue = doc.getXmlFragment('dialogue');
  const clientIds = Array.from({ length: people }, (_, i) => 1000 + i);
  const current: (Y.XmlText | null)[] = clientIds.map(() => null);
  const chunks: Uint8Array[] = [];
  let chunkStart = Y.encodeStateVector(doc);
  const words = 'we talked about sleep and the week ahead and what helps when nights are long '.split('');
  for (let op = 0; op < operations; op++) {
    const person = Math.floor(random() * people);
    doc.clientID = clientIds[person] as number;
    let text = current[person];
    const roll = random();
    doc.transact(() => {
      if (!text || roll < 0.004) {
        const block = new Y.XmlElement(NodeNames.voice);
        block.setAttribute('speakerId', `p${person}`);
        block.setAttribute('speakerName', `Person ${person}`);
        const paragraph = new Y.XmlElement('paragraph');
        text = new Y.XmlText();
        paragraph.insert(0, [text]);
        block.insert(0, [paragraph]);
        dialogue.insert(dialogue.length, [block]);
        current[person] = text;
      } else if (roll < 0.06 && text.length > 0) {
        // A correction somewhere in what they wrote.
        text.delete(Math.floor(random() * text.length), 1);
      } else if (roll < 0.2) {
        // A word added in the middle of what they wrote.
        text.insert(Math.floor(random() * (text.length + 1)), words[op % words.length] as string);
      } else {
        text.insert(text.length, words[op % words.length] as string);
      }
    });
    if (op % 2000 === 1999 || op === operations - 1) {
      const chunk = Y.encodeStateAsUpdate(doc, chunkStart);
      if (chunk.length > chunkBytes) throw new Error('a chunk of the long meeting is too large');
      chunks.push(chunk);
      chunkStart = Y.encodeStateVector(doc);
    }
  }
  return { doc, operations, chunks, bytes: Y.encodeStateAsUpdate(doc).length };
}
