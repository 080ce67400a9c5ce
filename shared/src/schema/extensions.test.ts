import { describe, expect, it } from 'vitest';
import { MarkNames, NodeNames } from './document.js';
import { sectionSchema } from './extensions.js';

const said = (text: string) => ({
  type: NodeNames.voice,
  attrs: { speakerId: 'p1', speakerName: 'Grandad', typistId: 'p2', typistName: 'Anna' },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('section schema', () => {
  it('builds without a DOM, for each section and for all at once', () => {
    for (const section of ['dialogue', 'reflections', 'plan', 'openQuestions', undefined] as const) {
      const schema = sectionSchema(section);
      expect(Object.keys(schema.nodes)).toEqual(expect.arrayContaining(Object.values(NodeNames)));
      expect(schema.marks[MarkNames.laterAddition]).toBeDefined();
    }
  });

  it('accepts voice blocks in the dialogue and not in the plan', () => {
    const doc = { type: 'doc', content: [said('I was worried'), { type: 'paragraph' }] };
    expect(() => sectionSchema('dialogue').nodeFromJSON(doc).check()).not.toThrow();
    expect(() => sectionSchema('plan').nodeFromJSON(doc).check()).toThrow();
  });

  it('keeps responses under the reflection they answer', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: NodeNames.reflection,
          attrs: { authorId: 't1', authorName: 'Mia' },
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'I wonder whether…' }] },
            {
              type: NodeNames.response,
              attrs: { authorId: 'p1', authorName: 'Anna' },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Maybe.' }] }],
            },
          ],
        },
      ],
    };
    const node = sectionSchema('reflections').nodeFromJSON(doc);
    expect(() => node.check()).not.toThrow();
    expect(node.firstChild?.lastChild?.attrs.authorName).toBe('Anna');
  });

  it('gives plan items open status and empty agreement by default', () => {
    const item = sectionSchema('plan').nodes[NodeNames.planItem]!.createAndFill();
    expect(item?.attrs).toMatchObject({ status: 'open', agrees: [], differs: [], doerName: '' });
  });
});

describe('the base kit', () => {
  it('gives the very schema StarterKit gave, configured as it was, for every section', async () => {
    const { default: StarterKit } = await import('@tiptap/starter-kit');
    const { getSchema } = await import('@tiptap/core');
    const { sectionExtensions } = await import('./extensions.js');
    const asBefore = (section?: Parameters<typeof sectionExtensions>[0]) =>
      getSchema([
        StarterKit.configure({ document: false, undoRedo: false, link: false, codeBlock: false }),
        ...sectionExtensions(section).slice(1),
      ]);
    const spec = (schema: ReturnType<typeof getSchema>) => ({
      nodes: Object.entries(schema.nodes).map(([name, type]) => [
        name,
        type.spec,
        type.contentMatch.toString(),
      ]),
      marks: Object.entries(schema.marks).map(([name, type]) => [name, type.spec]),
      topNode: schema.topNodeType.name,
    });
    for (const section of ['dialogue', 'reflections', 'plan', 'openQuestions', undefined] as const) {
      expect(JSON.stringify(spec(sectionSchema(section)))).toBe(JSON.stringify(spec(asBefore(section))));
    }
  });
});
