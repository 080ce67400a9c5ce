/**
 * Letting someone new in (issue 18) — the meeting's "ask to join" code, the newcomer's page, the log —
 * in English: the source of the other languages' words (the files beside this one).
 */
import type { Message } from '../format';

export const admissionEn = {
  'admission.heading': 'Someone new',
  'admission.offLead':
    'Someone new who matters can ask to join this meeting with a code. No one comes in without being let in.',
  'admission.show': 'Show a code to ask to join',
  'admission.shownLead':
    'Someone new can scan this code or open the link, and ask to join. It works while this meeting is open, until it is turned off.',
  'admission.qrLabel': 'QR code to ask to join this meeting',
  'admission.turnOff': 'Turn the code off',
  'admission.asks': '{who} asks to join',
  'admission.role': 'Role for {name}',
  'admission.letIn': 'Let {name} in',
  'admission.refuse': 'Do not let {name} in',
  'admission.whoDecides': 'The person at the centre or a professional lets them in.',
  'ask.title': 'Ask to join the meeting',
  'ask.lead':
    'Say who you are. The people in the meeting will see your name and how you are related, and decide whether you join.',
  'ask.name': 'The name you wish to be called',
  'ask.relation': 'How you are related (for example: neighbour)',
  'ask.send': 'Ask to join',
  'ask.waitingTitle': 'Waiting to be let in',
  'ask.waitingLead':
    'The person at the centre of the meeting or one of the professionals will let you in. Keep this page open: it changes by itself.',
  'ask.refusedTitle': 'You were not let in this time',
  'ask.refusedLead':
    'The people in the meeting decided not to let you join now. You can talk with the person who asked you to come.',
  'ask.inTitle': 'You are in',
  'ask.inLead': 'This is your personal link for later. Keep it to yourself: it opens the meeting as you.',
  'ask.yourLink': 'Your personal link',
  'ask.go': 'Go to the meeting',
  'ask.invalid': 'This code no longer works: the meeting ended, or the code was turned off.',
  'ask.tooMany': 'Too many tries from here. Wait a while and try again.',
  'activity.admissionOpened': '{actor} showed a code to ask to join {meeting}',
  'activity.admissionClosed': '{actor} turned off the code to ask to join {meeting}',
  'activity.admitted': '{actor} let {subject} in',
  'activity.joinRefused': '{actor} did not let someone in',
} as const satisfies Record<string, Message>;

/** The admission words of one language: every English key. */
export type AdmissionWords = { readonly [K in keyof typeof admissionEn]: string };
