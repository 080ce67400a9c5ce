/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkFi: TeamWorkWords = {
  'activity.leftTeam': '{subject} lähti tiimistä: hänen pääsynsä verkostoon päättyi',
  'person.askedForLink': 'Pyysi uutta linkkiä {ago}',
  'person.sendAskedLink': 'Lähetä henkilölle {name} uusi linkki',
  'team.lastMeeting': 'Edellinen tapaaminen: {number}, {date}',
  'team.lastMeetingClosed': 'Edellinen tapaaminen: {number}, {date} (päättynyt)',
  'team.nextMeeting': 'Seuraava tapaaminen: {date}',
  'team.nextWhenNeeded': 'Seuraava tapaaminen: tarvittaessa',
  'team.nextNotAgreed': 'Seuraavasta tapaamisesta ei ole vielä sovittu',
  'team.newSince': 'Uutta sitten viime käynnin: {count}',
  'team.nothingNew': 'Ei mitään uutta sitten viime käynnin',
  'team.notOpenedYet': 'Et ole vielä avannut tätä verkostoa',
  'team.myPlanItems': 'Sinun tehtäväsi',
  'team.planItemBy': '{text} ({when} mennessä)',
  'team.search': 'Etsi verkosto sen keskushenkilön etunimellä',
  'team.searchButton': 'Etsi',
  'team.noneFound': 'Tiimin verkostoissa ei ole ketään tällä etunimellä.',
  'team.more': 'Tiimillä on enemmän verkostoja kuin tässä näkyy: etsi niitä etunimellä.',
  'team.members': 'Tiimin jäsenet',
  'team.memberAdmin': 'ylläpitäjä',
  'team.memberPeerWorker': 'vertaistyöntekijä',
  'team.memberProfessional': 'ammattilainen',
  'team.removeLabel': 'Poista {name} tiimistä',
  'team.remove': 'Poista tiimistä',
  'team.removeText':
    '{name} menettää heti pääsyn kaikkiin tiimin verkostoihin: avoimet tapaamiset ja video sulkeutuvat. Hänen sanansa jäävät kirjaan.',
  'team.yesRemove': 'Kyllä, poista',
  'team.removeFailed': 'Poistaminen ei onnistunut. Yritä hetken päästä uudelleen.',
  'close.leftTeam': 'Sinut poistettiin tiimistä',
  'ended.leftTeamLead':
    'Et voi enää avata tätä verkostoa tai sen kokouksia, ja tälle laitteelle tallennettu kopio on poistettu. Kirjoittamasi jää kirjaan. Jos tämä on virhe, pyydä tiimin ylläpitäjää lisäämään sinut takaisin.',
};
