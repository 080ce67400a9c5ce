/** The words of the team's work (issue 17) in this language; English (en.ts) is the source. */
import type { TeamWorkWords } from './en';

export const teamWorkDe: TeamWorkWords = {
  'activity.leftTeam': '{subject} hat das Team verlassen: der Zugang zum Netzwerk ist beendet',
  'person.askedForLink': 'Hat {ago} um einen neuen Link gebeten',
  'person.sendAskedLink': '{name} einen neuen Link senden',
  'team.lastMeeting': 'Letztes Treffen: {number}, {date}',
  'team.lastMeetingClosed': 'Letztes Treffen: {number}, {date} (geschlossen)',
  'team.nextMeeting': 'Nächstes Treffen: {date}',
  'team.nextWhenNeeded': 'Nächstes Treffen: bei Bedarf',
  'team.nextNotAgreed': 'Das nächste Treffen ist noch nicht vereinbart',
  'team.newSince': 'Neu seit deinem letzten Blick: {count}',
  'team.nothingNew': 'Nichts Neues seit deinem letzten Blick',
  'team.notOpenedYet': 'Du hast dieses Netzwerk noch nicht geöffnet',
  'team.myPlanItems': 'Deine Aufgaben',
  'team.planItemBy': '{text} (bis {when})',
  'team.search': 'Ein Netzwerk über den Vornamen seiner Person finden',
  'team.searchButton': 'Suchen',
  'team.noneFound': 'Kein Netzwerk des Teams hat eine Person mit diesem Vornamen.',
  'team.more': 'Das Team hat mehr Netzwerke, als hier stehen: finde sie über den Vornamen.',
  'team.members': 'Die Mitglieder des Teams',
  'team.memberAdmin': 'Admin',
  'team.memberPeerWorker': 'Peer-Begleiter:in',
  'team.memberProfessional': 'Fachkraft',
  'team.removeLabel': '{name} aus dem Team entfernen',
  'team.remove': 'Aus dem Team entfernen',
  'team.removeText':
    '{name} verliert sofort den Zugang zu allen Netzwerken des Teams: offene Treffen und Video schließen sich. Die eigenen Worte bleiben im Protokoll.',
  'team.yesRemove': 'Ja, entfernen',
  'team.removeFailed': 'Das Entfernen hat nicht geklappt. Versuche es gleich noch einmal.',
  'close.leftTeam': 'Du wurdest aus dem Team entfernt',
  'ended.leftTeamLead':
    'Du kannst dieses Netzwerk und seine Treffen nicht mehr öffnen, und die Kopie, die dieses Gerät gespeichert hatte, ist gelöscht. Was du geschrieben hast, bleibt im Protokoll. Wenn das ein Irrtum ist, bitte einen Admin des Teams, dich wieder hinzuzufügen.',
};
