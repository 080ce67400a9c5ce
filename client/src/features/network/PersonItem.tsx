/**
 * One person on the network page: their name, relation and role, when they were last here, their
 * link's state, and whether they asked for a new one; for those who may, revoking or re-issuing the link
 * (one click answers a request), and erasing the person.
 */
import type { Invitation, Participant } from '@polyphony/shared';
import { useState } from 'react';
import { reissueLink, revokeLink } from '../../api/networks';
import { t, tx, useLanguage } from '../../i18n';
import { Confirm } from '../../ui/Confirm';
import { InvitationCard } from '../../ui/InvitationCard';
import { roleShortLabel } from '../../ui/roles';
import { shortDate, timeAgo } from '../../ui/time';
import { useRequest } from '../../ui/useRequest';
import { ErasePerson } from './EraseControls';

/** What a person's link does now. */
function linkStateText(person: Participant): string {
  switch (person.link.state) {
    case 'active':
      return t('link.worksUntil', { date: shortDate(person.link.expiresAt) });
    case 'revoked':
      return t('link.revoked');
    case 'expired':
      return t('link.expiredOn', { date: shortDate(person.link.expiresAt) });
  }
}

/** One person of the network, as a member sees them. */
interface PersonItemProps {
  networkId: string;
  person: Participant;
  isMe: boolean;
  mayManage: boolean;
  mayErase: boolean;
  onChanged: () => Promise<void>;
}

export function PersonItem({ networkId, person, isMe, mayManage, mayErase, onChanged }: PersonItemProps) {
  useLanguage();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useRequest();
  const [newLink, setNewLink] = useState<Invitation | null>(null);
  const details = [person.relation, roleShortLabel(person.role)].filter(Boolean).join(' · ');
  const act = (action: () => Promise<void>) =>
    run(async () => {
      await action();
      await onChanged();
    }, t('common.didNotWork'));
  return (
    <li className="person-item" data-testid="person" data-name={person.name}>
      <div className="person-item__main">
        <p className="person-item__name">
          {person.name}
          {isMe && <span className="muted"> {t('common.you')}</span>}
        </p>
        <p className="person-item__details">{details}</p>
        <p className="person-item__meta">
          <span>
            {person.lastSeenAt
              ? t('person.lastHere', { ago: timeAgo(person.lastSeenAt) })
              : t('person.notHereYet')}
          </span>
          <span className={`link-state link-state--${person.link.state}`} data-testid="link-state">
            {linkStateText(person)}
          </span>
        </p>
        {person.linkRequestedAt && !newLink && (
          <p className="person-item__request" data-testid="link-request">
            {t('person.askedForLink', { ago: timeAgo(person.linkRequestedAt) })}
          </p>
        )}
      </div>
      {mayManage && !confirming && !newLink && (
        <div className="person-item__actions">
          {person.link.state === 'active' && (
            <button
              type="button"
              className="button small danger"
              aria-label={t('person.revokeLabel', { name: person.name })}
              onClick={() => setConfirming(true)}
              disabled={busy}
            >
              {t('person.revoke')}
            </button>
          )}
          <button
            type="button"
            className={person.linkRequestedAt ? 'button small primary' : 'button small'}
            aria-label={
              person.linkRequestedAt
                ? t('person.sendAskedLink', { name: person.name })
                : t('person.newLinkLabel', { name: person.name })
            }
            disabled={busy}
            onClick={() =>
              act(async () => {
                setNewLink(await reissueLink(networkId, person.id));
              })
            }
          >
            {person.link.state === 'active' ? t('person.reissue') : t('person.makeNew')}
          </button>
        </div>
      )}
      {confirming && (
        <Confirm
          question={t('person.revokeQuestion', { name: person.name })}
          text={t('person.revokeText', { name: person.name })}
          confirmLabel={t('person.yesRevoke')}
          busy={busy}
          onConfirm={() =>
            act(async () => {
              await revokeLink(networkId, person.id);
              setConfirming(false);
            })
          }
          onCancel={() => setConfirming(false)}
        />
      )}
      {newLink && (
        <div className="new-link">
          <p className="note">
            {tx('person.newLinkNote', {
              newLinkFor: <strong>{t('person.newLinkFor', { name: person.name })}</strong>,
            })}
          </p>
          <ul className="invitations">
            <InvitationCard invitation={newLink} />
          </ul>
          <button type="button" className="button" onClick={() => setNewLink(null)}>
            {t('common.done')}
          </button>
        </div>
      )}
      {mayErase && !confirming && !newLink && (
        <ErasePerson
          networkId={networkId}
          participantId={person.id}
          name={person.name}
          onErased={onChanged}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
