/**
 * Every language has every meeting word: nothing empty, the same placeholders as English, and the
 * same leading and trailing spaces (" wonders…", " · closed" are glued to what comes before them).
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../fill.js';
import { LANGUAGES } from '../languages.js';
import { MEETING_WORDS, meetingText, meetingWordsEn } from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('meeting words', () => {
  it('exist for every language of the interface, and only for those', () => {
    expect(Object.keys(MEETING_WORDS).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      const words = MEETING_WORDS[language] as Readonly<Record<string, string>>;

      it('has every English key and no other', () => {
        expect(Object.keys(words).sort()).toEqual(Object.keys(meetingWordsEn).sort());
      });

      it('has no empty words', () => {
        expect(Object.keys(words).filter((key) => !words[key]?.trim())).toEqual([]);
      });

      it('uses the same placeholders and outer spaces as English', () => {
        for (const [key, english] of Object.entries(meetingWordsEn)) {
          const word = words[key] ?? '';
          expect(placeholders(word), key).toEqual(placeholders(english));
          expect(/^\s/.test(word), `${key} starts with a space`).toBe(/^\s/.test(english));
          expect(/\s$/.test(word), `${key} ends with a space`).toBe(/\s$/.test(english));
        }
      });

      if (language !== 'en') {
        it('is translated, not English (apart from words the languages share)', () => {
          const same = Object.keys(words).filter(
            (key) => words[key] === meetingWordsEn[key as keyof typeof meetingWordsEn],
          );
          // "Plan" is "Plan" in Swedish, Dutch and German.
          expect(same.filter((key) => key !== 'section.plan.heading')).toEqual([]);
        });
      }
    });
  }

  it('fills placeholders by name', () => {
    expect(meetingText('fi')('network.meetingTitle', { n: 3, title: 'Kotona' })).toBe('Kokous 3: Kotona');
    expect(meetingText('en')('block.typedFor', { typist: 'Eeva', speaker: 'Vaari' })).toBe(
      'typed by Eeva for Vaari',
    );
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
