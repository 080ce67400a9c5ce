/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsIt: TeamsWords = {
  'activity.linkRequested': '{actor} ha chiesto un nuovo link',
  'activity.joinedFromTeam': '{actor} ha iniziato a lavorare con la rete, dal team',
};
