/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkIt: TeamWorkWords = {
  'activity.leftTeam': '{subject} ha lasciato il team: il suo accesso alla rete è terminato',
  'person.askedForLink': 'Ha chiesto un nuovo link {ago}',
  'person.sendAskedLink': 'Invia un nuovo link a {name}',
  'team.lastMeeting': 'Ultimo incontro: {number}, {date}',
  'team.lastMeetingClosed': 'Ultimo incontro: {number}, {date} (chiuso)',
  'team.nextMeeting': 'Prossimo incontro: {date}',
  'team.nextWhenNeeded': 'Prossimo incontro: quando serve',
  'team.nextNotAgreed': 'Il prossimo incontro non è ancora stato concordato',
  'team.newSince': 'Novità dalla tua ultima visita: {count}',
  'team.nothingNew': 'Nessuna novità dalla tua ultima visita',
  'team.notOpenedYet': 'Non hai ancora aperto questa rete',
  'team.myPlanItems': 'Da fare per te',
  'team.planItemBy': '{text} (entro {when})',
  'team.search': 'Trova una rete dal nome della sua persona',
  'team.searchButton': 'Trova',
  'team.noneFound': 'Nessuna rete del team ha una persona con quel nome.',
  'team.more': 'Il team ha più reti di quelle mostrate qui: trovale per nome.',
  'team.members': 'I membri del team',
  'team.memberAdmin': 'amministratore',
  'team.memberPeerWorker': 'peer worker',
  'team.memberProfessional': 'professionista',
  'team.removeLabel': 'Rimuovi {name} dal team',
  'team.remove': 'Rimuovi dal team',
  'team.removeText':
    '{name} perde subito l’accesso a tutte le reti del team: gli incontri aperti e il video si chiudono. Le sue parole restano nel registro.',
  'team.yesRemove': 'Sì, rimuovi',
  'team.removeFailed': 'Non è stato possibile rimuovere. Riprova tra un momento.',
  'close.leftTeam': 'Non fai più parte del team',
  'ended.leftTeamLead':
    'Non puoi più aprire questa rete né i suoi incontri, e la copia conservata da questo dispositivo è stata cancellata. Ciò che hai scritto resta nel registro. Se è un errore, chiedi a un amministratore del team di aggiungerti di nuovo.',
};
