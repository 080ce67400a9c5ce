/**
 * The interface in the reader's own language: a tiny typed dictionary layer of our own (no library).
 *
 * Why not i18next or Lingui: we need plain strings with a few placeholders and plurals, which `Intl`
 * already does (`PluralRules`, `DateTimeFormat`, `RelativeTimeFormat`); a library would add 15–40 kB
 * to every page and, unlike a typed object, would not make a missing translation a type error.
 *
 * - `en.ts` is the source: every key, English exactly as the pages said it before.
 * - Every other language is a `Dictionary`: the compiler insists on every key, with plural forms
 *   where English has them. Only English is in the main bundle; the others load on demand.
 * - The language is chosen per person and remembered on this device (localStorage); the first time,
 *   the browser's language if we offer it, else English. The document text is never translated.
 * - `t()` reads the current language; components call `useT()` (or `useLanguage()`) so that they
 *   render again when the person picks another language.
 */
import { createElement, Fragment, type ReactNode, useSyncExternalStore } from 'react';
import type { Dictionary, MessageKey, ParamsArg } from './dictionary';
import { en } from './en';
import { fill, type ParamValue, type Plural, pluralForm, splitPlaceholders } from './format';
import { browserLanguage, dateLocale, isLanguage, type Language } from './languages';

export type { Dictionary, MessageKey, ParamName, PlainMessageKey } from './dictionary';
export { LANGUAGE_NAMES, LANGUAGES, type Language } from './languages';

const STORAGE_KEY = 'polyphony.language';

// Each other language is its own small chunk, fetched only by those who read it.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Dictionary>> = {
  fi: () => import('./fi').then((module) => module.fi),
  sv: () => import('./sv').then((module) => module.sv),
  et: () => import('./et').then((module) => module.et),
  cs: () => import('./cs').then((module) => module.cs),
  nl: () => import('./nl').then((module) => module.nl),
  de: () => import('./de').then((module) => module.de),
  it: () => import('./it').then((module) => module.it),
};

let language: Language = 'en';
let dictionary: Dictionary = en;
let pluralRules = new Intl.PluralRules('en');
const formats = new Map<string, Intl.DateTimeFormat>();
const listeners = new Set<() => void>();

function text<K extends MessageKey>(key: K, params: Readonly<Record<string, unknown>> | undefined): string {
  // A key missing at run time (an outdated cached chunk) falls back to English rather than to nothing.
  const message: string | Plural = dictionary[key] ?? en[key];
  if (typeof message === 'string') return message;
  return pluralForm(message, Number(params?.count ?? 0), pluralRules);
}

/** A message in the current language, with its parameters filled in. */
export function t<K extends MessageKey>(key: K, ...[params]: ParamsArg<K, ParamValue>): string {
  return fill(text(key, params), params);
}

/**
 * A message with elements in it (a link, a bold name): the translation decides where they go.
 * `tx('network.youAre', { name: <strong>{me.name}</strong> })`. Every placeholder of the English text
 * must be given (a type error otherwise).
 */
export function tx<K extends MessageKey>(key: K, ...[params]: ParamsArg<K, ReactNode>): ReactNode {
  return nodes(key, params, (words) => words);
}

/**
 * `tx`, with the message's own words wrapped as well: a label whose words are quiet around a name
 * (`<span class="block-aside">Proposed by </span><span class="block-who">Anna</span>`), in whichever
 * order the language puts them.
 */
export function txWrapped<K extends MessageKey>(
  key: K,
  wrapWords: (words: string) => ReactNode,
  ...[params]: ParamsArg<K, ReactNode>
): ReactNode {
  return nodes(key, params, wrapWords);
}

function nodes(
  key: MessageKey,
  params: Readonly<Record<string, ReactNode>> | undefined,
  wrapWords: (words: string) => ReactNode,
): ReactNode {
  const values: Readonly<Record<string, ReactNode>> = params ?? {};
  return createElement(
    Fragment,
    null,
    ...splitPlaceholders(text(key, values)).map((part, index) =>
      createElement(
        Fragment,
        { key: index },
        typeof part === 'string'
          ? wrapWords(part)
          : part.name in values
            ? values[part.name]
            : `{${part.name}}`,
      ),
    ),
  );
}

/** The language the interface is shown in now. */
export function currentLanguage(): Language {
  return language;
}

/**
 * A date formatter in the current language, by the reader's own regional usage of it when their browser
 * names one (cached per language and options).
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale(language, navigator.languages ?? []), options);
    formats.set(id, format);
  }
  return format;
}

/** "5 minutes ago", "yesterday": relative time in the current language. */
export function relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(value, unit);
}

function remembered(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage can be switched off; the browser's language still works
  }
}

/** Show the interface in another language: loads its dictionary, then every subscriber renders again. */
export async function setLanguage(next: Language, remember = true): Promise<void> {
  const loaded = next === 'en' ? en : await loaders[next]();
  language = next;
  dictionary = loaded;
  pluralRules = new Intl.PluralRules(next);
  document.documentElement.lang = next;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered on this device, but shown now.
    }
  }
  for (const listener of listeners) listener();
}

/** Before the first render: this device's choice, else the browser's language when we offer it. */
export async function startLanguage(): Promise<void> {
  const chosen = remembered() ?? browserLanguage(navigator.languages ?? [navigator.language]);
  try {
    await setLanguage(chosen, false);
  } catch {
    await setLanguage('en', false); // a dictionary that does not load must not keep the page blank
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language, and a render whenever it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage);
}

/** `t`, in a component that renders again when the language changes. */
export function useT(): typeof t {
  useLanguage();
  return t;
}
