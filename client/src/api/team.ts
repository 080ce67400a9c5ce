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
