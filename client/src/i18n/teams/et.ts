/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsEt: TeamsWords = {
  'activity.linkRequested': '{actor} palus uut linki',
  'activity.joinedFromTeam': '{actor} hakkas meeskonnast võrgustikuga töötama',
  'linkRequest.ask': 'Palu meeskonnalt uut linki',
  'linkRequest.asked': 'Meeskonnalt on palutud. Keegi meeskonnast saadab teile uue lingi.',
  'linkRequest.failed': 'Palvet ei õnnestunud saata. Proovige hetke pärast uuesti.',
  'team.loading': 'Meeskonna lehte avatakse…',
  'team.notSignedIn': 'Te pole sisse logitud',
  'team.failed': 'Meeskonna lehte ei õnnestunud avada',
  'team.notSignedInLead': 'Avage saadud sisselogimislink või küsige oma meeskonna haldajalt uus.',
  'team.signedInAs': 'Sisse logitud: {name} ({email})',
  'team.networks': 'Meeskonna võrgustikud',
  'team.noNetworks': 'Meeskonnal pole veel võrgustikke.',
};
