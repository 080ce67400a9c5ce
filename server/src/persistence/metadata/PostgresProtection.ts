/**
 * The data-protection actions of the PostgreSQL metadata store (protection.ts): sessions, erasure,
 * retention. Each action is one transaction on one pooled connection, handed in by
 * PostgresMetadataStore. Erasing deletes rows; the dead tuples they leave are reclaimed by the erasure
 * service's purge (VACUUM), see erasure/purge.ts.
 */
import type { ErasedWords, ErasureKind, Role } from '@polyphony/shared';
import type pg from 'pg';
import type {
  ErasureCounts,
  ErasureInput,
  ErasureRecord,
  ErasureTarget,
  ProtectionStore,
  SessionRecord,
} from './protection.js';
import type { InvitationRecord, NetworkRecord } from './types.js';

type Queryable = Pick<pg.PoolClient, 'query'>;
type Transaction = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

const iso = (value: Date): string => value.toISOString();
const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);

interface ErasureRow {
  id: string;
  at: Date;
  kind: ErasureKind;
  network_id: string;
  meeting_id: string | null;
  participant_id: string | null;
  erased_by: ErasureRecord['by'];
  actor_id: string | null;
  actor_role: Role | null;
  words: ErasedWords | null;
  meeting_ids: string[];
  done_at: Date | null;
}

const erasure = (row: ErasureRow): ErasureRecord => ({
  id: Number(row.id),
  at: iso(row.at),
  kind: row.kind,
  networkId: row.network_id,
  meetingId: row.meeting_id,
  participantId: row.participant_id,
  by: row.erased_by,
  actorId: row.actor_id,
  actorRole: row.actor_role,
  words: row.words,
  meetingIds: row.meeting_ids,
  doneAt: isoOrNull(row.done_at),
});

interface InvitationRow {
  id: string;
  network_id: string;
  participant_id: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const invitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  networkId: row.network_id,
  participantId: row.participant_id,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  revokedAt: isoOrNull(row.revoked_at),
});

interface SessionRow {
  token_hash: string;
  created_at: Date;
  active_at: Date | null;
}

const session = (row: SessionRow): SessionRecord => ({
  tokenHash: row.token_hash,
  createdAt: iso(row.created_at),
  activeAt: iso(row.active_at ?? row.created_at),
});

/** Each network with its last activity: its start, its newest log entry, its people's last visits. */
const LAST_ACTIVITY = `SELECT n.id, n.centre_name, n.created_at,
  GREATEST(n.created_at,
    (SELECT MAX(a.at) FROM activity a WHERE a.network_id = n.id),
    (SELECT MAX(p.last_seen_at) FROM participants p WHERE p.network_id = n.id)) AS last_at
  FROM networks n`;

async function count(db: Queryable, query: string, values: unknown[]): Promise<number> {
  const result = await db.query<{ n: string }>(query, values);
  return Number(result.rows[0]?.n ?? 0);
}

