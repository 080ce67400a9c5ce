/**
 * The team page (issue 17): what a professional opens first after signing in — their teams and each
 * team's networks (last and next meeting, what is new, their own plan items), found by the person's
 * first name; the relatives asking for a new link; for admins, the members. Without a staff session it
 * says how to sign in.
 */
import { TEAM_SEARCH_MAX, type TeamResponse } from '@polyphony/shared';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { needsLinkAgain } from '../../api/request';
import { getTeam } from '../../api/team';
import { useT } from '../../i18n';
import { InviteToTeam } from './InviteToTeam';
import { OrganisationSignInButton, SignOutButton, useOrganisationSignIn } from './OrganisationSignIn';
import { TeamMembers } from './TeamMembers';
import { TeamNetworkItem } from './TeamNetworkItem';
import './team.css';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; team: TeamResponse }
  | { kind: 'signed-out' }
  | { kind: 'failed' };

export function TeamPage() {
  const t = useT();
  const organisationSignIn = useOrganisationSignIn();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [search, setSearch] = useState('');
  const [searched, setSearched] = useState('');
  const load = useCallback(async (firstName: string) => {
    try {
      const team = await getTeam(firstName);
      setState({ kind: 'ready', team });
      setSearched(firstName);
    } catch (error: unknown) {
      setState({ kind: needsLinkAgain(error) ? 'signed-out' : 'failed' });
    }
  }, []);
  useEffect(() => {
    void load('');
  }, [load]);
  const find = (event: FormEvent) => {
    event.preventDefault();
    void load(search.trim());
  };
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
          <form className="team-search" onSubmit={find}>
            <label>
              {t('team.search')}
              <input
                type="search"
                className="text-input"
                value={search}
                maxLength={TEAM_SEARCH_MAX}
                onChange={(event) => setSearch(event.target.value)}
                data-testid="team-search"
              />
            </label>
            <button type="submit" className="button">
              {t('team.searchButton')}
            </button>
          </form>
          {team.networks.length === 0 ? (
            <p className="hint">{searched ? t('team.noneFound') : t('team.noNetworks')}</p>
          ) : (
            <ul className="team-networks">
              {team.networks.map((network) => (
                <TeamNetworkItem key={network.id} network={network} />
              ))}
            </ul>
          )}
          {team.more && <p className="hint">{t('team.more')}</p>}
          {team.role === 'admin' && team.members.length > 0 && (
            <TeamMembers
              teamId={team.id}
              members={team.members}
              meId={staff.id}
              onChanged={() => load(searched)}
            />
          )}
          {team.role === 'admin' && organisationSignIn && <InviteToTeam teamId={team.id} />}
        </section>
      ))}
    </main>
  );
}
