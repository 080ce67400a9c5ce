/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkSv: TeamWorkWords = {
  'activity.leftTeam': '{subject} lämnade teamet: hens åtkomst till nätverket upphörde',
  'person.askedForLink': 'Bad om en ny länk {ago}',
  'person.sendAskedLink': 'Skicka en ny länk till {name}',
  'team.lastMeeting': 'Senaste mötet: {number}, {date}',
  'team.lastMeetingClosed': 'Senaste mötet: {number}, {date} (avslutat)',
  'team.nextMeeting': 'Nästa möte: {date}',
  'team.nextWhenNeeded': 'Nästa möte: vid behov',
  'team.nextNotAgreed': 'Nästa möte är inte överenskommet än',
  'team.newSince': 'Nytt sedan du senast tittade: {count}',
  'team.nothingNew': 'Inget nytt sedan du senast tittade',
  'team.notOpenedYet': 'Du har inte öppnat det här nätverket än',
  'team.myPlanItems': 'Ditt att göra',
  'team.planItemBy': '{text} (senast {when})',
  'team.search': 'Hitta ett nätverk med förnamnet på dess person',
  'team.searchButton': 'Sök',
  'team.noneFound': 'Inget av teamets nätverk har en person med det förnamnet.',
  'team.more': 'Teamet har fler nätverk än som visas här: hitta dem med förnamn.',
  'team.members': 'Teamets medlemmar',
  'team.memberAdmin': 'administratör',
  'team.memberPeerWorker': 'kamratstödjare',
  'team.memberProfessional': 'professionell',
  'team.removeLabel': 'Ta bort {name} från teamet',
  'team.remove': 'Ta bort från teamet',
  'team.removeText':
    '{name} förlorar genast åtkomsten till alla teamets nätverk: öppna möten och video stängs. Hens ord finns kvar i protokollet.',
  'team.yesRemove': 'Ja, ta bort',
  'team.removeFailed': 'Det gick inte att ta bort. Försök igen om en stund.',
  'close.leftTeam': 'Du togs bort från teamet',
  'ended.leftTeamLead':
    'Du kan inte längre öppna det här nätverket eller dess möten, och kopian som enheten sparat har raderats. Det du skrev finns kvar i protokollet. Om det är ett misstag, be en administratör i teamet att lägga till dig igen.',
};
