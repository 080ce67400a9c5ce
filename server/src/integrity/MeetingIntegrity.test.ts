import { attributeTo, DocumentTypes, MetaKeys, NodeNames } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedMeeting } from '../document/meetingDocument.js';
import { MeetingIntegrity, type Writer } from './MeetingIntegrity.js';

const maria: Writer = {
  participantId: 'maria',
  name: 'Maria',
  relation: 'psychiatric nurse',
  role: 'professional',
};
const eeva: Writer = { participantId: 'eeva', name: 'Eeva', relation: 'mother', role: 'network_member' };

/** A meeting as the server holds it, and a guard over it. */
function meeting() {
  const server = new Y.Doc({ gc: false });
  seedMeeting(server, { title: 'Meeting 1', startedAt: '2026-11-22T10:00:00.000Z' }, null);
  const integrity = new MeetingIntegrity({
    current: () => server,
    upToDate: () => server,
    behind: () => false,
  });
  /** A browser that has synced the meeting. */
  const browser = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  };
  /** What a browser's change sends, checked as `writer` and applied when accepted. */
  const send = (writer: Writer, doc: Y.Doc, change: (doc: Y.Doc) => void, live = true) => {
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(doc));
    const update = Y.encodeStateAsUpdate(doc, before);
    const inspection = integrity.inspect(writer, update);
    integrity.accepted(writer, inspection, live);
    Y.applyUpdate(server, update);
    integrity.correctTypists(server, writer, inspection);
    return inspection;
  };
  return { server, integrity, browser, send };
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function voice(attributes: Record<string, string>, text: string): Y.XmlElement {
  const element = new Y.XmlElement(NodeNames.voice);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.insert(0, [paragraph(text)]);
  return element;
}

