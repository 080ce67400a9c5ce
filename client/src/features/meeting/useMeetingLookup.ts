/**
 * Who I am in this meeting, asked of the server (the session cookie), and what to show when the answer
 * is not the meeting: open the link again, revoked, erased, not found, or failed.
 */
import type { MeetingDetail } from '@polyphony/shared';
import { useEffect, useState } from 'react';
import { ApiRequestError, getMeeting } from '../../api/meetings';
import { leftTheTeam } from '../../api/request';
import { useT } from '../../i18n';
import {
  dropCopies,
  dropNetworkCopies,
  droppedReason,
  knownCopy,
  onCopiesDropped,
} from '../../privacy/localCopies';

/** What the server's answer (or this browser's own record of an erasure) says to show. */
export type MeetingLookup =
  | { state: 'loading' }
  | { state: 'found'; detail: MeetingDetail }
  | { state: 'unauthorized' }
  | { state: 'missing' }
  | { state: 'revoked' }
  | { state: 'leftTeam' }
  | { state: 'erased' }
  | { state: 'failed'; message: string };

/** The meeting's detail, or why it cannot be shown. */
export function useMeetingLookup(meetingId: string): MeetingLookup {
  const t = useT();
  const [lookup, setLookup] = useState<MeetingLookup>(() => {
    const dropped = droppedReason(meetingId);
    return dropped === 'erased' || dropped === 'revoked' ? { state: dropped } : { state: 'loading' };
  });

  // This browser learned that the meeting, or its person here, was erased (privacy/localCopies): say so,
  // whatever else the server answers (a session that went with the erasure answers 401).
  useEffect(() => {
    const erased = (reason: string | undefined) => {
      if (reason === 'erased' || reason === 'revoked') setLookup({ state: reason });
    };
    erased(droppedReason(meetingId));
    return onCopiesDropped((id, reason) => {
      if (id === meetingId) erased(reason);
    });
  }, [meetingId]);

  useEffect(() => {
    let current = true;
    getMeeting(meetingId).then(
      (detail) => current && setLookup({ state: 'found', detail }),
      (error: unknown) => {
        if (!current) return;
        const dropped = droppedReason(meetingId);
        if (dropped === 'erased' || dropped === 'revoked') setLookup({ state: dropped });
        else if (error instanceof ApiRequestError && error.status === 401)
          setLookup({ state: 'unauthorized' });
        else if (leftTheTeam(error)) {
          // A professional taken out of the network's team (still in another): the copies go as for
          // a revoked link, and the page says why.
          const network = knownCopy(meetingId)?.networkId;
          void dropCopies([meetingId], 'revoked');
          if (network) void dropNetworkCopies(network, 'revoked');
          setLookup({ state: 'leftTeam' });
        } else if (error instanceof ApiRequestError && error.status === 404) {
          // With a working session, this browser is not (or no longer) in the meeting's network: its
          // copies go (erased meeting or person; or the link was revoked, then the network's copies).
          const network = knownCopy(meetingId)?.networkId;
          const revoked = error.id === 'access_revoked';
          void dropCopies([meetingId], revoked ? 'revoked' : 'erased');
          if (revoked && network) void dropNetworkCopies(network, 'revoked');
          setLookup({ state: revoked ? 'revoked' : 'missing' });
        } else
          setLookup({
            state: 'failed',
            message: error instanceof Error ? error.message : t('meeting.couldNotOpenDot'),
          });
      },
    );
    return () => {
      current = false;
    };
  }, [meetingId, t]);

  return lookup;
}
