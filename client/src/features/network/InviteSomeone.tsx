/** Inviting someone to the network (for those whose role invites). */
import type { Invitation } from '@polyphony/shared';
import { type FormEvent, useRef, useState } from 'react';
import { invitePerson } from '../../api/networks';
import { t, tx, useLanguage } from '../../i18n';
import { InvitationCard } from '../../ui/InvitationCard';
import { type PersonDraft, PersonFields } from '../../ui/PersonFields';
import { useRequest } from '../../ui/useRequest';

/** Inviting someone: their name, relation and role, and their personal link, shown once. */
export function InviteSomeone({
  networkId,
  onInvited,
}: {
  networkId: string;
  onInvited: () => Promise<void>;
}) {
  useLanguage();
  const [person, setPerson] = useState<PersonDraft>({ name: '', relation: '', role: 'network_member' });
  const { busy, error, setError, run } = useRequest();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person.name.trim()) {
      setError(t('invite.needName'));
      nameInput.current?.focus();
      return;
    }
    await run(async () => {
      setInvitation(
        await invitePerson(networkId, {
          name: person.name.trim(),
          relation: person.relation.trim(),
          role: person.role,
        }),
      );
      setPerson({ name: '', relation: '', role: 'network_member' });
      await onInvited();
    }, t('invite.failed'));
  };
  return (
    <section className="invite" aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('invite.heading')}</h3>
      {invitation && (
        <div className="new-link">
          <p className="note">
            {tx('invite.personalLinkNote', {
              personalLink: (
                <strong>{t('invite.personalLink', { name: invitation.participant.name })}</strong>
              ),
            })}
          </p>
          <ul className="invitations">
            <InvitationCard invitation={invitation} />
          </ul>
          <button type="button" className="button" onClick={() => setInvitation(null)}>
            {t('common.done')}
          </button>
        </div>
      )}
      <form onSubmit={submit} noValidate className="invite__form">
        <PersonFields
          ref={nameInput}
          value={person}
          onChange={setPerson}
          nameLabel={t('invite.nameLabel')}
          relationLabel={t('start.relation')}
          relationPlaceholder={t('invite.relationPlaceholder')}
          roleLabel={t('start.role')}
          required
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('invite.making') : t('invite.make')}
        </button>
      </form>
    </section>
  );
}
