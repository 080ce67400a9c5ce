/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsEt: TeamsWords = {
  'activity.linkRequested': '{actor} palus uut linki',
  'activity.joinedFromTeam': '{actor} hakkas meeskonnast võrgustikuga töötama',
};
