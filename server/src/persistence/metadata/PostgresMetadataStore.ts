/**
 * The metadata store on PostgreSQL, for several instances sharing one source of truth. Each action is
 * one transaction on one pooled connection. Times are timestamptz and come back as the same ISO strings
 * the SQLite store returns; ids are the app's, except the serial ids of log entries and versions.
 */
import type {
  ActivityEntry,
  ActivityKind,
  ErasedWords,
  Role,
  VersionKind,
  VersionRestoring,
  VersionSummary,
} from '@polyphony/shared';
import type pg from 'pg';
import { migrate, openPool, type PostgresOptions, type SchemaPart } from '../postgresSchema.js';
import { PostgresProtection } from './PostgresProtection.js';
import type {
  ErasureCounts,
  ErasureInput,
  ErasureRecord,
  ErasureTarget,
  SessionRecord,
} from './protection.js';
import {
  type ActivityInput,
  type InvitationRecord,
  type LastSeen,
  linkState,
  type MeetingRecord,
  type Membership,
  type MetadataStore,
  type NetworkRecord,
  type NewLink,
  type ParticipantRecord,
  type StoredVersion,
} from './types.js';

/** The metadata's part of the schema, step by step (postgresSchema.ts runs each once). */
export const METADATA_SCHEMA: SchemaPart = {
  component: 'metadata',
  steps: [
    `CREATE TABLE networks (
     id TEXT PRIMARY KEY,
     centre_name TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     network_id TEXT NOT NULL REFERENCES networks (id),
     name TEXT NOT NULL,
     relation TEXT NOT NULL,
     role TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     last_seen_at TIMESTAMPTZ
   );
   CREATE INDEX participants_by_network ON participants (network_id, created_at, seq);
   CREATE TABLE meetings (
     id TEXT PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     number INTEGER NOT NULL,
     title TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     closed_at TIMESTAMPTZ,
     agreed_state BYTEA,
     UNIQUE (network_id, number)
   );
   CREATE TABLE meeting_attendance (
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     participant_id TEXT NOT NULL REFERENCES participants (id),
     first_joined_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (meeting_id, participant_id)
   );
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     seq BIGSERIAL NOT NULL,
     network_id TEXT NOT NULL REFERENCES networks (id),
     participant_id TEXT NOT NULL REFERENCES participants (id),
     token_hash TEXT NOT NULL UNIQUE,
     created_at TIMESTAMPTZ NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL,
     revoked_at TIMESTAMPTZ
   );
   CREATE INDEX invitations_by_participant ON invitations (participant_id, created_at, seq);
   CREATE INDEX invitations_by_revocation ON invitations (revoked_at) WHERE revoked_at IS NOT NULL;
   CREATE INDEX invitations_by_expiry ON invitations (expires_at);
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE session_members (
     session_hash TEXT NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
     network_id TEXT NOT NULL REFERENCES networks (id),
     invitation_id TEXT NOT NULL REFERENCES invitations (id),
     PRIMARY KEY (session_hash, network_id)
   );
   CREATE TABLE activity (
     id BIGSERIAL PRIMARY KEY,
     network_id TEXT NOT NULL REFERENCES networks (id),
     at TIMESTAMPTZ NOT NULL,
     kind TEXT NOT NULL,
     actor_id TEXT,
     subject_id TEXT,
     meeting_id TEXT
   );
   CREATE INDEX activity_by_network ON activity (network_id, id);
   CREATE TABLE meeting_versions (
     id BIGSERIAL PRIMARY KEY,
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     taken_at TIMESTAMPTZ NOT NULL,
     kind TEXT NOT NULL,
     writers JSONB NOT NULL,
     snapshot BYTEA NOT NULL
   );
   CREATE INDEX meeting_versions_by_meeting ON meeting_versions (meeting_id, id);
   CREATE TABLE last_seen (
     participant_id TEXT NOT NULL REFERENCES participants (id),
     meeting_id TEXT NOT NULL REFERENCES meetings (id),
     state_vector BYTEA NOT NULL,
     seen_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (participant_id, meeting_id)
   );`,
    // Going back to a version: who went back to which (on the versions just before and after), and the
    // version a log entry is about. NULL on everything written before.
    `ALTER TABLE meeting_versions ADD COLUMN restoring JSONB;
     ALTER TABLE activity ADD COLUMN version_id BIGINT;`,
    // Data protection: when a session was last used (idle expiry; NULL: since it began), the record of
    // erasures (ids only), and when an erasure last rewrote a meeting document (browsers drop older copies).
    `ALTER TABLE sessions ADD COLUMN active_at TIMESTAMPTZ;
   CREATE TABLE erasures (
     id BIGSERIAL PRIMARY KEY,
     at TIMESTAMPTZ NOT NULL,
     kind TEXT NOT NULL,
     network_id TEXT NOT NULL,
     meeting_id TEXT,
     participant_id TEXT,
     erased_by TEXT NOT NULL,
     actor_id TEXT,
     actor_role TEXT,
     words TEXT,
     meeting_ids JSONB NOT NULL,
     done_at TIMESTAMPTZ
   );
   CREATE INDEX erasures_unfinished ON erasures (id) WHERE done_at IS NULL;
   CREATE TABLE document_rewrites (
     meeting_id TEXT PRIMARY KEY REFERENCES meetings (id),
     rewritten_at TIMESTAMPTZ NOT NULL
   );`,
  ],
};

