/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsCs: TeamsWords = {
  'activity.linkRequested': '{actor} požádal(a) o nový odkaz',
  'activity.joinedFromTeam': '{actor} začal(a) pracovat se sítí, z týmu',
};
