/**
 * What a meeting page shows instead of the document when it may no longer show it: the link was
 * revoked, a professional was taken out of the network's team, the meeting or this person was erased (this device's copy is then deleted), an erasure
 * rewrote the document (it loads again), or the session on this device ended (open the link again).
 */
import type { SessionEnd } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { getSession } from '../privacy/session';
import type { MeetingEnd } from '../sync/MeetingSession';
import { LanguageBar } from './LanguagePicker';
import './network.css';

/** The notice for an ending. */
export function MeetingEnded({ end }: { end: MeetingEnd }) {
  const t = useT();
  const [why, setWhy] = useState<{ reason: SessionEnd | 'active'; minutes: number } | null>(null);
  useEffect(() => {
    if (end !== 'session') return;
    getSession().then(
      (session) => setWhy({ reason: session.state, minutes: session.idleMinutes }),
      () => setWhy(null),
    );
  }, [end]);
  const heading =
    end === 'revoked'
      ? t('close.revoked')
      : end === 'leftTeam'
        ? t('close.leftTeam')
        : end === 'erased'
          ? t('ended.erasedTitle')
          : end === 'rewritten'
            ? t('ended.rewrittenTitle')
            : t('ended.sessionTitle');
  useEffect(() => {
    document.title = t('app.titleSuffix', { title: heading });
  }, [t, heading]);
  return (
    <>
      <LanguageBar />
      <main className="notice" data-testid="meeting-ended" data-end={end} role="alert">
        <p className="brand small">Polyphony</p>
        <h1>{heading}</h1>
        {end === 'revoked' && <p className="lead">{t('ended.revokedLead')}</p>}
        {end === 'leftTeam' && <p className="lead">{t('ended.leftTeamLead')}</p>}
        {end === 'erased' && <p className="lead">{t('ended.erasedLead')}</p>}
        {end === 'rewritten' && <p className="lead">{t('ended.rewrittenLead')}</p>}
        {end === 'session' && (
          <>
            <p className="lead">
              {why?.reason === 'idle'
                ? t('ended.sessionIdle', { minutes: Math.max(1, Math.round(why.minutes)) })
                : why?.reason === 'lifetime'
                  ? t('ended.sessionLifetime')
                  : t('ended.sessionOther')}
            </p>
            <p>{t('ended.sessionBack')}</p>
          </>
        )}
      </main>
    </>
  );
}