type Queryable = Pick<pg.PoolClient, 'query'>;

const iso = (value: Date): string => value.toISOString();
const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);
const bytes = (value: Uint8Array): Buffer => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

interface NetworkRow {
  id: string;
  centre_name: string;
  created_at: Date;
}

interface ParticipantRow {
  id: string;
  network_id: string;
  name: string;
  relation: string;
  role: Role;
  created_at: Date;
  last_seen_at: Date | null;
}

interface MeetingRow {
  id: string;
  network_id: string;
  number: number;
  title: string;
  created_at: Date;
  closed_at: Date | null;
}

interface InvitationRow {
  id: string;
  network_id: string;
  participant_id: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

interface VersionRow {
  id: string;
  meeting_id: string;
  taken_at: Date;
  kind: VersionKind;
  writers: VersionSummary['writers'];
  restoring: VersionRestoring | null;
}

const network = (row: NetworkRow): NetworkRecord => ({
  id: row.id,
  centreName: row.centre_name,
  createdAt: iso(row.created_at),
});

const participant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  networkId: row.network_id,
  name: row.name,
  relation: row.relation,
  role: row.role,
  createdAt: iso(row.created_at),
  lastSeenAt: isoOrNull(row.last_seen_at),
});

const meeting = (row: MeetingRow): MeetingRecord => ({
  id: row.id,
  networkId: row.network_id,
  number: row.number,
  title: row.title,
  createdAt: iso(row.created_at),
  closedAt: isoOrNull(row.closed_at),
});

const invitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  networkId: row.network_id,
  participantId: row.participant_id,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  revokedAt: isoOrNull(row.revoked_at),
});

const version = (row: VersionRow): VersionSummary & { meetingId: string } => ({
  id: Number(row.id),
  meetingId: row.meeting_id,
  takenAt: iso(row.taken_at),
  kind: row.kind,
  writers: row.writers,
  ...(row.restoring ? { restoring: row.restoring } : {}),
});

const MEETING_COLUMNS = 'id, network_id, number, title, created_at, closed_at';
const INVITATION_COLUMNS = 'i.id, i.network_id, i.participant_id, i.created_at, i.expires_at, i.revoked_at';

