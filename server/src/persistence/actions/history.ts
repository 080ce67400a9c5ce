/** Versions of meeting documents and each person's last-seen point: the actions, once for both databases. */
import type { VersionSummary } from '@polyphony/shared';
import type { HistoryStore, LastSeen, StoredVersion } from '../metadata/types.js';
import { bytes, type TimeValue, time, type VersionRow, version } from './rows.js';
import { type Action, changes, json, row, rows, sql } from './sql.js';

/** Store a version; its id. */
export function* addVersion(input: Parameters<HistoryStore['addVersion']>[0]): Action<number> {
  const added = yield* row<{ id: number | string }>(sql`INSERT INTO meeting_versions
      (meeting_id, taken_at, kind, writers, snapshot, restoring)
    VALUES (${input.meetingId}, ${input.at}, ${input.kind}, ${json(input.writers)}, ${input.snapshot},
      ${input.restoring ? json(input.restoring) : null})
    RETURNING id`);
  return Number(added?.id);
}

/** A meeting's versions, oldest first, without their snapshots. */
export function* listVersions(meetingId: string): Action<VersionSummary[]> {
  const found = yield* rows<VersionRow>(sql`SELECT id, meeting_id, taken_at, kind, writers, restoring
    FROM meeting_versions WHERE meeting_id = ${meetingId} ORDER BY id`);
  return found.map((each) => {
    const { meetingId: _meeting, ...summary } = version(each);
    return summary;
  });
}

export function* findVersion(id: number): Action<StoredVersion | undefined> {
  const found = yield* row<VersionRow & { snapshot: Uint8Array }>(sql`SELECT id, meeting_id, taken_at, kind,
      writers, restoring, snapshot
    FROM meeting_versions WHERE id = ${id}`);
  return found && { ...version(found), snapshot: bytes(found.snapshot) };
}

/** Replace a person's last-seen point in a meeting. */
export function* setLastSeen(participantId: string, meetingId: string, seen: LastSeen): Action<void> {
  yield* changes(sql`INSERT INTO last_seen (participant_id, meeting_id, state_vector, seen_at)
    VALUES (${participantId}, ${meetingId}, ${seen.stateVector}, ${seen.seenAt})
    ON CONFLICT (participant_id, meeting_id) DO UPDATE SET state_vector = excluded.state_vector,
      seen_at = excluded.seen_at`);
}

export function* lastSeen(participantId: string, meetingId: string): Action<LastSeen | undefined> {
  const found = yield* row<{ state_vector: Uint8Array; seen_at: TimeValue }>(sql`SELECT state_vector, seen_at
    FROM last_seen WHERE participant_id = ${participantId} AND meeting_id = ${meetingId}`);
  return found && { stateVector: bytes(found.state_vector), seenAt: time(found.seen_at) };
}
