/** The meeting's admission as everyone present sees it: the code shown and who waits (issue 18). */
import { type AdmissionState, NudgeTopic } from '@polyphony/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { admissionState } from '../../api/admission';
import type { MeetingSession } from '../../sync/MeetingSession';

/**
 * How often the meeting page looks anyway. The server nudges every socket of the meeting (message 18)
 * when someone asks to join, is let in or not, or the code changes, and the page looks at once; this
 * slow poll is only the fallback for a nudge that did not arrive (an instance of an older version).
 */
export const SLOW_POLL_MS = 30_000;
/** After an answer failed, the page looks again this much later: long enough to read why it failed. */
const STALE_LOOK_MS = 3000;

/**
 * The admission state of an open meeting, looked at when nudged; `set` takes a fresh answer, `stale`
 * says an answer failed (the page then looks again a moment later).
 */
export function useAdmission(session: MeetingSession, meetingId: string, active: boolean) {
  const [state, setState] = useState<AdmissionState>({ url: null, waiting: [] });
  const look = useCallback(() => {
    admissionState(meetingId).then(setState, () => {});
  }, [meetingId]);
  const staleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stale = useCallback(() => {
    clearTimeout(staleTimer.current);
    staleTimer.current = setTimeout(look, STALE_LOOK_MS);
  }, [look]);
  useEffect(() => () => clearTimeout(staleTimer.current), []);
  useEffect(() => {
    if (!active) return;
    look();
    const timer = setInterval(look, SLOW_POLL_MS);
    const stopNudges = session.onNudge((topic) => {
      if (topic === NudgeTopic.admission) look();
    });
    return () => {
      clearInterval(timer);
      stopNudges();
    };
  }, [active, look, session]);
  return { state, set: setState, stale };
}
