/**
 * Whether the meeting's document may be laid out: once what it holds is known, so that the phase banner,
 * the order of the sections and their text arrive together and nothing on screen jumps when they do
 * (layout shift on load, issue 18). Known means: this browser's own copy is loaded and either held the
 * meeting already, or the server's first sync has come in. Offline, or with a server slow to answer,
 * the document is laid out anyway after a moment: a person is never kept from their words.
 */
import { useEffect, useState } from 'react';
import type { MeetingSession } from '../../sync/MeetingSession';

/** How long to wait for the server's first sync before laying out what this browser has. */
const FIRST_SYNC_WAIT_MS = 4000;

/** True once the document may be shown (see the module comment). */
export function useDocumentReady(session: MeetingSession): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    let stopWaiting: () => void = () => undefined;
    setReady(false);
    const show = () => {
      if (active) setReady(true);
    };
    void session.localCopyLoaded.then(async () => {
      if (!active) return;
      if ((await session.hadCopy.catch(() => false)) || !navigator.onLine) return show();
      const timer = setTimeout(show, FIRST_SYNC_WAIT_MS);
      const stopSync = session.whenSynced(show);
      stopWaiting = () => {
        clearTimeout(timer);
        stopSync();
      };
    });
    return () => {
      active = false;
      stopWaiting();
    };
  }, [session]);
  return ready;
}
