/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsDe: TeamsWords = {
  'activity.linkRequested': '{actor} hat um einen neuen Link gebeten',
  'activity.joinedFromTeam': '{actor} arbeitet jetzt aus dem Team mit dem Netzwerk',
  'linkRequest.ask': 'Das Team um einen neuen Link bitten',
  'linkRequest.asked': 'Das Team wurde gebeten. Eine Fachkraft des Teams schickt Ihnen einen neuen Link.',
  'linkRequest.failed': 'Die Bitte konnte nicht gesendet werden. Versuchen Sie es gleich noch einmal.',
  'team.loading': 'Die Teamseite wird geöffnet…',
  'team.notSignedIn': 'Sie sind nicht angemeldet',
  'team.failed': 'Die Teamseite konnte nicht geöffnet werden',
  'team.notSignedInLead':
    'Öffnen Sie den Anmeldelink, den Sie bekommen haben, oder bitten Sie die Administration Ihres Teams um einen neuen.',
  'team.signedInAs': 'Angemeldet als {name} ({email})',
  'team.networks': 'Die Netzwerke des Teams',
  'team.noNetworks': 'Das Team hat noch keine Netzwerke.',
};
