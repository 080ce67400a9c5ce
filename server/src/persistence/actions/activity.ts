/**
 * The activity log of a network: who joined, viewed, exported, invited, revoked. Visible to every member;
 * ids and kinds only, never document text. The actions, once for both databases.
 */
import type { ActivityEntry } from '@polyphony/shared';
import type { ActivityInput } from '../metadata/types.js';
import { type ActivityRow, activityEntry } from './rows.js';
import { type Action, changes, rows, sql } from './sql.js';

export function* insertActivity(entry: ActivityInput): Action<void> {
  yield* changes(sql`INSERT INTO activity (network_id, at, kind, actor_id, subject_id, meeting_id, version_id)
    VALUES (${entry.networkId}, ${entry.at}, ${entry.kind}, ${entry.actorId ?? null}, ${entry.subjectId ?? null},
      ${entry.meetingId ?? null}, ${entry.versionId ?? null})`);
}

/** The newest entries first, with the names of who did it and to whom. */
export function* listActivity(networkId: string, limit = 200): Action<ActivityEntry[]> {
  const found = yield* rows<ActivityRow>(sql`SELECT a.id, a.at, a.kind, a.actor_id, actor.name AS actor_name,
      a.subject_id, subject.name AS subject_name, a.meeting_id, a.version_id, v.taken_at AS version_taken_at
    FROM activity a
    LEFT JOIN participants actor ON actor.id = a.actor_id
    LEFT JOIN participants subject ON subject.id = a.subject_id
    LEFT JOIN meeting_versions v ON v.id = a.version_id
    WHERE a.network_id = ${networkId} ORDER BY a.id DESC LIMIT ${limit}`);
  return found.map(activityEntry);
}
