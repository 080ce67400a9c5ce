import { DocumentTypes, MetaKeys, NodeNames } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planItemLines, seedMeeting, textOf } from './meetingDocument.js';

function item(name: string, text: string, attributes: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

describe('meeting document', () => {
  it('carries open plan items and open questions to the next meeting, with their attributes', () => {
    const previous = new Y.Doc();
    previous
      .getXmlFragment(DocumentTypes.plan)
      .insert(0, [
        item(NodeNames.planItem, 'Anna sees the GP', { status: 'open', proposedByName: 'Anna' }),
        item(NodeNames.planItem, 'Mother calls on Sunday', { status: 'done' }),
      ]);
    previous
      .getXmlFragment(DocumentTypes.openQuestions)
      .insert(0, [
        item(NodeNames.openQuestion, 'Will work allow time off?', { status: 'open' }),
        item(NodeNames.openQuestion, 'Where to sleep', { status: 'closed' }),
      ]);
    const next = new Y.Doc();
    const carried = seedMeeting(next, { title: 'Meeting 2', startedAt: '2026-11-22T10:00:00Z' }, previous);
    expect(carried).toEqual({ planItems: 1, questions: 1 });
    expect(planItemLines(next)).toEqual(['Anna sees the GP']);
    const plan = next.getXmlFragment(DocumentTypes.plan).get(0) as Y.XmlElement;
    expect(plan.getAttribute('proposedByName')).toBe('Anna');
    expect(textOf(next.getXmlFragment(DocumentTypes.openQuestions))).toBe('Will work allow time off?');
    expect(next.getMap(DocumentTypes.meta).get(MetaKeys.title)).toBe('Meeting 2');
  });
});
