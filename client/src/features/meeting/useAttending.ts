/**
 * Being at the meeting: once synced, this browser's insertions are attributed to me, and the
 * attendance says I am here (and where: in the room, remote, on the phone). After a meeting is closed,
 * opening it again is revisiting, not attending.
 */
import {
  type AttendanceEntry,
  DocumentTypes,
  type MeetingDetail,
  MetaKeys,
  readAttendanceEntry,
} from '@polyphony/shared';
import { useCallback, useEffect } from 'react';
import type { MeetingSession } from '../../sync/MeetingSession';

/** A first guess of where someone is: a small touch screen is most likely a phone. */
function guessWhere(): AttendanceEntry['where'] {
  return matchMedia('(pointer: coarse) and (max-width: 40rem)').matches ? 'phone' : 'room';
}

/** Attend (when I may write), and a way to say where I am. */
export function useAttending(
  session: MeetingSession,
  detail: MeetingDetail,
  canWrite: boolean,
): (where: AttendanceEntry['where']) => void {
  const { me, meeting } = detail;
  useEffect(() => {
    if (!canWrite) return;
    return session.whenSynced(() => {
      session.attributeTo(me.id);
      const meta = session.doc.getMap(DocumentTypes.meta);
      if (meta.get(MetaKeys.closed) === true || meeting.closedAt) return;
      const map = session.doc.getMap<AttendanceEntry>(DocumentTypes.attendance);
      // Read as any reader does: an entry stored before the server checked them may be anything.
      const entry = readAttendanceEntry(map.get(me.id));
      if (entry && entry.name === me.name && entry.relation === me.relation && entry.role === me.role) return;
      map.set(me.id, {
        name: me.name,
        relation: me.relation,
        role: me.role,
        where: entry?.where ?? guessWhere(),
      });
    });
  }, [session, canWrite, me, meeting.closedAt]);

  return useCallback(
    (where: AttendanceEntry['where']) =>
      session.doc
        .getMap<AttendanceEntry>(DocumentTypes.attendance)
        .set(me.id, { name: me.name, relation: me.relation, role: me.role, where }),
    [session, me],
  );
}
