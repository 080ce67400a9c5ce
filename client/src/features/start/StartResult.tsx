/** After starting: the meeting has started, and each person's link (Copy, QR), one's own last. */
import type { StartNetworkResponse } from '@polyphony/shared';
import { useEffect, useRef } from 'react';
import { tx, useT } from '../../i18n';
import { InvitationCard } from '../../ui/InvitationCard';

/** The started meeting and everyone's links. */
export function StartResult({ started }: { started: StartNetworkResponse }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // One's own link is the one of `me`; staff starting inside their team have none (they come in through
  // the team), so the first link is then someone else's.
  const mine = started.invitations.find((invitation) => invitation.participant.id === started.me.id);
  const others = started.invitations.filter((invitation) => invitation !== mine);
  return (
    <main className="start start--wide" data-testid="start-result">
      <p className="brand small">Polyphony</p>
      <h1 ref={heading} tabIndex={-1} className="result-heading">
        {t('start.started')}
      </h1>
      <p className="lead">
        {started.meeting.title} · {t('network.of', { name: started.network.centreName })}
      </p>
      <div className="note" role="note">
        <p>{tx('start.personalNote', { personal: <strong>{t('start.personal')}</strong> })}</p>
        <p>{tx('start.onlyNowNote', { onlyNow: <strong>{t('start.onlyNow')}</strong> })}</p>
      </div>
      {others.length > 0 ? (
        <>
          <h2 className="section-heading">{t('start.sendEach')}</h2>
          <ul className="invitations">
            {others.map((invitation) => (
              <InvitationCard key={invitation.participant.id} invitation={invitation} />
            ))}
          </ul>
        </>
      ) : (
        <p>
          {tx('start.nobodyElse', {
            link: <a href={`/n/${started.network.id}`}>{t('start.networkPage')}</a>,
          })}
        </p>
      )}
      {mine && (
        <>
          <h2 className="section-heading">{t('start.yourOwnLink')}</h2>
          <p className="hint">{t('start.alreadyIn')}</p>
          <ul className="invitations">
            <InvitationCard invitation={mine} isYou />
          </ul>
        </>
      )}
      <p className="result-footer">
        <a className="button" href={`/n/${started.network.id}`}>
          {t('start.openNetworkPage')}
        </a>
        <a className="button primary" href={started.meeting.path} data-testid="go-to-meeting">
          {t('start.goToMeeting')}
        </a>
      </p>
    </main>
  );
}
