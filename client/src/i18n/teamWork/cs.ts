/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkCs: TeamWorkWords = {
  'activity.leftTeam': '{subject} odešel/odešla z týmu: jeho/její přístup k síti skončil',
  'person.askedForLink': 'Požádal(a) o nový odkaz {ago}',
  'person.sendAskedLink': 'Poslat nový odkaz: {name}',
  'team.lastMeeting': 'Poslední setkání: {number}, {date}',
  'team.lastMeetingClosed': 'Poslední setkání: {number}, {date} (uzavřeno)',
  'team.nextMeeting': 'Příští setkání: {date}',
  'team.nextWhenNeeded': 'Příští setkání: podle potřeby',
  'team.nextNotAgreed': 'Příští setkání zatím není domluveno',
  'team.newSince': 'Nové od vaší poslední návštěvy: {count}',
  'team.nothingNew': 'Od vaší poslední návštěvy nic nového',
  'team.notOpenedYet': 'Tuto síť jste ještě neotevřel(a)',
  'team.myPlanItems': 'Vaše úkoly',
  'team.planItemBy': '{text} (do {when})',
  'team.search': 'Najít síť podle křestního jména jejího člověka',
  'team.searchButton': 'Najít',
  'team.noneFound': 'Žádná síť týmu nemá člověka s tímto křestním jménem.',
  'team.more': 'Tým má víc sítí, než je zde vidět: najděte je podle křestního jména.',
  'team.members': 'Členové týmu',
  'team.memberAdmin': 'správce',
  'team.memberPeerWorker': 'peer pracovník',
  'team.memberProfessional': 'profesionál',
  'team.removeLabel': 'Odebrat z týmu: {name}',
  'team.remove': 'Odebrat z týmu',
  'team.removeText':
    '{name} okamžitě ztratí přístup ke všem sítím týmu: otevřená setkání a video se zavřou. Jeho/její slova v záznamu zůstanou.',
  'team.yesRemove': 'Ano, odebrat',
  'team.removeFailed': 'Odebrání se nepodařilo. Zkuste to za chvíli znovu.',
  'close.leftTeam': 'Byli jste odebráni z týmu',
  'ended.leftTeamLead':
    'Tuto síť ani její setkání už otevřít nemůžete a kopie, kterou toto zařízení uchovávalo, byla smazána. Co jste napsali, v záznamu zůstává. Pokud jde o omyl, požádejte správce týmu, aby vás znovu přidal.',
};
