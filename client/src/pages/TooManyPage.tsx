/**
 * What a browser shows when the server answered a personal link with 429 (too many attempts from this
 * connection): the page is the app itself, served for `/join/<token>` only then.
 */
import { useEffect } from 'react';
import { useT } from '../i18n';
import '../ui/network.css';

/** Too many link attempts: wait, then open the link again. */
export function TooManyPage() {
  const t = useT();
  const heading = t('tooMany.title');
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: heading });
  }, [t, heading]);
  return (
    <main className="notice" data-testid="too-many">
      <p className="brand small">Polyphony</p>
      <h1>{heading}</h1>
      <p className="lead">{t('tooMany.lead')}</p>
    </main>
  );
}
