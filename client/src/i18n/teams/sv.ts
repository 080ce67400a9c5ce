/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsSv: TeamsWords = {
  'activity.linkRequested': '{actor} bad om en ny länk',
  'activity.joinedFromTeam': '{actor} började arbeta med nätverket, från teamet',
};
