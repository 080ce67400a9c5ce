/** Going back to a version: what was changed since comes back, afterthoughts stay, nothing else moves. */
import { MarkNames } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { revertToVersion } from './revertToVersion.js';

const LATER = (authorName: string) => ({
  [MarkNames.laterAddition]: { authorId: `id-${authorName}`, authorName, at: '2030-03-02T09:00:00.000Z' },
});

/** A block holding one paragraph of text. */
function block(name: string, text: string, attributes: Record<string, string> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

/** The paragraphs' text of a section, one string per top-level block. */
function blocks(doc: Y.Doc, section: string): string[] {
  return doc
    .getXmlFragment(section)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? textOf(node) : ''));
}

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]+>/g, '');
  return node
    .toArray()
    .map((child) => textOf(child as Y.XmlElement | Y.XmlText))
    .join(' / ');
}

/** The text of the runs marked as added later, with their authors. */
function laterRuns(doc: Y.Doc, section: string): string[] {
  const runs: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as {
        insert: unknown;
        attributes?: Record<string, { authorName: string }>;
      }[]) {
        const later = op.attributes?.[MarkNames.laterAddition];
        if (later && typeof op.insert === 'string') runs.push(`${later.authorName}: ${op.insert}`);
      }
      return;
    }
    for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText);
  };
  visit(doc.getXmlFragment(section));
  return runs;
}

/** A writer of the meeting: a document of its own, synced by hand with the server's. */
function person(server: Y.Doc, participantId: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  new Y.PermanentUserData(doc, doc.getMap('users')).setUserMapping(doc, doc.clientID, participantId);
  return doc;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('revertToVersion', () => {
  it('brings back what was deleted and removes what was written since, but keeps every afterthought', async () => {
    const server = new Y.Doc({ gc: false });
    const maria = person(server, 'maria');
    const dialogue = maria.getXmlFragment('dialogue');
    const reflections = maria.getXmlFragment('reflections');
    dialogue.insert(0, [
      block('voiceBlock', 'We talked about the nights.', { speakerName: 'Maria' }),
      block('voiceBlock', 'Anna slept better on Thursday.', { speakerName: 'Anna' }),
    ]);
    reflections.insert(0, [block('reflection', 'I wonder about Sundays.', { authorName: 'Maria' })]);
    sync(maria, server);
    // The version: as the meeting was closed.
    const version = Y.snapshot(server);
    maria.getMap('meta').set('closed', true);

    // After closing: the nurse adds a crisis phone number as a block of its own, Anna adds a response
    // under the reflection and a few words to her own sentence; Maria, by mistake, deletes Anna's
    // sentence, writes something unmarked (an older client) and changes a speaker.
    const kaisa = person(server, 'kaisa');
    sync(maria, kaisa);
    const crisis = new Y.XmlElement('voiceBlock');
    crisis.setAttribute('speakerName', 'Kaisa');
    const crisisParagraph = new Y.XmlElement('paragraph');
    const crisisText = new Y.XmlText();
    crisisParagraph.insert(0, [crisisText]);
    crisis.insert(0, [crisisParagraph]);
    kaisa.getXmlFragment('dialogue').insert(2, [crisis]);
    crisisText.insert(0, 'Crisis line, day and night: 0800 123 456.', LATER('Kaisa'));
    sync(kaisa, server);

    const anna = person(server, 'anna');
    const response = new Y.XmlElement('response');
    response.setAttribute('authorName', 'Anna');
    const responseParagraph = new Y.XmlElement('paragraph');
    const responseText = new Y.XmlText();
    responseParagraph.insert(0, [responseText]);
    response.insert(0, [responseParagraph]);
    const reflection = anna.getXmlFragment('reflections').get(0) as Y.XmlElement;
    reflection.insert(1, [response]);
    responseText.insert(0, 'Sundays are when I miss my father.', LATER('Anna'));
    const annaSentence = (
      (anna.getXmlFragment('dialogue').get(1) as Y.XmlElement).get(0) as Y.XmlElement
    ).get(0) as Y.XmlText;
    annaSentence.insert(annaSentence.length, ' And on Friday.', LATER('Anna'));
    sync(anna, server);
    sync(server, maria);
    const mariasDialogue = maria.getXmlFragment('dialogue');
    const first = mariasDialogue.get(0) as Y.XmlElement;
    first.setAttribute('speakerName', 'Somebody else');
    ((first.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Unmarked: ');
    sync(maria, server);
    sync(server, maria);
    // The deletion of a sentence that holds an afterthought takes the afterthought with it: it is not
    // in the living document any more, and going back brings both back.
    mariasDialogue.delete(1, 1);
    sync(maria, server);
    expect(blocks(server, 'dialogue')).toEqual([
      'Unmarked: We talked about the nights.',
      'Crisis line, day and night: 0800 123 456.',
    ]);

    const { update, keptLaterAdditions } = await revertToVersion(server, version, 'anna');
    Y.applyUpdate(server, update);

    expect(blocks(server, 'dialogue')).toEqual([
      'We talked about the nights.',
      'Anna slept better on Thursday.',
      'Crisis line, day and night: 0800 123 456.',
    ]);
    expect((server.getXmlFragment('dialogue').get(0) as Y.XmlElement).getAttribute('speakerName')).toBe(
      'Maria',
    );
    // The crisis line keeps its block, its speaker and its mark; Anna's response stays under the reflection.
    const kept = server.getXmlFragment('dialogue').get(2) as Y.XmlElement;
    expect(kept.getAttribute('speakerName')).toBe('Kaisa');
    expect(laterRuns(server, 'dialogue')).toEqual(['Kaisa: Crisis line, day and night: 0800 123 456.']);
    expect(blocks(server, 'reflections')).toEqual([
      'I wonder about Sundays. / Sundays are when I miss my father.',
    ]);
    expect(laterRuns(server, 'reflections')).toEqual(['Anna: Sundays are when I miss my father.']);
    expect(keptLaterAdditions).toBe(2);
    // The meta map is not the undo's business.
    expect(server.getMap('meta').get('closed')).toBe(true);
  });

  it('writes as the person going back: the new items belong to a client id mapped to them', async () => {
    const server = new Y.Doc({ gc: false });
    const eeva = person(server, 'eeva');
    eeva.getXmlFragment('dialogue').insert(0, [block('voiceBlock', 'The first words.')]);
    sync(eeva, server);
    const version = Y.snapshot(server);
    eeva.getXmlFragment('dialogue').delete(0, 1);
    eeva.getXmlFragment('dialogue').insert(0, [block('voiceBlock', 'Something else.')]);
    sync(eeva, server);
    const before = Y.encodeStateVector(server);

    const { update, keptLaterAdditions } = await revertToVersion(server, version, 'maria');
    Y.applyUpdate(server, update);

    expect(keptLaterAdditions).toBe(0);
    expect(blocks(server, 'dialogue')).toEqual(['The first words.']);
    const mariaIds = server.getMap<Y.Map<Y.Array<number>>>('users').get('maria')?.get('ids')?.toArray() ?? [];
    expect(mariaIds).toHaveLength(1);
    const grown = Y.decodeStateVector(Y.encodeStateVector(server));
    const earlier = Y.decodeStateVector(before);
    const writers = [...grown].filter(([client, clock]) => clock > (earlier.get(client) ?? 0));
    expect(writers.map(([client]) => client)).toEqual(mariaIds);
  });
});
