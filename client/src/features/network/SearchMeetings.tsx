/** Search across the network's meetings: a word, and where it was written. */
import { SECTIONS, type SearchHit, type SectionName } from '@polyphony/shared';
import { type FormEvent, useState } from 'react';
import { searchNetwork } from '../../api/history';
import { sectionText } from '../../editor/sections';
import { useT } from '../../i18n';
import { useRequest } from '../../ui/useRequest';

function isSection(section: string): section is SectionName {
  return (SECTIONS as readonly string[]).includes(section);
}

/** The search form and what it found. */
export function SearchMeetings({ networkId }: { networkId: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const { busy, error, setError, run } = useRequest();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = query.trim();
    if (words.length < 2) {
      setError(t('search.tooShort'));
      return;
    }
    await run(async () => {
      setHits(await searchNetwork(networkId, words));
      setSearched(words);
    }, t('search.failed'));
  };
  return (
    <section className="search" aria-labelledby="search-heading">
      <h3 id="search-heading" className="visually-hidden">
        {t('search.heading')}
      </h3>
      <form className="search__form" onSubmit={submit}>
        <label htmlFor="search-input" className="search__label">
          {t('search.label')}
        </label>
        <div className="search__row">
          <input
            id="search-input"
            type="search"
            className="text-input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('search.placeholder')}
            maxLength={200}
            enterKeyHint="search"
            data-testid="search-input"
          />
          <button type="submit" className="button" disabled={busy} data-testid="search-submit">
            {busy ? t('search.searching') : t('search.search')}
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {hits && (
        <div aria-live="polite">
          <p className="hint" data-testid="search-summary">
            {hits.length === 0
              ? t('search.nothing', { query: searched })
              : t('search.found', { count: hits.length, query: searched })}
          </p>
          <ul className="search__hits" data-testid="search-results">
            {hits.map((hit, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: hits have no ids; a search replaces them all.
              <li key={index} className="search__hit" data-testid="search-hit">
                <a href={`/m/${hit.meetingId}`} className="search__link">
                  <span className="search__where">
                    {t('network.meetingTitle', { n: hit.meetingNumber, title: hit.meetingTitle })} ·{' '}
                    {isSection(hit.section) ? sectionText(hit.section).heading : hit.section}
                  </span>
                  <span className="search__snippet">
                    {hit.snippet.slice(0, hit.matchStart)}
                    <mark>{hit.snippet.slice(hit.matchStart, hit.matchEnd)}</mark>
                    {hit.snippet.slice(hit.matchEnd)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
