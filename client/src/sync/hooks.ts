/** React hooks over a MeetingSession: its save status, who is here, and the meeting's title. */
import {
  type AttendanceView,
  DocumentTypes,
  MetaKeys,
  readAttendance,
  readPresenceUser,
} from '@polyphony/shared';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { droppedReason, whenReconciled } from '../privacy/localCopies';
import { MeetingSession, type MeetingUser, type SaveStatus } from './MeetingSession';

/** Open a session on a meeting for as long as the component is mounted. */
export function useMeetingSession(meetingId: string | null): MeetingSession | null {
  const [session, setSession] = useState<MeetingSession | null>(null);
  useEffect(() => {
    if (!meetingId) return;
    let opened: MeetingSession | null = null;
    let cancelled = false;
    // This browser's copies are checked with the server first (privacy/localCopies): a copy that must
    // go is neither opened nor made again.
    void whenReconciled().then(() => {
      const dropped = droppedReason(meetingId);
      if (cancelled || dropped === 'erased' || dropped === 'revoked') return;
      opened = new MeetingSession(meetingId);
      setSession(opened);
    });
    return () => {
      cancelled = true;
      setSession(null);
      opened?.destroy();
    };
  }, [meetingId]);
  return session;
}

/** The honest save status of this person's edits. */
export function useSaveStatus(session: MeetingSession): SaveStatus {
  return useSyncExternalStore(session.subscribe, session.getStatus);
}

/** Warn before the page is left while the server has not confirmed this person's edits. */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the dialog.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}

/** Someone connected to the meeting, as their awareness describes them. */
export interface Participant extends MeetingUser {
  clientId: number;
  isYou: boolean;
  handRaised: boolean;
}

function readParticipants(session: MeetingSession): Participant[] {
  const you = session.doc.clientID;
  const people: Participant[] = [];
  for (const [clientId, state] of session.provider.awareness.getStates()) {
    // The server relays presence in this shape only; a state that is not (another server, an old one)
    // names nobody here rather than breaking the page.
    const user = readPresenceUser(state);
    if (!user) continue;
    const handRaised = (state as { handRaised?: unknown }).handRaised;
    people.push({
      clientId,
      name: user.name,
      color: user.color,
      id: user.id,
      relation: user.relation,
      role: user.role,
      isYou: clientId === you,
      handRaised: handRaised === true,
    });
  }
  // You first, then everyone else by name.
  return people.sort((a, b) => Number(b.isYou) - Number(a.isYou) || a.name.localeCompare(b.name));
}

/** Everyone connected to the meeting right now, you first. */
export function useParticipants(session: MeetingSession): Participant[] {
  const [people, setPeople] = useState(() => readParticipants(session));
  useEffect(() => {
    const awareness = session.provider.awareness;
    // 'change' fires only when something differs, not on the 15-second renewals.
    const onChange = () => setPeople(readParticipants(session));
    awareness.on('change', onChange);
    onChange();
    return () => awareness.off('change', onChange);
  }, [session]);
  return people;
}

function readTitle(meta: Y.Map<unknown>): string | undefined {
  const title = meta.get(MetaKeys.title);
  return typeof title === 'string' ? title : undefined;
}

/** The meeting's title as written in the shared document, and a way to change it. */
export function useMeetingTitle(session: MeetingSession): [string | undefined, (title: string) => void] {
  const meta = session.doc.getMap<unknown>(DocumentTypes.meta);
  const [title, setTitleState] = useState(() => readTitle(meta));
  useEffect(() => {
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(MetaKeys.title)) setTitleState(readTitle(meta));
    };
    meta.observe(onChange);
    setTitleState(readTitle(meta));
    return () => meta.unobserve(onChange);
  }, [meta]);
  const setTitle = useCallback((next: string) => meta.set(MetaKeys.title, next), [meta]);
  return [title, setTitle];
}

/** One value of the meeting's `meta` map, kept current, and a way to change it. */
export function useMetaValue<T>(
  doc: Y.Doc,
  key: string,
  read: (value: unknown) => T,
): [T, (value: T) => void] {
  const meta = doc.getMap<unknown>(DocumentTypes.meta);
  const [value, setValue] = useState(() => read(meta.get(key)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is a pure parser, fixed per call site.
  useEffect(() => {
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(key)) setValue(read(meta.get(key)));
    };
    meta.observe(onChange);
    setValue(read(meta.get(key)));
    return () => meta.unobserve(onChange);
  }, [meta, key]);
  const write = useCallback((next: T) => meta.set(key, next), [meta, key]);
  return [value, write];
}

/** The attendance map as readers show it: entries that name someone, with well-formed values only. */
export function useAttendance(doc: Y.Doc): Record<string, AttendanceView> {
  const map = doc.getMap<unknown>(DocumentTypes.attendance);
  const [entries, setEntries] = useState(() => readAttendance(map.entries()));
  useEffect(() => {
    const onChange = () => setEntries(readAttendance(map.entries()));
    map.observe(onChange);
    onChange();
    return () => map.unobserve(onChange);
  }, [map]);
  return entries;
}

/**
 * A key for the meeting's editors, or null until this browser's copy of the document is loaded (the
 * connection waits for it too, so this costs no time). Editors opened on an empty document and then
 * handed a stored section they cannot read fail outside React; opened on what there is, they fail
 * where each section's fallback catches it. The key changes when applying the server's updates failed
 * in an editor, to open them again on the whole document.
 */
export function useEditorsKey(session: MeetingSession): string | null {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let active = true;
    setLoaded(false);
    void session.localCopyLoaded.then(() => {
      if (active) setLoaded(true);
    });
    return () => {
      active = false;
    };
  }, [session]);
  const failures = useSyncExternalStore(session.subscribeEditorFailures, session.getEditorFailures);
  return loaded ? String(failures) : null;
}