async function insertActivity(db: Queryable, entry: ActivityInput): Promise<void> {
  await db.query(
    `INSERT INTO activity (network_id, at, kind, actor_id, subject_id, meeting_id, version_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.networkId,
      entry.at,
      entry.kind,
      entry.actorId ?? null,
      entry.subjectId ?? null,
      entry.meetingId ?? null,
      entry.versionId ?? null,
    ],
  );
}

async function insertParticipant(db: Queryable, record: ParticipantRecord): Promise<void> {
  await db.query(
    `INSERT INTO participants (id, network_id, name, relation, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [record.id, record.networkId, record.name, record.relation, record.role, record.createdAt],
  );
}

async function insertInvitation(db: Queryable, { record, tokenHash }: NewLink): Promise<void> {
  await db.query(
    `INSERT INTO invitations (id, network_id, participant_id, token_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [record.id, record.networkId, record.participantId, tokenHash, record.createdAt, record.expiresAt],
  );
}

async function revokeLinks(db: Queryable, participantId: string, at: string): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    'UPDATE invitations SET revoked_at = $1 WHERE participant_id = $2 AND revoked_at IS NULL RETURNING id',
    [at, participantId],
  );
  return result.rows.map((row) => row.id);
}

/** MetadataStore on PostgreSQL (node-postgres pool). */
export class PostgresMetadataStore implements MetadataStore {
  readonly name = 'postgres';

  /** Sessions, erasure and retention (PostgresProtection.ts), in this store's transactions. */
  private readonly protection: PostgresProtection;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
  ) {
    this.protection = new PostgresProtection(pool, (work) => this.transaction(work));
  }

  /** Connect with a pool of its own and bring the tables up to date. */
  static async open(connectionString: string, options: PostgresOptions = {}): Promise<PostgresMetadataStore> {
    const pool = openPool(connectionString, options);
    try {
      await migrate(pool, METADATA_SCHEMA, options);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresMetadataStore(pool, true);
  }

  /** Use a pool shared with the document store; `close` leaves it open for its owner to end. */
  static async withPool(pool: pg.Pool, options: PostgresOptions = {}): Promise<PostgresMetadataStore> {
    await migrate(pool, METADATA_SCHEMA, options);
    return new PostgresMetadataStore(pool, false);
  }

  /** Run `work` in one transaction on one connection: committed when it resolves, rolled back if it throws. */
  private async transaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async startNetwork(input: {
    network: NetworkRecord;
    meeting: { id: string; title: string };
    people: { participant: ParticipantRecord; link: NewLink }[];
  }): Promise<MeetingRecord> {
    const { id: networkId, createdAt: at } = input.network;
    return this.transaction(async (db) => {
      await db.query('INSERT INTO networks (id, centre_name, created_at) VALUES ($1, $2, $3)', [
        networkId,
        input.network.centreName,
        at,
      ]);
      const created = await db.query<MeetingRow>(
        `INSERT INTO meetings (id, network_id, number, title, created_at) VALUES ($1, $2, 1, $3, $4)
         RETURNING ${MEETING_COLUMNS}`,
        [input.meeting.id, networkId, input.meeting.title, at],
      );
      for (const { participant: person, link } of input.people) {
        await insertParticipant(db, person);
        await insertInvitation(db, link);
      }
      const starter = input.people[0]?.participant.id ?? null;
      const first = meeting(created.rows[0] as MeetingRow);
      await insertActivity(db, { networkId, kind: 'network_started', actorId: starter, at });
      await insertActivity(db, {
        networkId,
        kind: 'meeting_started',
        actorId: starter,
        meetingId: first.id,
        at,
      });
      for (const { participant: person } of input.people.slice(1)) {
        await insertActivity(db, { networkId, kind: 'invited', actorId: starter, subjectId: person.id, at });
      }
      return first;
    });
  }

  async findNetwork(id: string): Promise<NetworkRecord | undefined> {
    const result = await this.pool.query<NetworkRow>('SELECT * FROM networks WHERE id = $1', [id]);
    return result.rows[0] && network(result.rows[0]);
  }

  async listNetworks(): Promise<NetworkRecord[]> {
    const result = await this.pool.query<NetworkRow>('SELECT * FROM networks ORDER BY created_at DESC');
    return result.rows.map(network);
  }

  async findParticipant(id: string): Promise<ParticipantRecord | undefined> {
    const result = await this.pool.query<ParticipantRow>('SELECT * FROM participants WHERE id = $1', [id]);
    return result.rows[0] && participant(result.rows[0]);
  }

  async listParticipants(networkId: string): Promise<ParticipantRecord[]> {
    const result = await this.pool.query<ParticipantRow>(
      'SELECT * FROM participants WHERE network_id = $1 ORDER BY created_at, seq',
      [networkId],
    );
    return result.rows.map(participant);
  }

  async touch(participantId: string, at: string): Promise<void> {
    await this.pool.query('UPDATE participants SET last_seen_at = $1 WHERE id = $2', [at, participantId]);
  }

  async startMeeting(input: {
    id: string;
    networkId: string;
    title: string;
    at: string;
    actorId: string;
  }): Promise<MeetingRecord> {
    return this.transaction(async (db) => {
      // Two instances may start a meeting of the same network at once: the network's row lock makes
      // the second wait, and its numbering statement then sees the first's meeting (read committed
      // takes a new snapshot per statement). Numbers stay 1, 2, 3 … without gaps or twins.
      const locked = await db.query('SELECT id FROM networks WHERE id = $1 FOR UPDATE', [input.networkId]);
      if (locked.rowCount === 0) throw new Error(`no network ${input.networkId}`);
      const created = await db.query<MeetingRow>(
        `INSERT INTO meetings (id, network_id, number, title, created_at)
         VALUES ($1, $2, (SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE network_id = $2), $3, $4)
         RETURNING ${MEETING_COLUMNS}`,
        [input.id, input.networkId, input.title, input.at],
      );
      await insertActivity(db, {
        networkId: input.networkId,
        kind: 'meeting_started',
        actorId: input.actorId,
        meetingId: input.id,
        at: input.at,
      });
      return meeting(created.rows[0] as MeetingRow);
    });
  }

  async findMeeting(id: string): Promise<MeetingRecord | undefined> {
    const result = await this.pool.query<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = $1`,
      [id],
    );
    return result.rows[0] && meeting(result.rows[0]);
  }

  async listMeetings(networkId: string): Promise<MeetingRecord[]> {
    const result = await this.pool.query<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings WHERE network_id = $1 ORDER BY number`,
      [networkId],
    );
    return result.rows.map(meeting);
  }

  async closeMeeting(input: {
    meetingId: string;
    at: string;
    agreedState: Uint8Array;
    actorId: string;
  }): Promise<boolean> {
    return this.transaction(async (db) => {
      const closed = await db.query<{ network_id: string }>(
        `UPDATE meetings SET closed_at = $1, agreed_state = $2 WHERE id = $3 AND closed_at IS NULL
         RETURNING network_id`,
        [input.at, bytes(input.agreedState), input.meetingId],
      );
      const row = closed.rows[0];
      if (!row) return false;
      await insertActivity(db, {
        networkId: row.network_id,
        kind: 'meeting_closed',
        actorId: input.actorId,
        meetingId: input.meetingId,
        at: input.at,
      });
      return true;
    });
  }

  async agreedState(meetingId: string): Promise<Uint8Array | null> {
    const result = await this.pool.query<{ agreed_state: Buffer | null }>(
      'SELECT agreed_state FROM meetings WHERE id = $1',
      [meetingId],
    );
    const state = result.rows[0]?.agreed_state;
    return state ? new Uint8Array(state) : null;
  }

  async recordAttendance(meetingId: string, participantId: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO meeting_attendance (meeting_id, participant_id, first_joined_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [meetingId, participantId, at],
    );
    return result.rowCount === 1;
  }

  async attendees(meetingId: string): Promise<{ id: string; name: string }[]> {
    const result = await this.pool.query<{ id: string; name: string }>(
      `SELECT p.id, p.name FROM meeting_attendance a JOIN participants p ON p.id = a.participant_id
       WHERE a.meeting_id = $1 ORDER BY a.first_joined_at, p.seq`,
      [meetingId],
    );
    return result.rows;
  }

  async invite(input: {
    participant: ParticipantRecord;
    link: NewLink;
    actorId: string | null;
  }): Promise<void> {
    const { participant: person } = input;
    await this.transaction(async (db) => {
      await insertParticipant(db, person);
      await insertInvitation(db, input.link);
      await insertActivity(db, {
        networkId: person.networkId,
        kind: 'invited',
        actorId: input.actorId,
        subjectId: person.id,
        at: person.createdAt,
      });
    });
  }

  async revoke(input: {
    networkId: string;
    participantId: string;
    actorId: string | null;
    at: string;
  }): Promise<string[]> {
    return this.transaction(async (db) => {
      const revoked = await revokeLinks(db, input.participantId, input.at);
      await insertActivity(db, {
        networkId: input.networkId,
        kind: 'revoked',
        actorId: input.actorId,
        subjectId: input.participantId,
        at: input.at,
      });
      return revoked;
    });
  }

  async reissue(input: { networkId: string; link: NewLink; actorId: string | null }): Promise<string[]> {
    const { record } = input.link;
    return this.transaction(async (db) => {
      const revoked = await revokeLinks(db, record.participantId, record.createdAt);
      await insertInvitation(db, input.link);
      await insertActivity(db, {
        networkId: input.networkId,
        kind: 'link_reissued',
        actorId: input.actorId,
        subjectId: record.participantId,
        at: record.createdAt,
      });
      return revoked;
    });
  }

  private async oneInvitation(where: string, value: string): Promise<InvitationRecord | undefined> {
    const result = await this.pool.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE ${where} ORDER BY i.created_at DESC, i.seq DESC LIMIT 1`,
      [value],
    );
    return result.rows[0] && invitation(result.rows[0]);
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.oneInvitation('i.token_hash = $1', tokenHash);
  }

  async findInvitation(id: string): Promise<InvitationRecord | undefined> {
    return this.oneInvitation('i.id = $1', id);
  }

  async latestInvitation(participantId: string): Promise<InvitationRecord | undefined> {
    return this.oneInvitation('i.participant_id = $1', participantId);
  }

  async latestInvitations(networkId: string): Promise<Map<string, InvitationRecord>> {
    const result = await this.pool.query<InvitationRow>(
      `SELECT DISTINCT ON (i.participant_id) ${INVITATION_COLUMNS}
       FROM participants p JOIN invitations i ON i.participant_id = p.id
       WHERE p.network_id = $1 ORDER BY i.participant_id, i.created_at DESC, i.seq DESC`,
      [networkId],
    );
    return new Map(result.rows.map((row) => [row.participant_id, invitation(row)]));
  }

  async endedBetween(from: Date, to: Date): Promise<string[]> {
    const result = await this.pool.query<{ id: string }>(
      `SELECT id FROM invitations
       WHERE (revoked_at > $1 AND revoked_at <= $2) OR (expires_at > $1 AND expires_at <= $2)`,
      [from.toISOString(), to.toISOString()],
    );
    return result.rows.map((row) => row.id);
  }

  async createSession(tokenHash: string, at: string): Promise<void> {
    await this.pool.query('INSERT INTO sessions (token_hash, created_at) VALUES ($1, $2)', [tokenHash, at]);
  }

  async sessionExists(tokenHash: string): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM sessions WHERE token_hash = $1', [tokenHash]);
    return result.rowCount === 1;
  }

  async join(sessionHash: string, record: InvitationRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO session_members (session_hash, network_id, invitation_id) VALUES ($1, $2, $3)
       ON CONFLICT (session_hash, network_id) DO UPDATE SET invitation_id = excluded.invitation_id`,
      [sessionHash, record.networkId, record.id],
    );
  }

  private async members(sessionHash: string, networkId: string | null, now: Date): Promise<Membership[]> {
    const result = await this.pool.query<InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM session_members m JOIN invitations i ON i.id = m.invitation_id
       WHERE m.session_hash = $1 AND ($2::text IS NULL OR m.network_id = $2)`,
      [sessionHash, networkId],
    );
    return result.rows
      .map(invitation)
      .filter((record) => linkState(record, now) === 'active')
      .map((record) => ({
        networkId: record.networkId,
        participantId: record.participantId,
        invitation: record,
      }));
  }

  async memberships(sessionHash: string, now: Date): Promise<Membership[]> {
    return this.members(sessionHash, null, now);
  }

  async membership(sessionHash: string, networkId: string, now: Date): Promise<Membership | undefined> {
    return (await this.members(sessionHash, networkId, now))[0];
  }

  async recordActivity(entry: ActivityInput): Promise<void> {
    await insertActivity(this.pool, entry);
  }

  async listActivity(networkId: string, limit = 200): Promise<ActivityEntry[]> {
    const result = await this.pool.query<{
      id: string;
      at: Date;
      kind: ActivityKind;
      actor_id: string | null;
      actor_name: string | null;
      subject_id: string | null;
      subject_name: string | null;
      meeting_id: string | null;
      version_id: string | null;
      version_taken_at: Date | null;
    }>(
      `SELECT a.id, a.at, a.kind, a.actor_id, actor.name AS actor_name, a.subject_id,
              subject.name AS subject_name, a.meeting_id, a.version_id, v.taken_at AS version_taken_at
       FROM activity a
       LEFT JOIN participants actor ON actor.id = a.actor_id
       LEFT JOIN participants subject ON subject.id = a.subject_id
       LEFT JOIN meeting_versions v ON v.id = a.version_id
       WHERE a.network_id = $1 ORDER BY a.id DESC LIMIT $2`,
      [networkId, limit],
    );
    return result.rows.map((row) => ({
      id: Number(row.id),
      at: iso(row.at),
      kind: row.kind,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      subject: row.subject_id ? { id: row.subject_id, name: row.subject_name ?? '' } : null,
      meetingId: row.meeting_id,
      ...(row.version_id && row.version_taken_at
        ? { version: { id: Number(row.version_id), takenAt: iso(row.version_taken_at) } }
        : {}),
    }));
  }

  async addVersion(input: {
    meetingId: string;
    kind: VersionKind;
    writers: VersionSummary['writers'];
    snapshot: Uint8Array;
    at: string;
    restoring?: VersionRestoring;
  }): Promise<number> {
    const result = await this.pool.query<{ id: string }>(
      `INSERT INTO meeting_versions (meeting_id, taken_at, kind, writers, snapshot, restoring)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb) RETURNING id`,
      [
        input.meetingId,
        input.at,
        input.kind,
        JSON.stringify(input.writers),
        bytes(input.snapshot),
        input.restoring ? JSON.stringify(input.restoring) : null,
      ],
    );
    return Number(result.rows[0]?.id);
  }

  async listVersions(meetingId: string): Promise<VersionSummary[]> {
    const result = await this.pool.query<VersionRow>(
      `SELECT id, meeting_id, taken_at, kind, writers, restoring FROM meeting_versions
       WHERE meeting_id = $1 ORDER BY id`,
      [meetingId],
    );
    return result.rows.map((row) => {
      const { meetingId: _meeting, ...summary } = version(row);
      return summary;
    });
  }

  async findVersion(id: number): Promise<StoredVersion | undefined> {
    const result = await this.pool.query<VersionRow & { snapshot: Buffer }>(
      'SELECT * FROM meeting_versions WHERE id = $1',
      [id],
    );
    const row = result.rows[0];
    return row && { ...version(row), snapshot: new Uint8Array(row.snapshot) };
  }

  async setLastSeen(participantId: string, meetingId: string, seen: LastSeen): Promise<void> {
    await this.pool.query(
      `INSERT INTO last_seen (participant_id, meeting_id, state_vector, seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (participant_id, meeting_id) DO UPDATE SET state_vector = excluded.state_vector,
         seen_at = excluded.seen_at`,
      [participantId, meetingId, bytes(seen.stateVector), seen.seenAt],
    );
  }

  async lastSeen(participantId: string, meetingId: string): Promise<LastSeen | undefined> {
    const result = await this.pool.query<{ state_vector: Buffer; seen_at: Date }>(
      'SELECT state_vector, seen_at FROM last_seen WHERE participant_id = $1 AND meeting_id = $2',
      [participantId, meetingId],
    );
    const row = result.rows[0];
    return row && { stateVector: new Uint8Array(row.state_vector), seenAt: iso(row.seen_at) };
  }

  findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.protection.findSession(tokenHash);
  }

  findSessions(tokenHashes: readonly string[]): Promise<SessionRecord[]> {
    return this.protection.findSessions(tokenHashes);
  }

  touchSession(tokenHash: string, at: string): Promise<void> {
    return this.protection.touchSession(tokenHash, at);
  }

  endSession(tokenHash: string): Promise<void> {
    return this.protection.endSession(tokenHash);
  }

  renewSession(input: { from: string | null; to: string; at: string; carry: boolean }): Promise<void> {
    return this.protection.renewSession(input);
  }

  sessionInvitation(sessionHash: string, networkId: string): Promise<InvitationRecord | undefined> {
    return this.protection.sessionInvitation(sessionHash, networkId);
  }

  purgeSessions(createdBefore: Date, activeBefore: Date): Promise<number> {
    return this.protection.purgeSessions(createdBefore, activeBefore);
  }

  erasureCounts(target: ErasureTarget): Promise<ErasureCounts> {
    return this.protection.erasureCounts(target);
  }

  eraseNetwork(networkId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.protection.eraseNetwork(networkId, input);
  }

  eraseMeeting(meetingId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.protection.eraseMeeting(meetingId, input);
  }

  erasePerson(
    participantId: string,
    input: ErasureInput & { words: ErasedWords },
  ): Promise<ErasureRecord | undefined> {
    return this.protection.erasePerson(participantId, input);
  }

  replaceAgreedState(meetingId: string, agreedState: Uint8Array): Promise<void> {
    return this.protection.replaceAgreedState(meetingId, agreedState);
  }

  finishErasure(id: number, at: string, rewritten: readonly string[]): Promise<void> {
    return this.protection.finishErasure(id, at, rewritten);
  }

  erasuresAfter(id: number): Promise<ErasureRecord[]> {
    return this.protection.erasuresAfter(id);
  }

  unfinishedErasures(): Promise<ErasureRecord[]> {
    return this.protection.unfinishedErasures();
  }

  listErasures(): Promise<ErasureRecord[]> {
    return this.protection.listErasures();
  }

  documentRewrites(meetingIds: readonly string[]): Promise<Map<string, string>> {
    return this.protection.documentRewrites(meetingIds);
  }

  lastActivity(networkId: string): Promise<string | undefined> {
    return this.protection.lastActivity(networkId);
  }

  invitationsOf(participantId: string): Promise<InvitationRecord[]> {
    return this.protection.invitationsOf(participantId);
  }

  inactiveNetworks(before: Date): Promise<{ network: NetworkRecord; lastActivityAt: string }[]> {
    return this.protection.inactiveNetworks(before);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
