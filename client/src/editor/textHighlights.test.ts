import { sectionSchema } from '@polyphony/shared/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textRuns } from './textHighlights';

/** Two writers on one document, as two browsers would be. */
function twoWriters() {
  const first = new Y.Doc();
  const second = new Y.Doc();
  first.on('update', (update: Uint8Array) => Y.applyUpdate(second, update));
  second.on('update', (update: Uint8Array) => Y.applyUpdate(first, update));
  return { first, second };
}

describe('text runs at ProseMirror positions', () => {
  it('counts positions as y-prosemirror lays out the section, run by run with their writers', () => {
    const { first, second } = twoWriters();
    const fragment = first.getXmlFragment('dialogue');
    const voice = new Y.XmlElement('voiceBlock');
    voice.setAttribute('speakerName', 'Liisa');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('We talked ');
    paragraph.insert(0, [text]);
    voice.insert(0, [paragraph]);
    const empty = new Y.XmlElement('paragraph');
    fragment.insert(0, [voice, empty]);
    // The other browser adds to the end of the sentence, then a second paragraph with a line break.
    const theirText = ((second.getXmlFragment('dialogue').get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    theirText.insert(theirText.length, 'about the nights.');
    const withBreak = new Y.XmlElement('paragraph');
    const before = new Y.XmlText('One');
    const hardBreak = new Y.XmlElement('hardBreak');
    const after = new Y.XmlText('two');
    withBreak.insert(0, [before, hardBreak, after]);
    second.getXmlFragment('dialogue').insert(2, [withBreak]);
    // A deleted piece leaves no positions behind.
    theirText.delete(0, 3);

    const schema = sectionSchema('dialogue');
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'voiceBlock',
          attrs: { speakerName: 'Liisa' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'talked about the nights.' }] }],
        },
        { type: 'paragraph' },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'One' }, { type: 'hardBreak' }, { type: 'text', text: 'two' }],
        },
      ],
    });
    const { runs, size } = textRuns(fragment, schema);
    expect(size).toBe(doc.content.size);
    const read = runs.map((run) => ({
      text: doc.textBetween(run.from, run.to),
      mine: run.item.id.client === first.clientID,
    }));
    expect(read).toEqual([
      { text: 'talked ', mine: true },
      { text: 'about the nights.', mine: false },
      { text: 'One', mine: false },
      { text: 'two', mine: false },
    ]);
  });
});
