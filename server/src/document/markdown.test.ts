/** The Markdown export in the reader's language: fixed words and dates translated, people's words not. */
import {
  DocumentTypes,
  LANGUAGES,
  MarkNames,
  MEETING_WORDS,
  MetaKeys,
  meetingWordsEn,
  NodeNames,
} from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { block } from '../../../tests/integration/helpers/documentBlocks.js';
import { type MeetingHeading, meetingMarkdown, networkMarkdownTitle, readableTime } from './markdown.js';

/** What people wrote, in their own words (Finnish, as a Finnish network writes). */
const OWN_WORDS = [
  'Haluan nukkua kotona.',
  'Vaari sanoo terveisiä.',
  'Mietin, tuntuuko koti turvallisemmalta.',
  'Kyllä tuntuu.',
  'Nukkuu kotona tällä viikolla',
  'Odottaako työpaikka?',
  'Jälkiajatus.',
];

/** A meeting with every kind of block, as the client writes them. */
function meetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const later = new Y.XmlElement('paragraph');
    const afterthought = new Y.XmlText();
    afterthought.insert(0, 'Jälkiajatus.', {
      [MarkNames.laterAddition]: { authorName: 'Anna', at: '2026-11-22T09:30:00.000Z' },
    });
    later.insert(0, [afterthought]);
    doc
      .getXmlFragment(DocumentTypes.dialogue)
      .insert(0, [
        block(NodeNames.voice, 'Haluan nukkua kotona.', { speakerName: 'Anna' }),
        block(NodeNames.voice, 'Vaari sanoo terveisiä.', { speakerName: 'Vaari', typistName: 'Eeva' }),
        later,
      ]);
    doc
      .getXmlFragment(DocumentTypes.reflections)
      .insert(0, [
        block(NodeNames.reflection, 'Mietin, tuntuuko koti turvallisemmalta.', { authorName: 'Maria' }, [
          block(NodeNames.response, 'Kyllä tuntuu.', { authorName: 'Anna' }),
        ]),
      ]);
    doc.getXmlFragment(DocumentTypes.plan).insert(0, [
      block(NodeNames.planItem, 'Nukkuu kotona tällä viikolla', {
        status: 'open',
        proposedByName: 'Anna',
        agrees: [{ id: 'x', name: 'Eeva' }],
        differs: [{ id: 'y', name: 'Jussi' }],
        doerName: 'Anna',
        byWhen: 'perjantai',
      }),
    ]);
    doc
      .getXmlFragment(DocumentTypes.openQuestions)
      .insert(0, [
        block(NodeNames.openQuestion, 'Odottaako työpaikka?', { status: 'closed', raisedByName: 'Anna' }),
      ]);
    doc.getMap(DocumentTypes.attendance).set('p1', { name: 'Eeva', relation: 'äiti', where: 'phone' });
    doc.getMap(DocumentTypes.meta).set(MetaKeys.nextMeeting, { when: 'when_needed', convenerName: 'Maria' });
  });
  return doc;
}

const HEADING: MeetingHeading = {
  number: 2,
  title: 'Kotona',
  centreName: 'Anna',
  createdAt: '2026-11-22T08:00:00.000Z',
  closedAt: '2026-11-22T09:00:00.000Z',
};

const headings = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('#'));

