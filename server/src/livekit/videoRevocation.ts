/**
 * When links end (revoked, re-issued, expired, or revoked by the operator command), the people behind
 * them leave the video of every meeting of their network, as their document connections close.
 */
import type { Logger } from '../logger.js';
import type { MetadataStore } from '../persistence/metadata/types.js';
import type { VideoService } from './VideoService.js';

/** The hook NetworkService calls with the ids of ended invitations. */
export function removeFromVideoOnEnd(
  video: VideoService,
  store: MetadataStore,
  logger: Logger,
): (invitationIds: readonly string[]) => void {
  const remove = async (invitationIds: readonly string[]) => {
    const byNetwork = new Map<string, Set<string>>();
    for (const id of invitationIds) {
      const invitation = await store.findInvitation(id);
      if (!invitation) continue;
      const people = byNetwork.get(invitation.networkId) ?? new Set<string>();
      people.add(invitation.participantId);
      byNetwork.set(invitation.networkId, people);
    }
    for (const [networkId, people] of byNetwork) {
      const meetingIds = (await store.listMeetings(networkId)).map((meeting) => meeting.id);
      await video.removeFromMeetings(meetingIds, [...people]);
    }
  };
  // Not awaited: removal must not hold up the revocation; VideoService logs its own failures.
  return (invitationIds) => {
    remove(invitationIds).catch((error: unknown) =>
      logger.error({ err: error }, 'could not find who to remove from video'),
    );
  };
}

/**
 * The hook NetworkService calls with people whose access ended without a link (a professional who left
 * the network's team): they leave the video of every meeting of their networks.
 */
export function removePeopleFromVideo(
  video: VideoService,
  store: MetadataStore,
  logger: Logger,
): (people: readonly { networkId: string; participantId: string }[]) => void {
  const remove = async (people: readonly { networkId: string; participantId: string }[]) => {
    const byNetwork = new Map<string, Set<string>>();
    for (const { networkId, participantId } of people) {
      byNetwork.set(networkId, (byNetwork.get(networkId) ?? new Set<string>()).add(participantId));
    }
    for (const [networkId, ids] of byNetwork) {
      const meetingIds = (await store.listMeetings(networkId)).map((meeting) => meeting.id);
      await video.removeFromMeetings(meetingIds, [...ids]);
    }
  };
  return (people) => {
    remove(people).catch((error: unknown) =>
      logger.error({ err: error }, 'could not find who to remove from video'),
    );
  };
}
