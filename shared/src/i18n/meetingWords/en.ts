/**
 * The words around a meeting's document, in English: the source of every other language's words.
 * The client shows them around the document (its dictionaries spread them in) and the server writes
 * them into the Markdown export, so that a section is called the same on the page and in the file.
 * `{name}` marks a placeholder (shared/src/i18n/fill.ts).
 */

/** English, and the keys every other language must have. */
export const meetingWordsEn = {
  'network.of': '{name}’s network',
  'network.meetingTitle': 'Meeting {n}: {title}',
  'section.dialogue.heading': 'What people said',
  'section.reflections.heading': 'Reflections',
  'section.plan.heading': 'Plan',
  'section.openQuestions.heading': 'Not yet known',
  'section.nothingWritten': 'Nothing written here.',
  'common.someone': 'Someone',
  'common.someoneLower': 'someone',
  'block.typedFor': 'typed by {typist} for {speaker}',
  'block.wonders': ' wonders…',
  'block.someoneOfTeam': 'Someone of the team',
  'block.responseFrom': 'Response from ',
  'block.proposedByTitle': 'Proposed by {name}',
  'block.raisedByTitle': 'Raised by {name}',
  'block.closed': ' · closed',
  'plan.agrees': 'Agrees:',
  'plan.seesDifferently': 'Sees it differently:',
  'plan.whoDoesItColon': 'Who does it:',
  'plan.byWhenColon': 'By when:',
  'plan.noDecisionsToday': 'No decisions today.',
  'plan.notAgreedYet': 'Not agreed yet.',
  'plan.whenNeeded': 'When it is needed.',
  'plan.willCall': ' {name} will call it together.',
  'plan.nextMeeting': 'Next meeting',
  'print.present': 'Present:',
  'print.letInBy': 'let in by {name}',
  'print.where.room': 'in the room',
  'print.where.remote': 'by video',
  'print.where.phone': 'on the phone',
  // Who is who, honestly (issue 18): an observer only listens; an item carried from an earlier meeting.
  'print.listening': 'listening',
  'block.fromMeeting': 'from meeting {n}',
  'print.closed': ' · closed {when}',
  'print.stillOpen': ' · still open: this is how it reads now',
  'block.addedLater': 'added later by {name}',
  'later.heading': 'Changed after the meeting',
  'later.changed': 'Changed after the meeting by {names}, {when}',
  'later.added': 'Added after the meeting by {names}, {when}',
  'later.removed': 'Removed after the meeting by {names}, {when}',
  'later.changedBefore': 'Changed after the meeting by {names}, before {when}',
  'later.addedBefore': 'Added after the meeting by {names}, before {when}',
  'later.removedBefore': 'Removed after the meeting by {names}, before {when}',
  'later.restoring': ', going back to the version of {when}',
  'later.before': '{now} (before: {before})',
  'later.text': 'Text:',
  'later.status': 'Status:',
  'later.statusOpen': 'open',
  'later.statusDone': 'done',
  'later.statusClosed': 'closed',
  'later.nobody': 'nobody',
  'later.empty': 'not filled in',
  'later.quoted': '“{text}”',
  'later.noDecisionsTicked': '“No decisions today” was ticked',
  'later.noDecisionsUnticked': '“No decisions today” was unticked',
  'later.nextMeeting': 'Next meeting:',
  'plan.personView': '{name} (“{view}”)',
} as const satisfies Readonly<Record<string, string>>;

/** A key of the meeting words. */
export type MeetingWordKey = keyof typeof meetingWordsEn;

/** The meeting words of one language: every English key, as plain text. */
export type MeetingWords = { readonly [K in MeetingWordKey]: string };
