/** Versions of meeting documents and each person's last-seen point, in the embedded database. */
import type { VersionKind, VersionRestoring, VersionSummary } from '@polyphony/shared';
import type { SqliteDatabase } from '../persistence/database.js';
import type { StoredVersion } from '../persistence/metadata/types.js';

export type { StoredVersion } from '../persistence/metadata/types.js';

interface VersionRow {
  id: number;
  meeting_id: string;
  taken_at: string;
  kind: VersionKind;
  writers: string;
  restoring: string | null;
}

const summary = (row: VersionRow): VersionSummary & { meetingId: string } => ({
  id: row.id,
  meetingId: row.meeting_id,
  takenAt: row.taken_at,
  kind: row.kind,
  writers: JSON.parse(row.writers) as VersionSummary['writers'],
  ...(row.restoring ? { restoring: JSON.parse(row.restoring) as VersionRestoring } : {}),
});

/** Versions of meetings. */
export class VersionRepository {
  private readonly sql;

  constructor(db: SqliteDatabase) {
    this.sql = {
      insert: db.prepare<[string, string, string, string, Uint8Array, string | null]>(
        `INSERT INTO meeting_versions (meeting_id, taken_at, kind, writers, snapshot, restoring)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string], VersionRow>(
        `SELECT id, meeting_id, taken_at, kind, writers, restoring FROM meeting_versions
         WHERE meeting_id = ? ORDER BY id`,
      ),
      get: db.prepare<[number], VersionRow & { snapshot: Buffer }>(
        'SELECT * FROM meeting_versions WHERE id = ?',
      ),
    };
  }

  add(
    meetingId: string,
    kind: VersionKind,
    writers: VersionSummary['writers'],
    snapshot: Uint8Array,
    at: string,
    restoring?: VersionRestoring,
  ): number {
    return Number(
      this.sql.insert.run(
        meetingId,
        at,
        kind,
        JSON.stringify(writers),
        snapshot,
        restoring ? JSON.stringify(restoring) : null,
      ).lastInsertRowid,
    );
  }

  /** A meeting's versions, oldest first, without their snapshots. */
  list(meetingId: string): VersionSummary[] {
    return this.sql.list.all(meetingId).map((row) => {
      const { meetingId: _meeting, ...version } = summary(row);
      return version;
    });
  }

  get(id: number): StoredVersion | undefined {
    const row = this.sql.get.get(id);
    return row && { ...summary(row), snapshot: new Uint8Array(row.snapshot) };
  }
}

/** Each person's last-seen point per meeting. */
export class LastSeenRepository {
  private readonly sql;

  constructor(db: SqliteDatabase) {
    this.sql = {
      upsert: db.prepare<[string, string, Uint8Array, string]>(
        `INSERT INTO last_seen (participant_id, meeting_id, state_vector, seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (participant_id, meeting_id) DO UPDATE SET state_vector = excluded.state_vector,
           seen_at = excluded.seen_at`,
      ),
      get: db.prepare<[string, string], { state_vector: Buffer; seen_at: string }>(
        'SELECT state_vector, seen_at FROM last_seen WHERE participant_id = ? AND meeting_id = ?',
      ),
    };
  }

  set(participantId: string, meetingId: string, stateVector: Uint8Array, at: string): void {
    this.sql.upsert.run(participantId, meetingId, stateVector, at);
  }

  get(participantId: string, meetingId: string): { stateVector: Uint8Array; seenAt: string } | undefined {
    const row = this.sql.get.get(participantId, meetingId);
    return row && { stateVector: new Uint8Array(row.state_vector), seenAt: row.seen_at };
  }
}
