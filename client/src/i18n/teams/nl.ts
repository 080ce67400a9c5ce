/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsNl: TeamsWords = {
  'activity.linkRequested': '{actor} vroeg om een nieuwe link',
  'activity.joinedFromTeam': '{actor} werkt nu vanuit het team met het netwerk',
};
