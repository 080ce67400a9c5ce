/**
 * The activity log of a network: who joined, viewed, exported, invited, revoked. Visible to every member.
 * It records ids and kinds only, never document text.
 */
import type { ActivityEntry, ActivityKind } from '@polyphony/shared';
import type { SqliteDatabase } from './database.js';
import type { ActivityInput } from './metadata/types.js';

export type { ActivityInput } from './metadata/types.js';

interface ActivityRow {
  id: number;
  at: string;
  kind: ActivityKind;
  actor_id: string | null;
  actor_name: string | null;
  subject_id: string | null;
  subject_name: string | null;
  meeting_id: string | null;
  version_id: number | null;
  version_taken_at: string | null;
}

/** The activity log's prepared statements (SQLite). */
export class ActivityRepository {
  private readonly sql;

  constructor(db: SqliteDatabase) {
    this.sql = {
      insert: db.prepare(
        `INSERT INTO activity (network_id, at, kind, actor_id, subject_id, meeting_id, version_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string, number], ActivityRow>(
        `SELECT a.id, a.at, a.kind, a.actor_id, actor.name AS actor_name, a.subject_id,
                subject.name AS subject_name, a.meeting_id, a.version_id, v.taken_at AS version_taken_at
         FROM activity a
         LEFT JOIN participants actor ON actor.id = a.actor_id
         LEFT JOIN participants subject ON subject.id = a.subject_id
         LEFT JOIN meeting_versions v ON v.id = a.version_id
         WHERE a.network_id = ? ORDER BY a.id DESC LIMIT ?`,
      ),
    };
  }

  record(entry: ActivityInput): void {
    this.sql.insert.run(
      entry.networkId,
      entry.at,
      entry.kind,
      entry.actorId ?? null,
      entry.subjectId ?? null,
      entry.meetingId ?? null,
      entry.versionId ?? null,
    );
  }

  /** The newest entries first. */
  list(networkId: string, limit = 200): ActivityEntry[] {
    return this.sql.list.all(networkId, limit).map((row) => ({
      id: row.id,
      at: row.at,
      kind: row.kind,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      subject: row.subject_id ? { id: row.subject_id, name: row.subject_name ?? '' } : null,
      meetingId: row.meeting_id,
      ...(row.version_id !== null && row.version_taken_at
        ? { version: { id: row.version_id, takenAt: row.version_taken_at } }
        : {}),
    }));
  }
}
