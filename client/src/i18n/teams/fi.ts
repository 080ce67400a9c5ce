/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsFi: TeamsWords = {
  'activity.linkRequested': '{actor} pyysi uutta linkkiä',
  'activity.joinedFromTeam': '{actor} tuli mukaan verkostoon tiimistä',
  'linkRequest.ask': 'Pyydä tiimiltä uusi linkki',
  'linkRequest.asked': 'Tiimiltä on pyydetty. Joku tiimin työntekijöistä lähettää sinulle uuden linkin.',
  'linkRequest.failed': 'Pyyntöä ei voitu lähettää. Yritä hetken päästä uudelleen.',
  'team.loading': 'Tiimin sivua avataan…',
  'team.notSignedIn': 'Et ole kirjautunut',
  'team.failed': 'Tiimin sivua ei voitu avata',
  'team.notSignedInLead': 'Avaa saamasi kirjautumislinkki tai pyydä tiimisi ylläpitäjältä uusi.',
  'team.signedInAs': 'Kirjautunut: {name} ({email})',
  'team.networks': 'Tiimin verkostot',
  'team.noNetworks': 'Tiimillä ei ole vielä verkostoja.',
};
