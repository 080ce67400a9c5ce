/**
 * The reader's language, for what the server itself writes in words (the Markdown export): the
 * `lang` query parameter the client sets from the language its interface is in, else the browser's
 * Accept-Language, else English. A language we do not offer is never an error: the next choice is taken.
 */
import { browserLanguage, isLanguage, type Language } from '@polyphony/shared';
import type { Context } from 'hono';

/** The language tags of an Accept-Language header, most preferred first ("fi-FI,fi;q=0.9,en;q=0.8"). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter(({ tag, weight }) => tag !== '' && tag !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The language to write in for this request: `?lang=fi`, else Accept-Language, else English. */
export function readerLanguage(c: Context): Language {
  const asked = (c.req.query('lang') ?? '').trim().toLowerCase().split('-')[0];
  if (isLanguage(asked)) return asked;
  return browserLanguage(acceptedLanguages(c.req.header('accept-language')));
}
