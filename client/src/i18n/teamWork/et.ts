/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkEt: TeamWorkWords = {
  'activity.leftTeam': '{subject} lahkus meeskonnast: tema juurdepääs võrgustikule lõppes',
  'person.askedForLink': 'Palus uut linki {ago}',
  'person.sendAskedLink': 'Saada inimesele {name} uus link',
  'team.lastMeeting': 'Viimane kohtumine: {number}, {date}',
  'team.lastMeetingClosed': 'Viimane kohtumine: {number}, {date} (suletud)',
  'team.nextMeeting': 'Järgmine kohtumine: {date}',
  'team.nextWhenNeeded': 'Järgmine kohtumine: vajadusel',
  'team.nextNotAgreed': 'Järgmises kohtumises pole veel kokku lepitud',
  'team.newSince': 'Uut pärast sinu viimast vaatamist: {count}',
  'team.nothingNew': 'Pärast sinu viimast vaatamist pole midagi uut',
  'team.notOpenedYet': 'Sa pole seda võrgustikku veel avanud',
  'team.myPlanItems': 'Sinu teha',
  'team.planItemBy': '{text} (hiljemalt {when})',
  'team.search': 'Leia võrgustik selle keskse inimese eesnime järgi',
  'team.searchButton': 'Otsi',
  'team.noneFound': 'Meeskonna võrgustikes pole selle eesnimega inimest.',
  'team.more': 'Meeskonnal on rohkem võrgustikke, kui siin näha: leia need eesnime järgi.',
  'team.members': 'Meeskonna liikmed',
  'team.memberAdmin': 'haldur',
  'team.memberPeerWorker': 'kogemusnõustaja',
  'team.memberProfessional': 'spetsialist',
  'team.removeLabel': 'Eemalda {name} meeskonnast',
  'team.remove': 'Eemalda meeskonnast',
  'team.removeText':
    '{name} kaotab kohe juurdepääsu kõigile meeskonna võrgustikele: avatud kohtumised ja video suletakse. Tema sõnad jäävad kirja.',
  'team.yesRemove': 'Jah, eemalda',
  'team.removeFailed': 'Eemaldamine ei õnnestunud. Proovi hetke pärast uuesti.',
  'close.leftTeam': 'Sind eemaldati meeskonnast',
  'ended.leftTeamLead':
    'Sa ei saa enam seda võrgustikku ega selle kohtumisi avada ja koopia, mida see seade hoidis, on kustutatud. Sinu kirjutatu jääb kirja. Kui see on viga, palu meeskonna halduril sind tagasi lisada.',
};
