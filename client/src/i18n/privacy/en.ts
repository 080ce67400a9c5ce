/**
 * The words of data protection — leaving a device, sessions that end, erasure, a person's own data,
 * retention, switching person — in English: the source of every other language's (the files beside
 * this one). Each dictionary spreads its language's words in.
 */
import type { Message, Plural } from '../format';

export const privacyEn = {
  'leave.button': 'Leave this device',
  'leave.question': 'Leave this device?',
  'leave.what':
    'You are signed out here, and the copy of the meetings this device kept is deleted. To come back, open your personal link again.',
  'leave.unsaved': 'Some of your changes are not saved on the server yet: they will be lost.',
  'leave.yes': 'Yes, leave this device',
  'leave.leaving': 'Leaving…',
  'left.title': 'You have left this device',
  'left.lead': 'Nothing of the network is kept on this device any more, and you are signed out.',
  'left.back': 'To come back, open your personal link again (from the message you got it in).',
  'tooMany.title': 'Too many attempts',
  'tooMany.lead':
    'Too many links were opened from this connection in a short time. Wait a minute, then open your link again.',
  'switch.title': 'Who are you on this device?',
  'switch.lead': 'This device is {current} in {network}. The link you opened is for {link}.',
  'switch.why':
    'The link came from another site, so nothing has changed yet. If someone gave you this link, or you share this device, choose who you are.',
  'switch.become': 'Continue as {name}',
  'switch.stay': 'Stay as {name}',
  'switch.none': 'There is nothing to choose',
  'switch.noneLead': 'No link is waiting to be opened on this device. Open your personal link again.',
  'close.rewritten': 'This meeting was changed by an erasure — loading it again',
  'ended.erasedTitle': 'This meeting is no longer here',
  'ended.erasedLead': 'It was erased, or your details were. The copy this device kept has been deleted.',
  'ended.revokedLead':
    'You can no longer open this network with it, and the copy this device kept has been deleted. If this is a mistake, ask the person who invited you for a new link.',
  'ended.rewrittenTitle': 'Loading the meeting again',
  'ended.rewrittenLead':
    'Someone’s details were erased from this meeting. This device’s copy was deleted, and the meeting is loaded again.',
  'ended.sessionTitle': 'Your session on this device has ended',
  'ended.sessionIdle': 'It ended because this device was not used for {minutes} min.',
  'ended.sessionLifetime': 'It ended because it reached its time limit.',
  'ended.sessionOther': 'It was ended on this device.',
  'ended.sessionBack':
    'To come back, open your personal link again. Everything written in the meetings is kept.',
  'privacy.heading': 'Your data',
  'privacy.retention':
    'Kept until {date} if nobody uses it: networks without activity for {days} days are erased.',
  'privacy.yourData':
    'You can download everything Polyphony holds about you here: your details, your links, the meetings and the activity log.',
  'privacy.download': 'Download everything about me',
  'privacy.eraseHint': 'Erasing cannot be undone. Copies someone downloaded or printed are not touched.',
  'erase.network': 'Erase this network…',
  'erase.networkWhat': 'This erases {network} for good:',
  'erase.networkMeetings': {
    one: '{count} meeting and everything written in it ({versions} earlier versions)',
    other: '{count} meetings and everything written in them ({versions} earlier versions)',
  },
  'erase.networkPeople': {
    one: '{count} person and their link: {names}',
    other: '{count} people and their links: {names}',
  },
  'erase.networkLog': {
    one: 'the activity log ({count} entry)',
    other: 'the activity log ({count} entries)',
  },
  'erase.networkConfirm': 'Erase {network}',
  'erase.networkDone': 'The network was erased',
  'erase.networkDoneLead':
    'Nothing of it is kept by Polyphony any more, and nobody can open it again. This device’s copy was deleted too.',
  'erase.meeting': 'Erase meeting {n}…',
  'erase.meetingWhat':
    'This erases meeting {n}, “{title}”, for good: its document and everything written in it, its {versions} earlier versions and the version as agreed, who took part and who saw what. The log keeps that it was erased.',
  'erase.meetingConfirm': 'Erase meeting {n}',
  'erase.person': 'Erase…',
  'erase.personLabel': 'Erase {name}',
  'erase.personWhat': 'This erases {name} from the network for good:',
  'erase.personDetails':
    'their name and relation everywhere they appear, their links ({links}) and sessions on devices ({sessions})',
  'erase.personLog': {
    one: 'their name in {count} entry of the activity log',
    other: 'their name in {count} entries of the activity log',
  },
  'erase.personWords': {
    one: 'And what they said and wrote in the {count} meeting:',
    other: 'And what they said and wrote in the {count} meetings:',
  },
  'erase.wordsLabel': 'What happens to what {name} said and wrote',
  'erase.remove': 'Remove it.',
  'erase.removeText': 'Everything {name} said or wrote goes; what others wrote stays.',
  'erase.anonymise': 'Keep it without their name.',
  'erase.anonymiseText': 'The words stay in the record, shown as someone’s; nothing says they were {name}’s.',
  'erase.wordsWhy':
    'Removing is what erasing means. Keeping the words without the name keeps the record whole for the others, when {name} agrees or the service must keep it.',
  'erase.personConfirm': 'Erase {name}',
  'erase.forGood': 'This cannot be undone: Polyphony cannot bring it back.',
  'erase.erasing': 'Erasing…',
  'start.tooMany': 'Too many networks were started from this connection. Wait a while and try again.',
  'start.turnedOff':
    'Starting a network here is turned off. A professional of your team, or the operator, can start one.',
  'activity.versionViewed': '{actor} opened an earlier version of {meeting}',
  'activity.agreedViewed': '{actor} viewed {meeting} as agreed',
  'activity.searched': '{actor} searched the meetings',
  'activity.networkViewed': '{actor} opened the network page',
  'activity.ownDataExported': '{actor} downloaded everything Polyphony holds about them',
  'activity.meetingErased': '{actor} erased a meeting',
  'activity.wasMeetingErased': 'A meeting was erased',
  'activity.personErased': '{actor} erased a person’s details',
  'activity.wasPersonErased': 'A person’s details were erased',
} as const satisfies Record<string, Message>;

/** The data-protection words of one language: every English key, plural forms where English has them. */
export type PrivacyWords = {
  readonly [K in keyof typeof privacyEn]: (typeof privacyEn)[K] extends string ? string : Plural;
};
