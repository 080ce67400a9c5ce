/**
 * The team page (issue 17): what a professional opens first after signing in — their teams and each
 * team's networks. Without a staff session it says how to sign in.
 */
import type { TeamResponse } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { needsLinkAgain } from '../../api/request';
import { getTeam } from '../../api/team';
import { useT } from '../../i18n';
import { OrganisationSignInButton, SignOutButton, useOrganisationSignIn } from './OrganisationSignIn';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; team: TeamResponse }
  | { kind: 'signed-out' }
  | { kind: 'failed' };

export function TeamPage() {
  const t = useT();
  const organisationSignIn = useOrganisationSignIn();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    getTeam().then(
      (team) => current && setState({ kind: 'ready', team }),
      (error: unknown) => current && setState({ kind: needsLinkAgain(error) ? 'signed-out' : 'failed' }),
    );
    return () => {
      current = false;
    };
  }, []);
  if (state.kind === 'loading') return <p className="notice">{t('team.loading')}</p>;
  if (state.kind !== 'ready') {
    return (
      <main className="notice">
        <h1>{t(state.kind === 'signed-out' ? 'team.notSignedIn' : 'team.failed')}</h1>
        <p>{t('team.notSignedInLead')}</p>
        {organisationSignIn && <OrganisationSignInButton primary />}
      </main>
    );
  }
  const { staff, teams } = state.team;
  return (
    <main className="start start--wide">
      <div className="signed-in">
        <p className="hint" data-testid="signed-in-as">
          {t('team.signedInAs', { name: staff.name, email: staff.email })}
        </p>
        <SignOutButton />
      </div>
      {teams.map((team) => (
        <section key={team.id} className="group" aria-labelledby={`team-${team.id}`} data-testid="team">
          <h1 id={`team-${team.id}`}>{team.name}</h1>
          {team.requests.length > 0 && (
            <ul className="link-list" data-testid="link-requests">
              {team.requests.map((asked) => (
                <li key={asked.participantId}>
                  <a href={`/n/${asked.networkId}`}>{t('activity.linkRequested', { actor: asked.name })}</a>
                </li>
              ))}
            </ul>
          )}
          <h2 className="group__legend">{t('team.networks')}</h2>
          {team.networks.length === 0 ? (
            <p className="hint">{t('team.noNetworks')}</p>
          ) : (
            <ul className="link-list">
              {team.networks.map((network) => (
                <li key={network.id} data-testid="team-network">
                  <a href={`/n/${network.id}`}>{t('network.of', { name: network.centreName })}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}
