/** The words of teams (issue 17) in this language; English (en.ts) is the source. */
import type { TeamsWords } from './en';

export const teamsIt: TeamsWords = {
  'activity.linkRequested': '{actor} ha chiesto un nuovo link',
  'activity.joinedFromTeam': '{actor} ha iniziato a lavorare con la rete, dal team',
  'linkRequest.ask': 'Chiedi al team un nuovo link',
  'linkRequest.asked': 'Il team è stato avvisato. Uno dei suoi professionisti ti manderà un nuovo link.',
  'linkRequest.failed': 'Non è stato possibile inviare la richiesta. Riprova tra poco.',
  'team.loading': 'Apertura della pagina del team…',
  'team.notSignedIn': 'Non hai effettuato l’accesso',
  'team.failed': 'Non è stato possibile aprire la pagina del team',
  'team.notSignedInLead':
    'Apri il link di accesso che hai ricevuto, o chiedine uno nuovo all’amministratore del tuo team.',
  'team.signedInAs': 'Accesso come {name} ({email})',
  'team.networks': 'Le reti del team',
  'team.noNetworks': 'Il team non ha ancora reti.',
};
