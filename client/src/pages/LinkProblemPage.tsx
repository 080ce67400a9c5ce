/** `/link-problem?reason=invalid|expired|revoked`: a personal link did not work; what that means, what to do. */

import { useEffect } from 'react';
import { AskForLink } from '../features/team/AskForLink';
import { useT } from '../i18n';
import '../ui/network.css';

const REASONS = ['invalid', 'expired', 'revoked'] as const;

type Reason = (typeof REASONS)[number];

/** Explains a link that did not work. */
export function LinkProblemPage({ reason }: { reason: string | null }) {
  const t = useT();
  const known: Reason = REASONS.includes(reason as Reason) ? (reason as Reason) : 'invalid';
  const title = t(`linkProblem.${known}.title`);
  const explanation = t(`linkProblem.${known}.explanation`);
  useEffect(() => {
    document.title = t('app.titleSuffix', { title });
  }, [t, title]);
  return (
    <main className="notice" data-testid="link-problem" data-reason={known}>
      <p className="brand small">Polyphony</p>
      <h1>{title}</h1>
      <p className="lead">{explanation}</p>
      <h2 className="section-heading">{t('linkProblem.whatToDo')}</h2>
      <ul className="plain-steps">
        {known === 'invalid' && <li>{t('linkProblem.checkWhole')}</li>}
        <li>{t('linkProblem.askNew')}</li>
        <li>{t('linkProblem.kept')}</li>
      </ul>
      {known === 'expired' && <AskForLink />}
    </main>
  );
}
