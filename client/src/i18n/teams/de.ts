/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsDe: TeamsWords = {
  'activity.linkRequested': '{actor} hat um einen neuen Link gebeten',
  'activity.joinedFromTeam': '{actor} arbeitet jetzt aus dem Team mit dem Netzwerk',
};
