/** Typed calls of /api/team: the signed-in staff member, their teams' networks, leaving (issue 17). */
import type { TeamResponse } from '@polyphony/shared';
import { api, param } from './client';
import { call } from './request';

/**
 * The team page's data, the networks found by the first name of their person when `search` is given;
 * 401 when this browser is not signed in as staff.
 */
export function getTeam(search = ''): Promise<TeamResponse> {
  return call(() => api.team.$get({ query: search ? { q: search } : {} }));
}

/** A team admin takes someone out of the team: their access to its networks ends at once. */
export function removeTeamMember(teamId: string, staffId: string): Promise<unknown> {
  return call(() =>
    api.team[':teamId'].members[':staffId'].$delete({
      param: { teamId: param(teamId), staffId: param(staffId) },
    }),
  );
}

/** A team admin invites an address to enter the team by signing in with the organisation. */
export function inviteToTeam(teamId: string, email: string): Promise<{ invited: string[] }> {
  return call(() =>
    api.team[':teamId'].invitations.$post({ param: { teamId: param(teamId) }, json: { email } }),
  );
}
