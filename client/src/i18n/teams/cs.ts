/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsCs: TeamsWords = {
  'activity.linkRequested': '{actor} požádal(a) o nový odkaz',
  'activity.joinedFromTeam': '{actor} začal(a) pracovat se sítí, z týmu',
  'linkRequest.ask': 'Požádat tým o nový odkaz',
  'linkRequest.asked': 'Tým byl požádán. Někdo z jeho pracovníků vám pošle nový odkaz.',
  'linkRequest.failed': 'Žádost se nepodařilo odeslat. Zkuste to za chvíli znovu.',
  'team.loading': 'Otevírá se stránka týmu…',
  'team.notSignedIn': 'Nejste přihlášeni',
  'team.failed': 'Stránku týmu se nepodařilo otevřít',
  'team.notSignedInLead':
    'Otevřete přihlašovací odkaz, který jste dostali, nebo požádejte správce svého týmu o nový.',
  'team.signedInAs': 'Přihlášen(a) jako {name} ({email})',
  'team.networks': 'Sítě týmu',
  'team.noNetworks': 'Tým zatím nemá žádné sítě.',
};
