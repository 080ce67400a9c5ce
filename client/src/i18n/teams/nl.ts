/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsNl: TeamsWords = {
  'activity.linkRequested': '{actor} vroeg om een nieuwe link',
  'activity.joinedFromTeam': '{actor} werkt nu vanuit het team met het netwerk',
  'linkRequest.ask': 'Het team om een nieuwe link vragen',
  'linkRequest.asked': 'Het team is gevraagd. Een van de hulpverleners stuurt u een nieuwe link.',
  'linkRequest.failed': 'Het verzoek kon niet worden verstuurd. Probeer het zo nog eens.',
  'team.loading': 'De teampagina wordt geopend…',
  'team.notSignedIn': 'U bent niet aangemeld',
  'team.failed': 'De teampagina kon niet worden geopend',
  'team.notSignedInLead': 'Open de aanmeldlink die u kreeg, of vraag de beheerder van uw team om een nieuwe.',
  'team.signedInAs': 'Aangemeld als {name} ({email})',
  'team.networks': 'De netwerken van het team',
  'team.noNetworks': 'Het team heeft nog geen netwerken.',
};