describe('the Markdown export of a meeting', () => {
  it('writes English by default, in the words the page uses', () => {
    const markdown = meetingMarkdown(meetingDoc(), HEADING);
    expect(headings(markdown)).toEqual([
      '# Meeting 2: Kotona',
      '## What people said',
      '## Reflections',
      '## Plan',
      '## Not yet known',
      '## Next meeting',
    ]);
    for (const line of [
      'Anna’s network · 22 Nov 2026, 08:00 UTC · closed 22 Nov 2026, 09:00 UTC',
      'Present: Eeva (äiti), on the phone',
      '**Vaari** (typed by Eeva for Vaari): Vaari sanoo terveisiä.',
      'Jälkiajatus. _(added later by Anna, 22 Nov 2026, 09:30 UTC)_',
      '> *Maria wonders…* Mietin, tuntuuko koti turvallisemmalta.',
      '> - **Response from Anna** — Kyllä tuntuu.',
      '- [ ] Nukkuu kotona tällä viikolla — Proposed by Anna; Agrees: Eeva; Sees it differently: Jussi; Who does it: Anna; By when: perjantai',
      '- Odottaako työpaikka? (Raised by Anna) · closed',
      'When it is needed. Maria will call it together.',
    ]) {
      expect(markdown.split('\n')).toContain(line);
    }
    expect(meetingMarkdown(meetingDoc(), HEADING, 'en')).toBe(markdown);
  });

  it('writes Finnish headings, phrases and dates for a Finnish reader', () => {
    const markdown = meetingMarkdown(meetingDoc(), HEADING, 'fi');
    expect(headings(markdown)).toEqual([
      '# Kokous 2: Kotona',
      '## Mitä sanottiin',
      '## Reflektiot',
      '## Suunnitelma',
      '## Vielä avoinna',
      '## Seuraava tapaaminen',
    ]);
    for (const line of [
      'Verkosto: Anna · 22.11.2026 klo 08.00 UTC · päätetty 22.11.2026 klo 09.00 UTC',
      'Paikalla: Eeva (äiti), puhelimessa',
      '**Vaari** (Eeva kirjoitti henkilön Vaari puolesta): Vaari sanoo terveisiä.',
      'Jälkiajatus. _(Anna lisäsi myöhemmin, 22.11.2026 klo 09.30 UTC)_',
      '> *Maria pohtii…* Mietin, tuntuuko koti turvallisemmalta.',
      '> - **Vastaus: Anna** — Kyllä tuntuu.',
      '- [ ] Nukkuu kotona tällä viikolla — Ehdotti: Anna; Samaa mieltä: Eeva; Näkee toisin: Jussi; Kuka tekee: Anna; Mihin mennessä: perjantai',
      '- Odottaako työpaikka? (Kysyi: Anna) · suljettu',
      'Kun tarvitaan. Maria kutsuu koolle.',
    ]) {
      expect(markdown.split('\n')).toContain(line);
    }
    for (const english of ['Meeting', 'network', 'Present', 'agrees', 'Agrees', 'added later', 'closed']) {
      expect(markdown).not.toContain(english);
    }
  });

  it('writes Swedish for a Swedish reader, and “not agreed yet” when there is no next meeting', () => {
    const doc = meetingDoc();
    doc.getMap(DocumentTypes.meta).delete(MetaKeys.nextMeeting);
    const markdown = meetingMarkdown(doc, { ...HEADING, closedAt: null }, 'sv');
    expect(headings(markdown)).toContain('## Vad som sades');
    expect(headings(markdown)).toContain('## Ännu inte känt');
    expect(markdown).toContain('Nätverket kring Anna · 22 nov. 2026 08:00 UTC · fortfarande öppet');
    expect(markdown).toContain('Håller med: Eeva; Ser det annorlunda: Jussi');
    expect(markdown).toContain('## Nästa möte\n\n_Inte överenskommet än._');
  });

  it('has every heading and phrase in every language, and never translates what people wrote', () => {
    const doc = meetingDoc();
    for (const language of LANGUAGES) {
      const words = MEETING_WORDS[language];
      const markdown = meetingMarkdown(doc, HEADING, language);
      expect(headings(markdown).slice(1), language).toEqual([
        `## ${words['section.dialogue.heading']}`,
        `## ${words['section.reflections.heading']}`,
        `## ${words['section.plan.heading']}`,
        `## ${words['section.openQuestions.heading']}`,
        `## ${words['plan.nextMeeting']}`,
      ]);
      for (const key of [
        'plan.agrees',
        'plan.seesDifferently',
        'print.present',
        'print.where.phone',
      ] as const) {
        expect(markdown, `${language} ${key}`).toContain(words[key]);
      }
      // A placeholder left unfilled would show as {name}.
      expect(markdown, language).not.toMatch(/\{\w+\}/);
      for (const own of OWN_WORDS) expect(markdown, language).toContain(own);
    }
  });

  it('writes dates by the language’s rules, in UTC, and says UTC', () => {
    const at = '2026-11-22T23:30:00.000Z';
    expect(readableTime(at)).toBe('22 Nov 2026, 23:30 UTC');
    expect(readableTime(at, 'fi')).toBe('22.11.2026 klo 23.30 UTC');
    expect(readableTime(at, 'de')).toBe('22. Nov. 2026, 23:30 UTC');
    expect(readableTime('not a date', 'fi')).toBe('not a date');
  });

  it('titles a whole network’s export in the reader’s language', () => {
    expect(networkMarkdownTitle('Anna')).toBe(`# ${meetingWordsEn['network.of'].replace('{name}', 'Anna')}`);
    expect(networkMarkdownTitle('Anna', 'fi')).toBe('# Verkosto: Anna');
    expect(networkMarkdownTitle('Anna', 'it')).toBe('# La rete di Anna');
  });
});
