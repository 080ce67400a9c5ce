/**
 * When links end (revoked, re-issued, expired, or revoked by the operator command), the people behind
 * them leave the video of every meeting of their network, as their document connections close.
 */
import type { AccessRepository } from '../persistence/access.js';
import type { NetworkRepository } from '../persistence/networks.js';
import type { VideoService } from './VideoService.js';

/** The hook NetworkService calls with the ids of ended invitations. */
export function removeFromVideoOnEnd(
  video: VideoService,
  access: AccessRepository,
  networks: NetworkRepository,
): (invitationIds: readonly string[]) => void {
  return (invitationIds) => {
    const byNetwork = new Map<string, Set<string>>();
    for (const id of invitationIds) {
      const invitation = access.findInvitation(id);
      if (!invitation) continue;
      const people = byNetwork.get(invitation.networkId) ?? new Set<string>();
      people.add(invitation.participantId);
      byNetwork.set(invitation.networkId, people);
    }
    for (const [networkId, people] of byNetwork) {
      const meetingIds = networks.listMeetings(networkId).map((meeting) => meeting.id);
      // Not awaited: removal must not hold up the revocation; VideoService logs its own failures.
      void video.removeFromMeetings(meetingIds, [...people]);
    }
  };
}
