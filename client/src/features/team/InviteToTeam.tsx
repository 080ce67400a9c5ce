/**
 * A team admin invites one work address to enter the team by signing in with the organisation (issue 17,
 * [OI8]) — for someone whose address the team's domain or group rule does not cover, or who was taken out
 * of the team before. Shown only when the server has OIDC_* settings.
 */
import { type FormEvent, useId, useState } from 'react';
import { inviteToTeam } from '../../api/team';
import { useT } from '../../i18n';
import { useRequest } from '../../ui/useRequest';

export function InviteToTeam({ teamId }: { teamId: string }) {
  const t = useT();
  const id = useId();
  const [email, setEmail] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const { busy, error, run } = useRequest();
  const invite = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    void run(async () => {
      await inviteToTeam(teamId, address);
      setInvited(address);
      setEmail('');
    }, t('signIn.inviteFailed'));
  };
  return (
    <form
      className="team-invite"
      onSubmit={invite}
      aria-labelledby={`${id}-heading`}
      data-testid="team-invite"
    >
      <h3 id={`${id}-heading`} className="group__legend">
        {t('signIn.inviteHeading')}
      </h3>
      <label htmlFor={`${id}-email`}>{t('signIn.inviteEmail')}</label>
      <div className="team-invite__row">
        <input
          id={`${id}-email`}
          type="email"
          className="text-input"
          autoComplete="off"
          required
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('signIn.inviteSend')}
        </button>
      </div>
      {invited && (
        <p className="hint" role="status">
          {t('signIn.invited', { email: invited })}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
