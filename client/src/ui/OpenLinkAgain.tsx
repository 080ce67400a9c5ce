/** What a person sees when this browser holds no valid session (HTTP 401): open your personal link again. */

import { useEffect } from 'react';
import { useT } from '../i18n';
import './network.css';
import { SessionEndReason } from './SessionEndReason';

/** "Please open your personal link again", with what that means and what to do. */
export function OpenLinkAgain() {
  const t = useT();
  const heading = t('meeting.openLinkAgain');
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: heading });
  }, [t, heading]);
  return (
    <main className="notice" data-testid="open-link-again">
      <p className="brand small">Polyphony</p>
      <h1>{heading}</h1>
      <SessionEndReason />
      <p className="lead">{t('openAgain.lead')}</p>
      <ul className="plain-steps">
        <li>{t('openAgain.find')}</li>
        <li>{t('openAgain.ask')}</li>
      </ul>
      <p className="hint">{t('openAgain.kept')}</p>
    </main>
  );
}
