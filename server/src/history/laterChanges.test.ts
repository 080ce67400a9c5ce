/** Changes after closing to what was agreed: found against the version as agreed, written once, folded. */
import { agreedParts, type LaterChange, readLaterChanges } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findLaterChanges, writeLaterChanges } from './laterChanges.js';

function planItem(text: string, agrees: { id: string; name: string }[]): Y.XmlElement {
  const element = new Y.XmlElement('planItem');
  element.setAttribute('proposedByName', 'Maria');
  element.setAttribute('agrees', agrees as unknown as string);
  element.setAttribute('differs', [] as unknown as string);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

/** A meeting at closing: a plan item Anna agrees with, an open question, the next meeting. */
function closedMeeting() {
  const doc = new Y.Doc({ gc: false });
  doc.getXmlFragment('plan').insert(0, [planItem('Maria phones on Monday.', [{ id: 'anna', name: 'Anna' }])]);
  const question = new Y.XmlElement('openQuestion');
  question.setAttribute('status', 'open');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Will the new medicine help?')]);
  question.insert(0, [paragraph]);
  doc.getXmlFragment('openQuestions').insert(0, [question]);
  doc.getMap('meta').set('nextMeeting', { when: '2030-03-07T09:00:00.000Z', convenerName: 'Maria' });
  doc.getMap('meta').set('closed', true);
  const agreed = Y.encodeStateAsUpdate(doc);
  const frozen = new Y.Doc();
  Y.applyUpdate(frozen, agreed);
  return { doc, baseline: agreedParts(frozen) };
}

/** Write what was found, as the recorder does, by `who` at `at`. */
function record(
  doc: Y.Doc,
  baseline: ReturnType<typeof agreedParts>,
  who: string,
  at: string,
): LaterChange[] {
  const found = findLaterChanges(baseline, doc);
  writeLaterChanges(
    doc,
    found.map(({ clients: _clients, byWriters: _byWriters, ...change }) => ({
      ...change,
      at,
      by: [{ id: who, name: who }],
    })) as LaterChange[],
  );
  return readLaterChanges(doc);
}

describe('changes after the meeting', () => {
  it('finds a change of who agrees and who sees it differently, with the client that made it', () => {
    const { doc, baseline } = closedMeeting();
    expect(findLaterChanges(baseline, doc)).toEqual([]);
    const item = doc.getXmlFragment('plan').get(0) as Y.XmlElement;
    item.setAttribute('differs', [
      { id: 'liisa', name: 'Liisa', view: 'I would rather she called on Tuesday.' },
    ] as unknown as string);
    const [found, ...rest] = findLaterChanges(baseline, doc);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      what: 'planItem',
      change: 'changed',
      before: { differs: [], agrees: [{ name: 'Anna' }] },
      after: { differs: [{ name: 'Liisa', view: 'I would rather she called on Tuesday.' }] },
      clients: [doc.clientID],
      byWriters: false,
    });
  });

  it('records each change once, folds one person’s changes, and drops a change undone', () => {
    const { doc, baseline } = closedMeeting();
    const item = doc.getXmlFragment('plan').get(0) as Y.XmlElement;
    item.setAttribute('agrees', [] as unknown as string);
    let changes = record(doc, baseline, 'anna', '2030-03-02T10:00:00.000Z');
    expect(changes).toHaveLength(1);
    // Nothing new: nothing more.
    expect(record(doc, baseline, 'anna', '2030-03-02T10:01:00.000Z')).toHaveLength(1);
    // Anna again, a minute later: one change from what was agreed to what it is now.
    item.setAttribute('differs', [{ id: 'anna', name: 'Anna' }] as unknown as string);
    changes = record(doc, baseline, 'anna', '2030-03-02T10:02:00.000Z');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      at: '2030-03-02T10:02:00.000Z',
      before: { agrees: [{ name: 'Anna' }], differs: [] },
      after: { agrees: [], differs: [{ name: 'Anna' }] },
    });
    // Someone else: a change of its own, from where Anna left it.
    item.setAttribute('doerName', 'Liisa');
    changes = record(doc, baseline, 'liisa', '2030-03-02T10:03:00.000Z');
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ before: { doerName: '' }, after: { doerName: 'Liisa' } });
    // Liisa takes it back at once: her entry goes, Anna's stays.
    item.setAttribute('doerName', '');
    changes = record(doc, baseline, 'liisa', '2030-03-02T10:04:00.000Z');
    expect(changes.map((change) => change.by[0]?.name)).toEqual(['anna']);
  });

  it('finds the next meeting and "no decisions today" changed, a question closed, an item removed and brought back', () => {
    const { doc, baseline } = closedMeeting();
    doc.getMap('meta').set('nextMeeting', { when: 'when_needed', convenerName: 'Maria' });
    doc.getMap('meta').set('noDecisionsToday', true);
    (doc.getXmlFragment('openQuestions').get(0) as Y.XmlElement).setAttribute('status', 'closed');
    let changes = record(doc, baseline, 'maria', '2030-03-02T10:00:00.000Z');
    expect(changes.map((change) => [change.what, change.change])).toEqual([
      ['openQuestion', 'changed'],
      ['noDecisionsToday', 'changed'],
      ['nextMeeting', 'changed'],
    ]);
    expect(changes[2]).toMatchObject({
      before: { when: '2030-03-07T09:00:00.000Z', convenerName: 'Maria' },
      after: { when: 'when_needed' },
    });

    const removed = (doc.getXmlFragment('plan').get(0) as Y.XmlElement).clone();
    doc.getXmlFragment('plan').delete(0, 1);
    changes = record(doc, baseline, 'liisa', '2030-03-02T11:00:00.000Z');
    expect(changes.at(-1)).toMatchObject({
      what: 'planItem',
      change: 'removed',
      before: { text: 'Maria phones on Monday.', agrees: [{ name: 'Anna' }] },
      after: null,
    });
    // Written again with the same text (going back to a version does that): the same item, back.
    doc.getXmlFragment('plan').insert(0, [removed]);
    changes = record(doc, baseline, 'anna', '2030-03-02T12:00:00.000Z');
    expect(changes.at(-1)).toMatchObject({
      what: 'planItem',
      change: 'added',
      agreedItem: expect.any(String),
    });
    expect(findLaterChanges(baseline, doc)).toEqual([]);
    // A plan item new after the meeting is said once.
    doc.getXmlFragment('plan').insert(1, [planItem('Anna writes to her teacher.', [])]);
    changes = record(doc, baseline, 'anna', '2030-03-02T12:30:00.000Z');
    expect(changes.at(-1)).toMatchObject({ change: 'added', after: { text: 'Anna writes to her teacher.' } });
    expect(changes.at(-1)).not.toHaveProperty('agreedItem');
    (doc.getXmlFragment('plan').get(1) as Y.XmlElement).setAttribute('status', 'done');
    expect(findLaterChanges(baseline, doc)).toEqual([]);
  });

  it('reads only entries that make sense', () => {
    const { doc, baseline } = closedMeeting();
    doc
      .getArray('laterChanges')
      .push([
        'nonsense',
        { what: 'planItem', change: 'changed', at: 'yesterday', by: [] },
        { what: 'nextMeeting', change: 'changed', at: '2030-03-02T10:00:00.000Z', by: 'Maria' },
        { what: 'noDecisionsToday', change: 'changed', at: '2030-03-02T10:00:00.000Z', by: [{ name: 7 }] },
      ]);
    expect(readLaterChanges(doc)).toMatchObject([{ what: 'noDecisionsToday', by: [] }]);
    // An entry that cannot be read does not stop the comparison.
    doc.getMap('meta').set('noDecisionsToday', true);
    expect(findLaterChanges(baseline, doc).map((change) => change.what)).toEqual(['noDecisionsToday']);
  });
});
