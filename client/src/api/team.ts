/** Typed call of /api/team: the signed-in staff member and their teams' networks (issue 17). */
import type { TeamResponse } from '@polyphony/shared';
import { api } from './client';
import { call } from './request';

/** The team page's data; 401 when this browser is not signed in as staff. */
export function getTeam(): Promise<TeamResponse> {
  return call(() => api.team.$get());
}
