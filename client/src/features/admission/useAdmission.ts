/** The meeting's admission as everyone present sees it: the code shown and who waits (issue 18). */
import type { AdmissionState } from '@polyphony/shared';
import { useCallback, useEffect, useState } from 'react';
import { admissionState } from '../../api/admission';

/** How often the meeting page looks for someone new asking to join. */
const POLL_MS = 3000;

/** The admission state of an open meeting, looked at every few seconds; `set` takes a fresh answer. */
export function useAdmission(meetingId: string, active: boolean) {
  const [state, setState] = useState<AdmissionState>({ url: null, waiting: [] });
  const look = useCallback(() => {
    admissionState(meetingId).then(setState, () => {});
  }, [meetingId]);
  useEffect(() => {
    if (!active) return;
    look();
    const timer = setInterval(look, POLL_MS);
    return () => clearInterval(timer);
  }, [active, look]);
  return { state, set: setState };
}
