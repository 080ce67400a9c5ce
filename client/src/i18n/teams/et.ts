/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsEt: TeamsWords = {
  'activity.linkRequested': '{actor} palus uut linki',
  'activity.joinedFromTeam': '{actor} hakkas meeskonnast võrgustikuga töötama',
  'team.loading': 'Meeskonna lehte avatakse…',
  'team.notSignedIn': 'Te pole sisse logitud',
  'team.failed': 'Meeskonna lehte ei õnnestunud avada',
  'team.notSignedInLead': 'Avage saadud sisselogimislink või küsige oma meeskonna haldajalt uus.',
  'team.signedInAs': 'Sisse logitud: {name} ({email})',
  'team.networks': 'Meeskonna võrgustikud',
  'team.noNetworks': 'Meeskonnal pole veel võrgustikke.',
};
