/** The activity log in plain sentences: "Eeva joined", "Maria revoked Jussi’s link". */
import type { ActivityEntry } from '@polyphony/shared';
import { possessive } from './roles';

/** How to name a meeting of the network: "meeting 2", or "a meeting" when it is not known. */
export type MeetingName = (meetingId: string | null) => string;

/** One entry as a sentence, without its time. Never contains document text (the log has none). */
export function activitySentence(entry: ActivityEntry, meetingName: MeetingName): string {
  const actor = entry.actor?.name;
  const subject = entry.subject?.name ?? 'someone';
  const meeting = meetingName(entry.meetingId);
  switch (entry.kind) {
    case 'network_started':
      return `${actor ?? 'Someone'} started the network`;
    case 'meeting_started':
      return `${actor ?? 'Someone'} started ${meeting}`;
    case 'meeting_closed':
      return `${actor ?? 'Someone'} closed ${meeting}`;
    case 'joined':
      return `${actor ?? 'Someone'} joined`;
    case 'viewed':
      return `${actor ?? 'Someone'} viewed ${meeting}`;
    case 'invited':
      return actor ? `${actor} invited ${subject}` : `${subject} was invited`;
    case 'link_reissued':
      return actor ? `${actor} gave ${subject} a new link` : `${subject} was given a new link`;
    case 'revoked':
      return actor
        ? `${actor} revoked ${possessive(subject)} link`
        : `${possessive(subject)} link was revoked`;
    case 'exported':
      return entry.meetingId
        ? `${actor ?? 'Someone'} exported ${meeting}`
        : `${actor ?? 'Someone'} exported the network`;
    default:
      return `${actor ?? 'Someone'}: ${String(entry.kind).replaceAll('_', ' ')}`;
  }
}
