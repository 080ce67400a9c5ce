/**
 * Where the meeting page opens (issue 18): where this person last wrote in this meeting, else the
 * section of the current phase. Decided once, when the document is first laid out; the section's editor
 * brings it into view (SectionEditor's `reveal`), unless the person is already reading elsewhere.
 */
import type { Phase, SectionName } from '@polyphony/shared';
import { useEffect, useRef, useState } from 'react';
import { lastWrittenBy } from '../../editor/lastWritten';
import type { Reveal } from '../../editor/SectionEditor';
import type { MeetingSession } from '../../sync/MeetingSession';

/**
 * The section each phase is about, where it is not first on the page anyway: the dialogue is first,
 * and the reflections are brought first while the team reflects and the network responds.
 */
const SECTION_OF_PHASE: Partial<Record<Phase, SectionName>> = {
  decisions: 'plan',
  next_meeting: 'plan',
};

/** The section to open at and what of it to bring into view, once decided; null while not (or nothing). */
export function useOpeningPlace(
  session: MeetingSession,
  participantId: string,
  phase: Phase,
  ready: boolean,
): { section: SectionName; reveal: Reveal } | null {
  const openedAt = useRef(performance.now());
  const decided = useRef(false);
  const phaseNow = useRef(phase);
  phaseNow.current = phase;
  const [place, setPlace] = useState<{ section: SectionName; reveal: Reveal } | null>(null);
  useEffect(() => {
    if (!ready || decided.current) return;
    decided.current = true;
    const since = openedAt.current;
    const written = lastWrittenBy(session.doc, participantId);
    if (written) {
      const { section, client, clock } = written;
      setPlace({ section, reveal: { at: { client, clock }, since } });
      return;
    }
    const section = SECTION_OF_PHASE[phaseNow.current];
    if (section) setPlace({ section, reveal: { section: true, since } });
  }, [ready, session, participantId]);
  return place;
}