const dialogue = (doc: Y.Doc) => doc.getXmlFragment(DocumentTypes.dialogue);
const refusedFor = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('who wrote what', () => {
  it("accepts a person's own voice block and their attribution, then their keystrokes", () => {
    const { browser, send, server } = meeting();
    const doc = browser();
    send(maria, doc, (d) => attributeTo(d, maria.participantId));
    send(maria, doc, (d) =>
      dialogue(d).insert(0, [voice({ speakerId: 'maria', speakerName: 'Maria' }, 'Hello')]),
    );
    const text = ((dialogue(doc).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const typed = send(maria, doc, () => text.insert(5, ' there'));
    expect(typed.fresh).toBe(true);
    expect(dialogue(server).toString()).toContain('Hello there');
  });

  it('refuses new content written with a client id that belongs to someone else', () => {
    const { browser, send, integrity } = meeting();
    const annaDoc = browser();
    send(maria, annaDoc, (d) => dialogue(d).insert(0, [paragraph('Mine')]));
    // Another browser takes Maria's client id and writes as her.
    const forged = browser();
    forged.clientID = annaDoc.clientID;
    const before = Y.encodeStateVector(forged);
    dialogue(forged).insert(1, [paragraph('Forged')]);
    const update = Y.encodeStateAsUpdate(forged, before);
    expect(refusedFor(() => integrity.inspect(eeva, update))).toMatch(/belongs to someone else/);
  });

  it('never counts content the document already holds as a claim, nor as new', () => {
    const { browser, send, server, integrity } = meeting();
    const doc = browser();
    send(maria, doc, (d) => dialogue(d).insert(0, [paragraph('Said by Maria')]));
    // Eeva's browser sends back everything it holds, Maria's content included.
    const resent = integrity.inspect(eeva, Y.encodeStateAsUpdate(server));
    expect(resent.fresh).toBe(false);
    expect(resent.unclaimed).toEqual([]);
  });

  it("refuses writing or deleting someone else's users entry, and listing their client id", () => {
    const { browser, send, integrity } = meeting();
    const mariaDoc = browser();
    send(maria, mariaDoc, (d) => {
      attributeTo(d, maria.participantId);
    });
    const eevaDoc = browser();
    Y.applyUpdate(eevaDoc, Y.encodeStateAsUpdate(mariaDoc));
    const attempt = (change: (d: Y.Doc) => void) => {
      const before = Y.encodeStateVector(eevaDoc);
      const copy = new Y.Doc();
      copy.clientID = eevaDoc.clientID;
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(eevaDoc));
      copy.transact(() => change(copy));
      return refusedFor(() => integrity.inspect(eeva, Y.encodeStateAsUpdate(copy, before)));
    };
    expect(attempt((d) => d.getMap(DocumentTypes.users).set('maria', new Y.Map()))).toMatch(/someone else/);
    expect(attempt((d) => d.getMap(DocumentTypes.users).delete('maria'))).toMatch(/someone else/);
    expect(
      attempt((d) => {
        const entry = new Y.Map<Y.Array<number>>();
        entry.set('ids', Y.Array.from<number>([mariaDoc.clientID]));
        entry.set('ds', new Y.Array<number>());
        d.getMap(DocumentTypes.users).set('eeva', entry);
      }),
    ).toMatch(/client id \d+ of someone else/);
    expect(attempt((d) => d.getMap(DocumentTypes.users).set('eeva', 5 as unknown as Y.Map<unknown>))).toMatch(
      /not a map/,
    );
    expect(attempt((d) => attributeTo(d, 'eeva'))).toBeNull();
  });

  it('shows who typed a voice block written for someone else, whatever the block said', () => {
    const { browser, send, server } = meeting();
    const doc = browser();
    // Maria writes words as Anna's own, with nobody named as typist.
    send(maria, doc, (d) =>
      dialogue(d).insert(0, [voice({ speakerId: 'anna', speakerName: 'Anna' }, 'I am fine')]),
    );
    const block = dialogue(server).get(0) as Y.XmlElement;
    expect(block.getAttribute('typistId')).toBe('maria');
    expect(block.getAttribute('typistName')).toBe('Maria');
    // Typing for someone, saying so, is left as it is.
    send(maria, doc, (d) =>
      dialogue(d).insert(1, [
        voice({ speakerId: 'grandad', speakerName: 'Grandad', typistId: 'maria', typistName: 'Maria' }, 'Hi'),
      ]),
    );
    expect(dialogue(server).length).toBe(2);
    // Naming someone else as typist is corrected too.
    send(maria, doc, (d) =>
      dialogue(d).insert(2, [
        voice({ speakerId: 'grandad', speakerName: 'Grandad', typistId: 'eeva', typistName: 'Eeva' }, 'x'),
      ]),
    );
    expect((dialogue(server).get(2) as Y.XmlElement).getAttribute('typistName')).toBe('Maria');
  });
});

describe('the schema at the door', () => {
  const hostile: [string, (doc: Y.Doc) => void][] = [
    [
      'an attendance entry with a numeric name',
      (d) =>
        d.getMap('attendance').set('maria', { name: 5, relation: '', role: 'professional', where: 'room' }),
    ],
    [
      "someone else's attendance",
      (d) =>
        d
          .getMap('attendance')
          .set('anna', { name: 'Anna', relation: '', role: 'person_at_centre', where: 'room' }),
    ],
    [
      'plan agreement names that are numbers',
      (d) => {
        const item = new Y.XmlElement(NodeNames.planItem);
        item.setAttribute('agrees', [{ id: 1, name: 2 }] as unknown as string);
        item.insert(0, [paragraph('Call')]);
        d.getXmlFragment('plan').insert(0, [item]);
      },
    ],
    [
      'a users entry that is not a map',
      (d) => d.getMap('users').set('maria', 'x' as unknown as Y.Map<unknown>),
    ],
    [
      'loose text directly in a section',
      (d) => d.getXmlFragment('dialogue').insert(0, [new Y.XmlText('loose')]),
    ],
    ['a string straight into a section', (d) => d.getText('dialogue').insert(0, 'loose')],
    [
      '3,000 nested blockquotes',
      (d) => {
        // Built one level at a time: Yjs integrates an element it is given whole recursively.
        let parent: Y.XmlFragment = d.getXmlFragment('dialogue');
        for (let i = 0; i < 3000; i++) {
          const quote = new Y.XmlElement('blockquote');
          parent.insert(0, [quote]);
          parent = quote;
        }
        parent.insert(0, [paragraph('deep')]);
      },
    ],
    [
      'markup in a time field',
      (d) =>
        d
          .getMap('meta')
          .set(MetaKeys.nextMeeting, { when: '<img src=x onerror=alert(1)>', convenerName: 'Maria' }),
    ],
    ['closing the meeting from a browser', (d) => d.getMap('meta').set(MetaKeys.closed, true)],
    [
      'a write to the server’s record of later changes',
      (d) => d.getArray(DocumentTypes.laterChanges).push([{ what: 'nextMeeting', change: 'changed' }]),
    ],
    [
      'a block the schema does not know',
      (d) => d.getXmlFragment('plan').insert(0, [new Y.XmlElement('script')]),
    ],
    [
      'a voice block in the plan',
      (d) => d.getXmlFragment('plan').insert(0, [voice({ speakerName: 'x' }, 'y')]),
    ],
    [
      'a mark the schema does not know',
      (d) => {
        const text = new Y.XmlText();
        text.insert(0, 'x', { link: { href: 'javascript:alert(1)' } });
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [text]);
        d.getXmlFragment('dialogue').insert(0, [p]);
      },
    ],
  ];
  for (const [name, change] of hostile) {
    it(`refuses ${name}`, () => {
      const { browser, integrity } = meeting();
      const doc = browser();
      const before = Y.encodeStateVector(doc);
      doc.transact(() => change(doc));
      expect(refusedFor(() => integrity.inspect(maria, Y.encodeStateAsUpdate(doc, before)))).toMatch(
        /refused/,
      );
    });
  }

  it('accepts what the editors write: lists, quotes, marks, plan items, a next meeting', () => {
    const { browser, send } = meeting();
    const doc = browser();
    const inspection = send(maria, doc, (d) => {
      const text = new Y.XmlText();
      text.insert(0, 'later', {
        laterAddition: { authorId: 'maria', authorName: 'Maria', at: '2026-11-23T09:00:00.000Z' },
      });
      text.insert(0, 'bold ', { bold: {} });
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      const item = new Y.XmlElement('listItem');
      item.insert(0, [p]);
      const list = new Y.XmlElement('bulletList');
      list.insert(0, [item]);
      const quote = new Y.XmlElement('blockquote');
      quote.insert(0, [list]);
      d.getXmlFragment('reflections').insert(0, [quote]);
      const plan = new Y.XmlElement(NodeNames.planItem);
      plan.setAttribute('agrees', [{ id: 'maria', name: 'Maria' }] as unknown as string);
      plan.setAttribute('status', 'done');
      plan.insert(0, [paragraph('Call')]);
      d.getXmlFragment('plan').insert(0, [plan]);
      d.getMap('meta').set(MetaKeys.nextMeeting, { when: '2026-11-29T12:00:00.000Z', convenerName: 'Maria' });
      d.getMap('meta').set(MetaKeys.phase, 'reflecting');
      d.getMap('attendance').set('maria', {
        name: 'Maria',
        relation: 'psychiatric nurse',
        role: 'professional',
        where: 'room',
      });
      // A top-level type the schema does not name is nobody's concern.
      d.getText('notes').insert(0, 'scratch');
    });
    expect(inspection.fresh).toBe(true);
  });

  it('leaves content that waits on a missing dependency to Yjs, and claims its client id', () => {
    const { browser, integrity } = meeting();
    const doc = browser();
    const p = paragraph('first');
    dialogue(doc).insert(0, [p]);
    const text = p.get(0) as Y.XmlText;
    const before = Y.encodeStateVector(doc);
    text.insert(5, ' and more');
    // Only the second edit: its left neighbour is nowhere the server knows.
    const inspection = integrity.inspect(maria, Y.encodeStateAsUpdate(doc, before));
    expect(inspection.unplaced).toBe(true);
    expect(inspection.unclaimed).toEqual([doc.clientID]);
  });

  it('checks a keystroke in microseconds (report)', () => {
    const { browser, send, integrity } = meeting();
    const doc = browser();
    send(maria, doc, (d) =>
      dialogue(d).insert(0, [voice({ speakerId: 'maria', speakerName: 'Maria' }, 'x')]),
    );
    const text = ((dialogue(doc).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const keystrokes: Uint8Array[] = [];
    const capture = (update: Uint8Array) => keystrokes.push(update);
    doc.on('update', capture);
    for (let i = 0; i < 2000; i++) text.insert(text.length, 'a');
    doc.off('update', capture);
    // Each keystroke checked against the document holding all earlier ones, as on the server.
    const { server } = meeting();
    const probe = new MeetingIntegrity({
      current: () => server,
      upToDate: () => server,
      behind: () => false,
    });
    void integrity;
    Y.applyUpdate(server, keystrokes.shift() as Uint8Array);
    let spent = 0;
    for (const update of keystrokes) {
      const started = performance.now();
      probe.inspect(maria, update);
      spent += performance.now() - started;
      Y.applyUpdate(server, update);
    }
    const perKeystroke = (spent * 1000) / keystrokes.length;
    console.log(
      `inspecting a keystroke-sized update (${keystrokes[0]?.length} bytes): ${perKeystroke.toFixed(1)} µs`,
    );
    expect(perKeystroke).toBeGreaterThan(0);
  });
});

/**
 * A meeting whose document applies accepted updates later, together, as a Room's does (LazyDocument):
 * `upToDate` applies what waits and counts how often it had to.
 */
function lazyMeeting() {
  const server = new Y.Doc({ gc: false });
  seedMeeting(server, { title: 'Meeting 1', startedAt: '2026-11-22T10:00:00.000Z' }, null);
  const waiting: Uint8Array[] = [];
  let broughtUpToDate = 0;
  const integrity = new MeetingIntegrity({
    current: () => server,
    upToDate: () => {
      broughtUpToDate++;
      server.transact(() => {
        for (const update of waiting.splice(0)) Y.applyUpdate(server, update);
      });
      return server;
    },
    behind: () => waiting.length > 0,
  });
  const browser = new Y.Doc();
  Y.applyUpdate(browser, Y.encodeStateAsUpdate(server));
  const send = (writer: Writer, change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(browser);
    browser.transact(() => change(browser));
    const update = Y.encodeStateAsUpdate(browser, before);
    const inspection = integrity.inspect(writer, update);
    if (inspection.fresh) {
      integrity.accepted(writer, inspection, true);
      waiting.push(update);
    }
    return { inspection, update };
  };
  return { server, integrity, browser, send, waiting, broughtUpToDate: () => broughtUpToDate };
}

describe('updates checked before the document has applied the ones before them', () => {
  it('places keystrokes after ones not applied yet without bringing the document up to date', () => {
    const meeting = lazyMeeting();
    meeting.send(maria, (d) => attributeTo(d, maria.participantId));
    meeting.send(maria, (d) =>
      dialogue(d).insert(0, [voice({ speakerId: 'maria', speakerName: 'Maria' }, 'Hello')]),
    );
    const text = ((dialogue(meeting.browser).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    for (const character of ' there') {
      const { inspection } = meeting.send(maria, () => text.insert(text.length, character));
      expect(inspection.fresh).toBe(true);
    }
    expect(meeting.broughtUpToDate()).toBe(0);
    expect(meeting.waiting.length).toBe(8);
  });

  it('refuses content a place not applied yet may not hold, as it would once applied', () => {
    const meeting = lazyMeeting();
    meeting.send(maria, (d) => attributeTo(d, maria.participantId));
    meeting.send(maria, (d) =>
      dialogue(d).insert(0, [voice({ speakerId: 'maria', speakerName: 'Maria' }, 'Hello')]),
    );
    const text = ((dialogue(meeting.browser).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    meeting.send(maria, () => text.insert(text.length, '!'));
    // A block inside the text, after the keystroke not applied yet: text holds only characters and marks.
    const refusal = refusedFor(() =>
      meeting.send(maria, () => text.insertEmbed(text.length, new Y.XmlElement('paragraph'))),
    );
    expect(refusal).toMatch(/text holds only characters and marks/);
  });

  it('takes a copy of what was accepted and not applied yet as already held', () => {
    const meeting = lazyMeeting();
    meeting.send(maria, (d) => attributeTo(d, maria.participantId));
    const { update } = meeting.send(maria, (d) =>
      dialogue(d).insert(0, [voice({ speakerId: 'maria', speakerName: 'Maria' }, 'Hello')]),
    );
    const again = meeting.integrity.inspect(maria, update);
    expect(again.fresh).toBe(false);
    expect(meeting.broughtUpToDate()).toBe(0);
  });
});
