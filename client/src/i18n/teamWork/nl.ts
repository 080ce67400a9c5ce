/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkNl: TeamWorkWords = {
  'activity.leftTeam': '{subject} heeft het team verlaten: de toegang tot het netwerk is beëindigd',
  'person.askedForLink': 'Vroeg om een nieuwe link {ago}',
  'person.sendAskedLink': 'Stuur {name} een nieuwe link',
  'team.lastMeeting': 'Laatste bijeenkomst: {number}, {date}',
  'team.lastMeetingClosed': 'Laatste bijeenkomst: {number}, {date} (gesloten)',
  'team.nextMeeting': 'Volgende bijeenkomst: {date}',
  'team.nextWhenNeeded': 'Volgende bijeenkomst: wanneer nodig',
  'team.nextNotAgreed': 'De volgende bijeenkomst is nog niet afgesproken',
  'team.newSince': 'Nieuw sinds je laatste bezoek: {count}',
  'team.nothingNew': 'Niets nieuws sinds je laatste bezoek',
  'team.notOpenedYet': 'Je hebt dit netwerk nog niet geopend',
  'team.myPlanItems': 'Voor jou om te doen',
  'team.planItemBy': '{text} (uiterlijk {when})',
  'team.search': 'Zoek een netwerk op de voornaam van de persoon',
  'team.searchButton': 'Zoeken',
  'team.noneFound': 'Geen netwerk van het team heeft iemand met die voornaam.',
  'team.more': 'Het team heeft meer netwerken dan hier staan: zoek ze op voornaam.',
  'team.members': 'De leden van het team',
  'team.memberAdmin': 'beheerder',
  'team.memberPeerWorker': 'ervaringsdeskundige',
  'team.memberProfessional': 'professional',
  'team.removeLabel': 'Verwijder {name} uit het team',
  'team.remove': 'Uit het team verwijderen',
  'team.removeText':
    '{name} verliest meteen de toegang tot alle netwerken van het team: open bijeenkomsten en video sluiten. Wat diegene schreef, blijft in het verslag.',
  'team.yesRemove': 'Ja, verwijderen',
  'team.removeFailed': 'Verwijderen lukte niet. Probeer het zo opnieuw.',
  'close.leftTeam': 'Je bent uit het team gehaald',
  'ended.leftTeamLead':
    'Je kunt dit netwerk en zijn bijeenkomsten niet meer openen, en de kopie die dit apparaat bewaarde, is verwijderd. Wat je schreef, blijft in het verslag. Is dit een vergissing, vraag dan een beheerder van het team om je weer toe te voegen.',
};
