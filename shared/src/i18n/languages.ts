/**
 * The languages Polyphony is offered in, each named in its own words (DOMAIN.md, "Languages"): the
 * client's interface and the server's Markdown export both speak exactly these.
 */

/** Every language, English first: it is the default and the source of every other dictionary. */
export const LANGUAGES = ['en', 'fi', 'sv', 'et', 'cs', 'nl', 'de', 'it'] as const;

/** A language of the interface. */
export type Language = (typeof LANGUAGES)[number];

/** Each language's name as its speakers write it, for the picker. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fi: 'Suomi',
  sv: 'Svenska',
  et: 'Eesti',
  cs: 'Čeština',
  nl: 'Nederlands',
  de: 'Deutsch',
  it: 'Italiano',
};

/** Whether a string is one of our languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of a reader's preferred languages we offer ("fi-FI" → "fi"), else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * The locale a reader of `language` gets dates and times in: their browser's own regional variant of it
 * when it names one ("en-US", "en-IE", "sv-FI"), else the language's default. English defaults to
 * British usage (day month year, 24 hours): our readers are Finnish, Swedish, British and European
 * services and their families, and "Nov 22, 02:05 PM" would be foreign to nearly all of them.
 */
export function dateLocale(language: Language, preferred: readonly string[] = []): string {
  for (const tag of preferred) {
    const [base, region] = tag.split('-');
    if (base?.toLowerCase() !== language || !region) continue;
    try {
      return Intl.getCanonicalLocales(tag)[0] as string;
    } catch {
      // not a well-formed tag: look further
    }
  }
  return language === 'en' ? 'en-GB' : language;
}
