/**
 * The team's members, as its admins see them, each of whom an admin may take out of the team: their
 * access to every network of the team ends at once (open meetings and video close).
 */
import type { TeamResponse } from '@polyphony/shared';
import { useState } from 'react';
import { removeTeamMember } from '../../api/team';
import { t, useLanguage } from '../../i18n';
import { Confirm } from '../../ui/Confirm';
import { useRequest } from '../../ui/useRequest';

type Member = TeamResponse['teams'][number]['members'][number];

function MemberItem({
  teamId,
  member,
  isMe,
  onRemoved,
}: {
  teamId: string;
  member: Member;
  isMe: boolean;
  onRemoved: () => Promise<void>;
}) {
  useLanguage();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useRequest();
  const place = [
    member.kind === 'peer_worker' ? t('team.memberPeerWorker') : t('team.memberProfessional'),
    ...(member.role === 'admin' ? [t('team.memberAdmin')] : []),
  ].join(' · ');
  return (
    <li className="person-item" data-testid="team-member" data-name={member.name}>
      <div className="person-item__main">
        <p className="person-item__name">
          {member.name}
          {isMe && <span className="muted"> {t('common.you')}</span>}
        </p>
        <p className="person-item__details">
          {member.email} · {place}
        </p>
      </div>
      {!isMe && !confirming && (
        <div className="person-item__actions">
          <button
            type="button"
            className="button small danger"
            aria-label={t('team.removeLabel', { name: member.name })}
            onClick={() => setConfirming(true)}
          >
            {t('team.remove')}
          </button>
        </div>
      )}
      {confirming && (
        <Confirm
          question={t('team.removeLabel', { name: member.name })}
          text={t('team.removeText', { name: member.name })}
          confirmLabel={t('team.yesRemove')}
          busy={busy}
          onConfirm={() =>
            run(async () => {
              await removeTeamMember(teamId, member.id);
              setConfirming(false);
              await onRemoved();
            }, t('team.removeFailed'))
          }
          onCancel={() => setConfirming(false)}
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

export function TeamMembers({
  teamId,
  members,
  meId,
  onChanged,
}: {
  teamId: string;
  members: Member[];
  meId: string;
  onChanged: () => Promise<void>;
}) {
  useLanguage();
  return (
    <section className="team-members" aria-labelledby={`members-${teamId}`}>
      <h2 id={`members-${teamId}`} className="group__legend">
        {t('team.members')}
      </h2>
      <ul className="people-list" data-testid="team-members">
        {members.map((member) => (
          <MemberItem
            key={member.id}
            teamId={teamId}
            member={member}
            isMe={member.id === meId}
            onRemoved={onChanged}
          />
        ))}
      </ul>
    </section>
  );
}
