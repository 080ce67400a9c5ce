/**
 * The words of the team's work (issue 17) — the team page's networks, search and members, leaving the
 * team, a relative's request on the network page — in English: the source of every other language's
 * (the files beside this one). Each dictionary spreads its language's words in.
 */

export const teamWorkEn = {
  'activity.leftTeam': '{subject} left the team: their access to the network ended',
  'person.askedForLink': 'Asked for a new link {ago}',
  'person.sendAskedLink': 'Send {name} a new link',
  'team.lastMeeting': 'Last meeting: meeting {number}, {date}',
  'team.lastMeetingClosed': 'Last meeting: meeting {number}, {date} (closed)',
  'team.nextMeeting': 'Next meeting: {date}',
  'team.nextWhenNeeded': 'Next meeting: when needed',
  'team.nextNotAgreed': 'The next meeting is not agreed yet',
  'team.newSince': 'New since you last looked: {count}',
  'team.nothingNew': 'Nothing new since you last looked',
  'team.notOpenedYet': 'You have not opened this network yet',
  'team.myPlanItems': 'Yours to do',
  'team.planItemBy': '{text} (by {when})',
  'team.search': 'Find a network by the first name of its person',
  'team.searchButton': 'Find',
  'team.noneFound': 'No network of the team has a person of that first name.',
  'team.more': 'The team has more networks than are shown here: find them by first name.',
  'team.members': 'The team’s members',
  'team.memberAdmin': 'admin',
  'team.memberPeerWorker': 'peer worker',
  'team.memberProfessional': 'professional',
  'team.removeLabel': 'Remove {name} from the team',
  'team.remove': 'Remove from the team',
  'team.removeText':
    '{name} loses access to every network of the team at once: their open meetings and video close. Their words stay in the record.',
  'team.yesRemove': 'Yes, remove',
  'team.removeFailed': 'Could not remove them. Try again in a moment.',
  'close.leftTeam': 'You were removed from the team',
  'ended.leftTeamLead':
    'You can no longer open this network or its meetings, and the copy this device kept has been deleted. What you wrote stays in the record. If this is a mistake, ask an admin of the team to add you again.',
} as const;

/** The team-work words of one language: every English key. */
export type TeamWorkWords = { readonly [K in keyof typeof teamWorkEn]: string };
