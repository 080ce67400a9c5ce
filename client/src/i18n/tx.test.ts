/**
 * Whole sentences with elements in them render the same markup the glued fragments did: the e2e tests
 * and the styles read these labels, and a translation now decides where the name goes.
 */
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { setLanguage, tx, txWrapped } from './index';

// The tests run in Node: setLanguage marks the page's language on the document, so give it one.
globalThis.document ??= { documentElement: {} } as Document;

const aside = (words: string) => createElement('span', { className: 'block-aside' }, words);
const who = (name: string) => createElement('span', { className: 'block-who' }, name);
const html = (node: ReactNode) => renderToStaticMarkup(createElement('p', null, node));

describe('tx and txWrapped', () => {
  it('put the name where the language puts it, with the words around it wrapped', async () => {
    await setLanguage('en', false);
    expect(html(txWrapped('block.proposedByWhoDone', aside, { who: who('Mia') }))).toBe(
      '<p><span class="block-aside">Proposed by </span><span class="block-who">Mia</span><span class="block-aside"> · done</span></p>',
    );
    expect(html(txWrapped('block.whoWonders', aside, { who: who('Mia') }))).toBe(
      '<p><span class="block-who">Mia</span><span class="block-aside"> wonders…</span></p>',
    );
    await setLanguage('fi', false);
    expect(html(txWrapped('block.responseFromWho', aside, { who: who('Mia') }))).toBe(
      '<p><span class="block-aside">Vastaus: </span><span class="block-who">Mia</span></p>',
    );
    await setLanguage('en', false);
  });

  it('put an element into a sentence as the bold part of it', async () => {
    await setLanguage('de', false);
    const note = tx('person.newLinkNote', {
      newLinkFor: createElement('strong', null, 'Neuer Link für Anna'),
    });
    expect(html(note)).toBe(
      '<p><strong>Neuer Link für Anna</strong> Der alte Link funktioniert nicht mehr.</p>',
    );
    await setLanguage('en', false);
  });
});
