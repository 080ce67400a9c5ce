/**
 * "Since your last visit": when a person opens a meeting again, what others added since their last-seen
 * point (kept by the server) is highlighted, with a small note and "Mark as seen". The point moves on
 * when they mark it, while the page is in view (every little while) and when they leave the page; the
 * highlights of this visit stay until they mark them as seen, so nothing vanishes under their eyes.
 */

import { SECTIONS } from '@polyphony/shared';
import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { fromBase64, getSeen, putSeen } from '../../api/history';
import type { RevisitMarking } from '../../editor/RevisitMarking';
import { formatWhen } from '../../editor/time';
import { tx, useT } from '../../i18n';
import type { MeetingSession } from '../../sync/MeetingSession';

/** While the page is in view, the last-seen point follows what is on screen this often. */
const SEEN_EVERY_MS = 60_000;

/** What the note says: when the last visit was, if there is news from it. */
export interface SinceLastVisitState {
  /** The last visit, when others have added something since; null otherwise. */
  newSince: string | null;
  markAsSeen: () => void;
}

/** Load the last-seen point, highlight what is new, and keep the point moving. */
export function useSinceLastVisit(session: MeetingSession, marking: RevisitMarking): SinceLastVisitState {
  const [newSince, setNewSince] = useState<string | null>(null);
  const { doc, meetingId } = session;

  const save = useCallback(
    (keepalive = false) => {
      let seen: Uint8Array;
      try {
        seen = Y.encodeStateVector(doc);
      } catch {
        return;
      }
      void putSeen(meetingId, seen, keepalive).catch(() => undefined);
    },
    [doc, meetingId],
  );

  useEffect(() => {
    let current = true;
    const stop = session.whenSynced(() => {
      // What is here when the page opens is what this visit shows; what arrives later is seen live.
      const opened = Y.decodeStateVector(Y.encodeStateVector(doc));
      getSeen(meetingId).then(
        (seen) => {
          if (!current) return;
          if (!seen.stateVector || !seen.seenAt) {
            // A first visit: everything is new, so nothing is singled out; from now on it is seen.
            save();
            return;
          }
          marking.setNews(Y.decodeStateVector(fromBase64(seen.stateVector)), opened);
          if (SECTIONS.some((section) => marking.hasNewIn(doc.getXmlFragment(section)))) {
            setNewSince(seen.seenAt);
          }
        },
        () => undefined,
      );
    });
    return () => {
      current = false;
      stop();
    };
  }, [session, doc, meetingId, marking, save]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') save();
    }, SEEN_EVERY_MS);
    const onHide = () => {
      if (document.visibilityState === 'hidden') save(true);
    };
    const onLeave = () => save(true);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      // Leaving the meeting within the app (to the network page, to the next meeting) is leaving too.
      save(true);
    };
  }, [save]);

  const markAsSeen = useCallback(() => {
    save();
    marking.setNews(null, new Map());
    setNewSince(null);
  }, [save, marking]);

  return { newSince, markAsSeen };
}

/** The calm note above the document while something is highlighted as new. */
export function SinceLastVisitNote({ state }: { state: SinceLastVisitState }) {
  const t = useT();
  if (!state.newSince) return null;
  return (
    <div className="since-note" role="status" data-testid="since-last-visit">
      <p>
        {tx('since.note', {
          highlighted: <span className="news-text news-sample">{t('since.highlighted')}</span>,
          when: formatWhen(state.newSince),
        })}
      </p>
      <button type="button" className="button small" onClick={state.markAsSeen} data-testid="mark-seen">
        {t('since.markSeen')}
      </button>
    </div>
  );
}
