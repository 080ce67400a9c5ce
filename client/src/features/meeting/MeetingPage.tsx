/**
 * The meeting page, `/m/:id`: what the server says about this meeting and me, then the meeting itself
 * (MeetingDocument), or a notice saying why not. Who I am comes from the invitation (the session cookie).
 */
import type { MeetingDetail } from '@polyphony/shared';
import { useEffect } from 'react';
import { PageFailed, SectionBoundary } from '../../editor/SectionFallback';
import { useT } from '../../i18n';
import { knownCopy, rememberCopy } from '../../privacy/localCopies';
import { useMeetingSession, useSaveStatus } from '../../sync/hooks';
import type { MeetingSession } from '../../sync/MeetingSession';
import { MeetingEnded } from '../../ui/MeetingEnded';
import { FailedNotice, Notice } from '../../ui/Notice';
import { SessionEndReason } from '../../ui/SessionEndReason';
import { MeetingDocument } from './MeetingDocument';
import { useMeetingLookup } from './useMeetingLookup';

/** The page of one meeting, `/m/:id`. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const t = useT();
  const lookup = useMeetingLookup(meetingId);
  // Connecting (and loading this device's copy) starts at once, while the server says who I am: the
  // socket is authorised by the same cookie, so a person without a session only sees the notice below.
  const session = useMeetingSession(
    lookup.state === 'loading' || lookup.state === 'found' ? meetingId : null,
  );
  switch (lookup.state) {
    case 'loading':
      return (
        <Notice>
          <p>{t('app.openingMeeting')}</p>
        </Notice>
      );
    case 'unauthorized':
      return (
        <Notice testId="open-link-again">
          <h1>{t('meeting.openLinkAgain')}</h1>
          <SessionEndReason />
          <p>{t('meeting.deviceDoesNotKnow')}</p>
        </Notice>
      );
    case 'revoked':
    case 'leftTeam':
    case 'erased':
      return <MeetingEnded end={lookup.state} />;
    case 'missing':
      return (
        <Notice>
          <h1>{t('meeting.notFound')}</h1>
          <p>{t('meeting.notFoundText')}</p>
        </Notice>
      );
    case 'failed':
      return <FailedNotice heading={t('meeting.couldNotOpen')} message={lookup.message} />;
    case 'found':
      if (!session) return null;
      return (
        <SectionBoundary fallback={<PageFailed />}>
          <MeetingOrEnded session={session} detail={lookup.detail} />
        </SectionBoundary>
      );
  }
}

/**
 * The meeting, unless it may no longer be shown here (revoked, erased, rewritten, session ended): then
 * why, instead. Also checks this browser's copy against an erasure's rewrite of the document.
 */
function MeetingOrEnded({ session, detail }: { session: MeetingSession; detail: MeetingDetail }) {
  const status = useSaveStatus(session);
  const { meeting, me } = detail;
  useEffect(() => {
    const rewrittenAt = detail.documentRewrittenAt ?? null;
    const known = knownCopy(meeting.id);
    rememberCopy(meeting.id, { networkId: meeting.networkId, participantId: me.id, rewrittenAt });
    // A copy made before an erasure rewrote the document may still hold what was erased.
    if (rewrittenAt && (known?.rewrittenAt ?? '') < rewrittenAt) {
      void session.hadCopy.then((had) => {
        if (had) session.endWith('rewritten');
      });
    }
  }, [session, meeting.id, meeting.networkId, me.id, detail.documentRewrittenAt]);
  useEffect(() => {
    // The copy is deleted first; the page then loads the document again from the server.
    if (status.ended === 'rewritten') void session.whenCopyCleared().then(() => location.reload());
  }, [session, status.ended]);
  if (status.ended === 'rewritten') return <MeetingEnded end="rewritten" />;
  return <MeetingDocument session={session} detail={detail} />;
}
