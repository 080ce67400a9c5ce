/**
 * The readers see a block as the editor does: the same node (or none), the same attributes, the same
 * marks — compared here with what the editors' own ProseMirror schema makes of the same stored element.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksNamed, readBlock, readMarks } from './blocks.js';
import { DocumentTypes, MarkNames, NodeNames } from './document.js';
import { sectionSchema } from './extensions.js';
import { sectionTexts } from './text.js';

const schema = sectionSchema();

/** An element in a document (Yjs reads attributes only of integrated types). */
function stored(name: string, attributes: Record<string, unknown>, text = 'words'): Y.XmlElement {
  const doc = new Y.Doc();
  const element = new Y.XmlElement(name);
  doc.getXmlFragment(DocumentTypes.dialogue).insert(0, [element]);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

describe("a block as the editors' schema sees it", () => {
  it('has, for every node of the editors, exactly the attributes the editor would give it', () => {
    for (const [name, type] of Object.entries(schema.nodes)) {
      if (type.isText || type === schema.topNodeType) continue;
      const declared = Object.keys(type.spec.attrs ?? {});
      // Half the declared attributes stored, and one the editor does not have.
      const attributes = Object.fromEntries(
        declared.filter((_, index) => index % 2 === 0).map((key) => [key, `${key} value`]),
      );
      const element = stored(name, { ...attributes, notTheEditors: 'x' });
      const block = readBlock(element);
      expect(block, name).toEqual({
        name,
        known: true,
        // What the editor's node of the same stored attributes holds (content filled in as needed).
        attrs: type.createAndFill(element.getAttributes())?.attrs,
      });
      expect(block.attrs, name).not.toHaveProperty('notTheEditors');
    }
  });

  it('fills in what the editor shows when nothing is stored: a plan item without a status is open', () => {
    const block = readBlock(stored(NodeNames.planItem, {}));
    expect(block.attrs.status).toBe('open');
    expect(block.attrs.agrees).toEqual([]);
  });

  it('knows no node the editors do not have (an old or foreign name), nor their top node', () => {
    expect(readBlock(stored('speech', { speakerName: 'Eeva' }))).toEqual({
      name: 'speech',
      known: false,
      attrs: {},
    });
    expect(readBlock(stored('doc', {})).known).toBe(false);
    expect(readBlock(stored('text', {})).known).toBe(false);
  });

  it('reads the marks the editor has, with their attributes, and no other', () => {
    const marks = readMarks({
      bold: {},
      [MarkNames.laterAddition]: { authorName: 'Eeva', at: '2026-11-22T10:00:00.000Z', extra: 1 },
      highlight: { color: 'red' },
      italic: null,
    });
    expect(Object.keys(marks).sort()).toEqual(['bold', MarkNames.laterAddition]);
    expect(marks[MarkNames.laterAddition]).toEqual(
      schema.mark(MarkNames.laterAddition, { authorName: 'Eeva', at: '2026-11-22T10:00:00.000Z' }).attrs,
    );
  });

  it("lists a section's blocks of one node, as the editor has them", () => {
    const doc = new Y.Doc();
    const plan = doc.getXmlFragment(DocumentTypes.plan);
    plan.insert(0, [new Y.XmlElement(NodeNames.planItem), new Y.XmlElement('planitem'), new Y.XmlText('x')]);
    expect(blocksNamed(plan, NodeNames.planItem)).toHaveLength(1);
  });

  it('shows a node the editors do not have as its text, not as someone’s words (the plain view, search)', () => {
    const doc = new Y.Doc();
    const dialogue = doc.getXmlFragment(DocumentTypes.dialogue);
    const speech = new Y.XmlElement('speech');
    const voice = new Y.XmlElement(NodeNames.voice);
    dialogue.insert(0, [speech, voice]);
    speech.setAttribute('speakerName', 'Eeva');
    voice.setAttribute('speakerName', 'Anna');
    for (const [element, text] of [
      [speech, 'An old block.'],
      [voice, 'I slept at home.'],
    ] as const) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      element.insert(0, [paragraph]);
    }
    expect(sectionTexts(doc, DocumentTypes.dialogue)).toEqual(['An old block.', 'Anna: I slept at home.']);
  });
});