/** The protection actions on PostgreSQL. */
export class PostgresProtection implements ProtectionStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: Transaction,
  ) {}

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const result = await this.pool.query<SessionRow>('SELECT * FROM sessions WHERE token_hash = $1', [
      tokenHash,
    ]);
    return result.rows[0] && session(result.rows[0]);
  }

  async findSessions(tokenHashes: readonly string[]): Promise<SessionRecord[]> {
    if (tokenHashes.length === 0) return [];
    const result = await this.pool.query<SessionRow>(
      'SELECT * FROM sessions WHERE token_hash = ANY($1::text[])',
      [tokenHashes],
    );
    return result.rows.map(session);
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET active_at = $1 WHERE token_hash = $2', [at, tokenHash]);
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.transaction(async (db) => {
      await db.query('DELETE FROM session_members WHERE session_hash = $1', [tokenHash]);
      await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    });
  }

  async renewSession(input: { from: string | null; to: string; at: string; carry: boolean }): Promise<void> {
    const { from, to, at, carry } = input;
    await this.transaction(async (db) => {
      await db.query('INSERT INTO sessions (token_hash, created_at, active_at) VALUES ($1, $2, $2)', [
        to,
        at,
      ]);
      if (!from || from === to) return;
      if (carry) {
        await db.query('UPDATE session_members SET session_hash = $1 WHERE session_hash = $2', [to, from]);
      } else {
        await db.query('DELETE FROM session_members WHERE session_hash = $1', [from]);
      }
      await db.query('DELETE FROM sessions WHERE token_hash = $1', [from]);
    });
  }

  async sessionInvitation(sessionHash: string, networkId: string): Promise<InvitationRecord | undefined> {
    const result = await this.pool.query<InvitationRow>(
      `SELECT i.id, i.network_id, i.participant_id, i.created_at, i.expires_at, i.revoked_at
       FROM session_members m JOIN invitations i ON i.id = m.invitation_id
       WHERE m.session_hash = $1 AND m.network_id = $2`,
      [sessionHash, networkId],
    );
    return result.rows[0] && invitation(result.rows[0]);
  }

  async invitationsOf(participantId: string): Promise<InvitationRecord[]> {
    const result = await this.pool.query<InvitationRow>(
      `SELECT id, network_id, participant_id, created_at, expires_at, revoked_at FROM invitations
       WHERE participant_id = $1 ORDER BY created_at, seq`,
      [participantId],
    );
    return result.rows.map(invitation);
  }

  async purgeSessions(createdBefore: Date, activeBefore: Date): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM sessions WHERE created_at < $1 OR COALESCE(active_at, created_at) < $2',
      [createdBefore.toISOString(), activeBefore.toISOString()],
    );
    return result.rowCount ?? 0;
  }

  async erasureCounts(target: ErasureTarget): Promise<ErasureCounts> {
    const db = this.pool;
    switch (target.kind) {
      case 'network': {
        const id = [target.networkId];
        return {
          versions: await count(
            db,
            'SELECT COUNT(*) AS n FROM meeting_versions v JOIN meetings m ON m.id = v.meeting_id WHERE m.network_id = $1',
            id,
          ),
          activityEntries: await count(db, 'SELECT COUNT(*) AS n FROM activity WHERE network_id = $1', id),
          links: await count(db, 'SELECT COUNT(*) AS n FROM invitations WHERE network_id = $1', id),
          sessions: await count(
            db,
            'SELECT COUNT(DISTINCT session_hash) AS n FROM session_members WHERE network_id = $1',
            id,
          ),
        };
      }
      case 'meeting': {
        const id = [target.meetingId];
        return {
          versions: await count(db, 'SELECT COUNT(*) AS n FROM meeting_versions WHERE meeting_id = $1', id),
          activityEntries: await count(db, 'SELECT COUNT(*) AS n FROM activity WHERE meeting_id = $1', id),
          links: 0,
          sessions: 0,
        };
      }
      case 'person': {
        const id = [target.participantId];
        return {
          versions: 0,
          activityEntries: await count(
            db,
            'SELECT COUNT(*) AS n FROM activity WHERE actor_id = $1 OR subject_id = $1',
            id,
          ),
          links: await count(db, 'SELECT COUNT(*) AS n FROM invitations WHERE participant_id = $1', id),
          sessions: await count(
            db,
            `SELECT COUNT(DISTINCT m.session_hash) AS n FROM session_members m
             JOIN invitations i ON i.id = m.invitation_id WHERE i.participant_id = $1`,
            id,
          ),
        };
      }
    }
  }

  private async record(
    db: Queryable,
    kind: ErasureKind,
    ids: { networkId: string; meetingId?: string; participantId?: string },
    input: ErasureInput & { words?: ErasedWords },
    meetingIds: string[],
  ): Promise<ErasureRecord> {
    const result = await db.query<ErasureRow>(
      `INSERT INTO erasures (at, kind, network_id, meeting_id, participant_id, erased_by, actor_id,
         actor_role, words, meeting_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
       RETURNING *`,
      [
        input.at,
        kind,
        ids.networkId,
        ids.meetingId ?? null,
        ids.participantId ?? null,
        input.by,
        input.actorId,
        input.actorRole,
        input.words ?? null,
        JSON.stringify(meetingIds),
      ],
    );
    return erasure(result.rows[0] as ErasureRow);
  }

  private async dropEmptySessions(db: Queryable, hashes: readonly string[]): Promise<void> {
    if (hashes.length === 0) return;
    await db.query(
      `DELETE FROM sessions s WHERE s.token_hash = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM session_members m WHERE m.session_hash = s.token_hash)`,
      [hashes],
    );
  }

  private async meetingIdsOf(db: Queryable, networkId: string): Promise<string[]> {
    const result = await db.query<{ id: string }>(
      'SELECT id FROM meetings WHERE network_id = $1 ORDER BY number',
      [networkId],
    );
    return result.rows.map((row) => row.id);
  }

  async eraseNetwork(networkId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.transaction(async (db) => {
      // The row lock makes a meeting started at the same moment wait, and then fail on the foreign key.
      const locked = await db.query('SELECT id FROM networks WHERE id = $1 FOR UPDATE', [networkId]);
      if (locked.rowCount === 0) return undefined;
      const meetingIds = await this.meetingIdsOf(db, networkId);
      const sessions = await db.query<{ session_hash: string }>(
        'SELECT DISTINCT session_hash FROM session_members WHERE network_id = $1',
        [networkId],
      );
      const ofMeetings = 'meeting_id IN (SELECT id FROM meetings WHERE network_id = $1)';
      for (const query of [
        `DELETE FROM last_seen WHERE ${ofMeetings}`,
        `DELETE FROM meeting_attendance WHERE ${ofMeetings}`,
        `DELETE FROM meeting_versions WHERE ${ofMeetings}`,
        `DELETE FROM document_rewrites WHERE ${ofMeetings}`,
        'DELETE FROM session_members WHERE network_id = $1',
        'DELETE FROM activity WHERE network_id = $1',
        'DELETE FROM invitations WHERE network_id = $1',
        'DELETE FROM meetings WHERE network_id = $1',
        'DELETE FROM participants WHERE network_id = $1',
        'DELETE FROM networks WHERE id = $1',
      ]) {
        await db.query(query, [networkId]);
      }
      await this.dropEmptySessions(
        db,
        sessions.rows.map((row) => row.session_hash),
      );
      return this.record(db, 'network', { networkId }, input, meetingIds);
    });
  }

  async eraseMeeting(meetingId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.transaction(async (db) => {
      const found = await db.query<{ network_id: string }>(
        'SELECT network_id FROM meetings WHERE id = $1 FOR UPDATE',
        [meetingId],
      );
      const networkId = found.rows[0]?.network_id;
      if (!networkId) return undefined;
      for (const query of [
        'DELETE FROM last_seen WHERE meeting_id = $1',
        'DELETE FROM meeting_attendance WHERE meeting_id = $1',
        'DELETE FROM meeting_versions WHERE meeting_id = $1',
        'DELETE FROM document_rewrites WHERE meeting_id = $1',
        'DELETE FROM meetings WHERE id = $1',
      ]) {
        await db.query(query, [meetingId]);
      }
      await db.query(
        `INSERT INTO activity (network_id, at, kind, actor_id, meeting_id) VALUES ($1, $2, 'meeting_erased', $3, $4)`,
        [networkId, input.at, input.actorId, meetingId],
      );
      return this.record(db, 'meeting', { networkId, meetingId }, input, [meetingId]);
    });
  }

  async erasePerson(
    participantId: string,
    input: ErasureInput & { words: ErasedWords },
  ): Promise<ErasureRecord | undefined> {
    return this.transaction(async (db) => {
      const found = await db.query<{ network_id: string }>(
        'SELECT network_id FROM participants WHERE id = $1 FOR UPDATE',
        [participantId],
      );
      const networkId = found.rows[0]?.network_id;
      if (!networkId) return undefined;
      const sessions = await db.query<{ session_hash: string }>(
        `SELECT DISTINCT m.session_hash FROM session_members m JOIN invitations i ON i.id = m.invitation_id
         WHERE i.participant_id = $1`,
        [participantId],
      );
      for (const query of [
        'DELETE FROM last_seen WHERE participant_id = $1',
        'DELETE FROM meeting_attendance WHERE participant_id = $1',
        'DELETE FROM session_members WHERE invitation_id IN (SELECT id FROM invitations WHERE participant_id = $1)',
        'DELETE FROM invitations WHERE participant_id = $1',
        'UPDATE activity SET actor_id = NULL WHERE actor_id = $1',
        'UPDATE activity SET subject_id = NULL WHERE subject_id = $1',
        'DELETE FROM participants WHERE id = $1',
      ]) {
        await db.query(query, [participantId]);
      }
      await this.dropEmptySessions(
        db,
        sessions.rows.map((row) => row.session_hash),
      );
      // Their name leaves the lists of who was writing since each version.
      await db.query(
        `UPDATE meeting_versions SET writers = COALESCE(
           (SELECT jsonb_agg(w) FROM jsonb_array_elements(writers) w WHERE w->>'id' <> $1), '[]'::jsonb)
         WHERE meeting_id IN (SELECT id FROM meetings WHERE network_id = $2)
           AND writers @> jsonb_build_array(jsonb_build_object('id', $1::text))`,
        [participantId, networkId],
      );
      await db.query(
        `INSERT INTO activity (network_id, at, kind, actor_id) VALUES ($1, $2, 'person_erased', $3)`,
        [networkId, input.at, input.actorId],
      );
      const meetingIds = await this.meetingIdsOf(db, networkId);
      return this.record(db, 'person', { networkId, participantId }, input, meetingIds);
    });
  }

  async replaceAgreedState(meetingId: string, agreedState: Uint8Array): Promise<void> {
    await this.pool.query(
      'UPDATE meetings SET agreed_state = $1 WHERE id = $2 AND agreed_state IS NOT NULL',
      [Buffer.from(agreedState), meetingId],
    );
  }

  async finishErasure(id: number, at: string, rewritten: readonly string[]): Promise<void> {
    await this.transaction(async (db) => {
      if (rewritten.length > 0) {
        await db.query(
          `INSERT INTO document_rewrites (meeting_id, rewritten_at)
           SELECT id, $1 FROM meetings WHERE id = ANY($2::text[])
           ON CONFLICT (meeting_id) DO UPDATE SET rewritten_at = excluded.rewritten_at`,
          [at, rewritten],
        );
      }
      await db.query('UPDATE erasures SET done_at = $1 WHERE id = $2 AND done_at IS NULL', [at, id]);
    });
  }

  async erasuresAfter(id: number): Promise<ErasureRecord[]> {
    const result = await this.pool.query<ErasureRow>('SELECT * FROM erasures WHERE id > $1 ORDER BY id', [
      id,
    ]);
    return result.rows.map(erasure);
  }

  async unfinishedErasures(): Promise<ErasureRecord[]> {
    const result = await this.pool.query<ErasureRow>(
      'SELECT * FROM erasures WHERE done_at IS NULL ORDER BY id',
    );
    return result.rows.map(erasure);
  }

  async listErasures(): Promise<ErasureRecord[]> {
    const result = await this.pool.query<ErasureRow>('SELECT * FROM erasures ORDER BY id DESC');
    return result.rows.map(erasure);
  }

  async documentRewrites(meetingIds: readonly string[]): Promise<Map<string, string>> {
    if (meetingIds.length === 0) return new Map();
    const result = await this.pool.query<{ meeting_id: string; rewritten_at: Date }>(
      'SELECT meeting_id, rewritten_at FROM document_rewrites WHERE meeting_id = ANY($1::text[])',
      [meetingIds],
    );
    return new Map(result.rows.map((row) => [row.meeting_id, iso(row.rewritten_at)]));
  }

  async lastActivity(networkId: string): Promise<string | undefined> {
    const result = await this.pool.query<{ last_at: Date }>(`${LAST_ACTIVITY} WHERE n.id = $1`, [networkId]);
    const row = result.rows[0];
    return row ? iso(row.last_at) : undefined;
  }

  async inactiveNetworks(before: Date): Promise<{ network: NetworkRecord; lastActivityAt: string }[]> {
    const result = await this.pool.query<{
      id: string;
      centre_name: string;
      created_at: Date;
      last_at: Date;
    }>(`SELECT * FROM (${LAST_ACTIVITY}) AS last WHERE last_at < $1 ORDER BY last_at`, [
      before.toISOString(),
    ]);
    return result.rows.map((row) => ({
      network: { id: row.id, centreName: row.centre_name, createdAt: iso(row.created_at) },
      lastActivityAt: iso(row.last_at),
    }));
  }
}
