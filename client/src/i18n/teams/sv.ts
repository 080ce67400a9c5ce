/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsSv: TeamsWords = {
  'activity.linkRequested': '{actor} bad om en ny länk',
  'activity.joinedFromTeam': '{actor} började arbeta med nätverket, från teamet',
  'linkRequest.ask': 'Be teamet om en ny länk',
  'linkRequest.asked': 'Teamet har fått din begäran. Någon i teamet skickar en ny länk till dig.',
  'linkRequest.failed': 'Begäran kunde inte skickas. Försök igen om en stund.',
  'team.loading': 'Teamets sida öppnas…',
  'team.notSignedIn': 'Du är inte inloggad',
  'team.failed': 'Teamets sida kunde inte öppnas',
  'team.notSignedInLead': 'Öppna inloggningslänken du fick, eller be teamets administratör om en ny.',
  'team.signedInAs': 'Inloggad som {name} ({email})',
  'team.networks': 'Teamets nätverk',
  'team.noNetworks': 'Teamet har inga nätverk än.',
};
