/** The activity log in plain sentences: "Eeva joined", "Maria revoked Jussi’s link". */
import type { ActivityEntry } from '@polyphony/shared';
import { formatWhen } from '../../editor/time';
import { t } from '../../i18n';

/** How to name a meeting of the network: "meeting 2", or "a meeting" when it is not known. */
export type MeetingName = (meetingId: string | null) => string;

/** One entry as a sentence, without its time. Never contains document text (the log has none). */
export function activitySentence(entry: ActivityEntry, meetingName: MeetingName): string {
  const name = entry.actor?.name;
  const actor = name ?? t('common.someone');
  const subject = entry.subject?.name ?? t('common.someoneLower');
  const meeting = meetingName(entry.meetingId);
  switch (entry.kind) {
    case 'network_started':
      return t('activity.networkStarted', { actor });
    case 'meeting_started':
      return t('activity.meetingStarted', { actor, meeting });
    case 'meeting_closed':
      return t('activity.meetingClosed', { actor, meeting });
    case 'joined':
      return t('activity.joined', { actor });
    case 'viewed':
      return t('activity.viewed', { actor, meeting });
    case 'invited':
      return name ? t('activity.invited', { actor, subject }) : t('activity.wasInvited', { subject });
    case 'link_reissued':
      return name ? t('activity.reissued', { actor, subject }) : t('activity.wasReissued', { subject });
    case 'revoked':
      return name ? t('activity.revoked', { actor, subject }) : t('activity.wasRevoked', { subject });
    case 'exported':
      return entry.meetingId
        ? t('activity.exportedMeeting', { actor, meeting })
        : t('activity.exportedNetwork', { actor });
    case 'version_restored':
      return entry.version
        ? t('activity.versionRestored', { actor, meeting, when: formatWhen(entry.version.takenAt) })
        : t('activity.restoredAVersion', { actor, meeting });
    case 'version_viewed':
      return t('activity.versionViewed', { actor, meeting });
    case 'agreed_viewed':
      return t('activity.agreedViewed', { actor, meeting });
    case 'searched':
      return t('activity.searched', { actor });
    case 'network_viewed':
      return t('activity.networkViewed', { actor });
    case 'own_data_exported':
      return t('activity.ownDataExported', { actor });
    case 'meeting_erased':
      return name ? t('activity.meetingErased', { actor }) : t('activity.wasMeetingErased');
    case 'person_erased':
      return name ? t('activity.personErased', { actor }) : t('activity.wasPersonErased');
    case 'admission_opened':
      return t('activity.admissionOpened', { actor, meeting });
    case 'admission_closed':
      return t('activity.admissionClosed', { actor, meeting });
    case 'admitted':
      return t('activity.admitted', { actor, subject });
    case 'join_refused':
      return t('activity.joinRefused', { actor });
    case 'link_requested':
      return t('activity.linkRequested', { actor });
    case 'joined_from_team':
      return t('activity.joinedFromTeam', { actor });
    case 'left_team':
      return t('activity.leftTeam', { subject });
    default:
      // A kind this client does not know yet: its id, readable, rather than nothing.
      return `${actor}: ${String(entry.kind).replaceAll('_', ' ')}`;
  }
}
