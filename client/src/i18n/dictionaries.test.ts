/** Every language has every key, nothing empty, the same placeholders as English, and plural forms. */
import { describe, expect, it } from 'vitest';
import { cs } from './cs';
import { de } from './de';
import { en } from './en';
import { et } from './et';
import { fi } from './fi';
import { fill, type Message, pluralForm } from './format';
import { it as italian } from './it';
import { browserLanguage, dateLocale, LANGUAGES } from './languages';
import { nl } from './nl';
import { sv } from './sv';

const dictionaries: Record<string, Readonly<Record<string, Message>>> = {
  en,
  fi,
  sv,
  et,
  cs,
  nl,
  de,
  it: italian,
};

function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter(Boolean);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}

describe('dictionaries', () => {
  it('offer the eight languages of DOMAIN.md', () => {
    expect([...LANGUAGES].sort()).toEqual(['cs', 'de', 'en', 'et', 'fi', 'it', 'nl', 'sv']);
    expect(Object.keys(dictionaries).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const [language, dictionary] of Object.entries(dictionaries)) {
    describe(language, () => {
      it('has every English key and no other', () => {
        expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      });

      it('has no empty strings', () => {
        const empty = Object.entries(dictionary).filter(([, message]) =>
          typeof message === 'string'
            ? message.trim() === ''
            : Object.values(message).some((form) => typeof form === 'string' && form.trim() === ''),
        );
        expect(empty.map(([key]) => key)).toEqual([]);
      });

      it('uses the same placeholders as English, and plural forms where English has them', () => {
        for (const [key, english] of Object.entries(en) as [keyof typeof en, Message][]) {
          const message = dictionary[key]!;
          expect(typeof message, key).toBe(typeof english);
          expect(placeholders(message), key).toEqual(placeholders(english));
        }
      });

      it('has the plural forms its language uses', () => {
        const rules = new Intl.PluralRules(language);
        for (const message of Object.values(dictionary)) {
          if (typeof message === 'string') continue;
          for (const category of rules.resolvedOptions().pluralCategories) {
            if (category === 'other') continue;
            // Integers are what we count; a category only decimals reach (Czech "many") may fall back.
            const integer = [0, 1, 2, 3, 4, 5, 11, 21, 22, 25].some((n) => rules.select(n) === category);
            if (integer)
              expect(message[category as keyof typeof message], `${language} ${category}`).toBeTruthy();
          }
        }
      });
    });
  }
});

describe('format', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(fill('Add what {name} said', { name: 'Liisa' })).toBe('Add what Liisa said');
    expect(fill('Meeting {n}: {title}', { n: 2 })).toBe('Meeting 2: {title}');
  });

  it('picks plural forms by the language’s rules', () => {
    const czech = new Intl.PluralRules('cs');
    const found = cs['search.found'];
    expect(pluralForm(found, 1, czech)).toContain('místo');
    expect(pluralForm(found, 3, czech)).toContain('místa');
    expect(pluralForm(found, 7, czech)).toContain('míst ');
    expect(pluralForm(en['search.found'], 1, new Intl.PluralRules('en'))).toBe(
      '{count} place with “{query}”:',
    );
  });

  it('takes the browser’s language when it is one of ours, else English', () => {
    expect(browserLanguage(['fi-FI', 'en-US'])).toBe('fi');
    expect(browserLanguage(['pt-BR', 'sv'])).toBe('sv');
    expect(browserLanguage(['ja-JP'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('writes dates as the reader’s region does, and English ones day-month with 24 hours by default', () => {
    const at = new Date('2026-11-22T14:05:00Z');
    const options = {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    } as const;
    const written = (language: 'en' | 'sv' | 'fi', browser: string[]) =>
      new Intl.DateTimeFormat(dateLocale(language, browser), options).format(at);
    // A Finnish nurse reading the English interface: "22 Nov, 14:05", not "Nov 22, 02:05 PM".
    expect(written('en', ['fi-FI', 'fi'])).toBe('22 Nov, 14:05');
    expect(written('en', [])).toBe('22 Nov, 14:05');
    // A relative whose browser is American English keeps their own way of writing dates.
    expect(dateLocale('en', ['en-US', 'en'])).toBe('en-US');
    expect(written('en', ['en-US'])).toMatch(/^Nov 22, 0?2:05\sPM$/);
    // Finland-Swedish is still Swedish in the region's usage; a malformed tag is passed over.
    expect(dateLocale('sv', ['xx-', 'sv-FI'])).toBe('sv-FI');
    expect(dateLocale('fi', ['en-GB'])).toBe('fi');
    expect(written('fi', [])).toContain('14.05');
  });
});
