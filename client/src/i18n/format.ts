/**
 * The message format of the dictionaries: a string with `{name}` placeholders, or plural forms chosen
 * by `Intl.PluralRules` (`{ one, other }`, plus `few` and `many` where a language has them, e.g. Czech).
 * The placeholder names are read from the English text at the type level, so `t('key', { … })` asks for
 * exactly the parameters the English text uses.
 */

/** Plural forms of one message; `other` is always there, the rest as the language needs them. */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** One message: plain text or plural forms. */
export type Message = string | Plural;

export { fill, type Placeholders } from '@polyphony/shared';

/** A value put into a placeholder. */
export type ParamValue = string | number;

/** Split a text at its placeholders: `["Hello ", {name: "who"}, "!"]`, for putting elements in. */
export function splitPlaceholders(text: string): (string | { name: string })[] {
  const parts: (string | { name: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ name: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The form of a plural message for a count, by the language's plural rules. */
export function pluralForm(message: Plural, count: number, rules: Intl.PluralRules): string {
  const category = rules.select(count) as keyof Plural;
  return message[category] ?? message.other;
}
