/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsFi: TeamsWords = {
  'activity.linkRequested': '{actor} pyysi uutta linkkiä',
  'activity.joinedFromTeam': '{actor} tuli mukaan verkostoon tiimistä',
};
