/** The reader's language: ?lang=, else Accept-Language, else English; never an error. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { acceptedLanguages, readerLanguage } from './language.js';

const app = new Hono().get('/', (c) => c.text(readerLanguage(c)));
const languageOf = async (query: string, acceptLanguage?: string) => {
  const response = await app.request(`/${query}`, {
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
  });
  expect(response.status).toBe(200);
  return response.text();
};

describe('the reader’s language', () => {
  it('is the lang parameter when it is one of ours, with or without a region', async () => {
    expect(await languageOf('?lang=fi')).toBe('fi');
    expect(await languageOf('?lang=sv-FI')).toBe('sv');
    expect(await languageOf('?lang=CS')).toBe('cs');
    expect(await languageOf('?lang=et', 'de-DE')).toBe('et');
  });

  it('is the browser’s Accept-Language without one, by preference', async () => {
    expect(await languageOf('', 'fi-FI,fi;q=0.9,en;q=0.8')).toBe('fi');
    expect(await languageOf('', 'pt-BR, de;q=0.5, nl;q=0.7')).toBe('nl');
    expect(await languageOf('?lang=', 'it')).toBe('it');
  });

  it('falls back to English for a language we do not offer, or none', async () => {
    expect(await languageOf('')).toBe('en');
    expect(await languageOf('?lang=xx')).toBe('en');
    expect(await languageOf('?lang=%3Cscript%3E')).toBe('en');
    expect(await languageOf('', 'ja-JP, *;q=0.5')).toBe('en');
    expect(await languageOf('?lang=pt', 'fi;q=0')).toBe('en');
  });

  it('reads Accept-Language weights, keeping the header’s order among equals', () => {
    expect(acceptedLanguages('en;q=0.1, fi;q=0.8, sv')).toEqual(['sv', 'fi', 'en']);
    expect(acceptedLanguages('de, nl')).toEqual(['de', 'nl']);
    expect(acceptedLanguages('fi;q=abc, *')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});
