/**
 * The data-protection actions of the SQLite metadata store (protection.ts): sessions, erasure,
 * retention. SqliteMetadataStore hands its transactions to this class, so that each action commits as
 * one durable transaction there like every other. Erasing deletes rows; the bytes they leave in the
 * file's free pages and its WAL are wiped by the erasure service's purge (VACUUM, checkpoint), see
 * erasure/purge.ts.
 */
import type { ErasedWords, ErasureKind, Role } from '@polyphony/shared';
import type { SqliteDatabase } from '../database.js';
import type {
  ErasureCounts,
  ErasureInput,
  ErasureRecord,
  ErasureTarget,
  ProtectionStore,
  SessionRecord,
} from './protection.js';
import type { InvitationRecord, NetworkRecord } from './types.js';

interface ErasureRow {
  id: number;
  at: string;
  kind: ErasureKind;
  network_id: string;
  meeting_id: string | null;
  participant_id: string | null;
  erased_by: ErasureRecord['by'];
  actor_id: string | null;
  actor_role: Role | null;
  words: ErasedWords | null;
  meeting_ids: string;
  done_at: string | null;
}

const erasure = (row: ErasureRow): ErasureRecord => ({
  id: row.id,
  at: row.at,
  kind: row.kind,
  networkId: row.network_id,
  meetingId: row.meeting_id,
  participantId: row.participant_id,
  by: row.erased_by,
  actorId: row.actor_id,
  actorRole: row.actor_role,
  words: row.words,
  meetingIds: JSON.parse(row.meeting_ids) as string[],
  doneAt: row.done_at,
});

interface SessionRow {
  token_hash: string;
  created_at: string;
  active_at: string | null;
}

const session = (row: SessionRow): SessionRecord => ({
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  activeAt: row.active_at ?? row.created_at,
});

/** How a transaction is run: the store's own (durable, one at a time). */
type Transaction = <T>(work: () => T) => Promise<T>;

/** The protection actions on the SQLite file. */
export class SqliteProtection implements ProtectionStore {
  private readonly sql;

  constructor(
    db: SqliteDatabase,
    private readonly transaction: Transaction,
  ) {
    const count = (query: string) => db.prepare<unknown[], { n: number }>(query);
    this.sql = {
      session: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
      touchSession: db.prepare('UPDATE sessions SET active_at = ? WHERE token_hash = ?'),
      deleteMembers: db.prepare('DELETE FROM session_members WHERE session_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, created_at, active_at) VALUES (?, ?, ?)'),
      moveMembers: db.prepare('UPDATE session_members SET session_hash = ? WHERE session_hash = ?'),
      sessionInvitation: db.prepare<[string, string], InvitationRow>(
        `SELECT i.* FROM session_members m JOIN invitations i ON i.id = m.invitation_id
         WHERE m.session_hash = ? AND m.network_id = ?`,
      ),
      purgeSessions: db.prepare(
        'DELETE FROM sessions WHERE created_at < ? OR COALESCE(active_at, created_at) < ?',
      ),
      networkMeetings: db.prepare<[string], { id: string }>(
        'SELECT id FROM meetings WHERE network_id = ? ORDER BY number',
      ),
      meeting: db.prepare<[string], { id: string; network_id: string }>(
        'SELECT id, network_id FROM meetings WHERE id = ?',
      ),
      networkExists: db.prepare<[string], { id: string }>('SELECT id FROM networks WHERE id = ?'),
      participant: db.prepare<[string], { id: string; network_id: string }>(
        'SELECT id, network_id FROM participants WHERE id = ?',
      ),
      // Sessions that hold a membership through these rows: those left without any are deleted too.
      sessionsOfNetwork: db.prepare<[string], { session_hash: string }>(
        'SELECT DISTINCT session_hash FROM session_members WHERE network_id = ?',
      ),
      sessionsOfPerson: db.prepare<[string], { session_hash: string }>(
        `SELECT DISTINCT m.session_hash FROM session_members m JOIN invitations i ON i.id = m.invitation_id
         WHERE i.participant_id = ?`,
      ),
      deleteIfEmpty: db.prepare(
        `DELETE FROM sessions WHERE token_hash = ?
         AND NOT EXISTS (SELECT 1 FROM session_members WHERE session_hash = ?)`,
      ),
      countVersionsOfNetwork: count(
        'SELECT COUNT(*) AS n FROM meeting_versions v JOIN meetings m ON m.id = v.meeting_id WHERE m.network_id = ?',
      ),
      countActivityOfNetwork: count('SELECT COUNT(*) AS n FROM activity WHERE network_id = ?'),
      countLinksOfNetwork: count('SELECT COUNT(*) AS n FROM invitations WHERE network_id = ?'),
      countSessionsOfNetwork: count(
        'SELECT COUNT(DISTINCT session_hash) AS n FROM session_members WHERE network_id = ?',
      ),
      countVersionsOfMeeting: count('SELECT COUNT(*) AS n FROM meeting_versions WHERE meeting_id = ?'),
      countActivityOfMeeting: count('SELECT COUNT(*) AS n FROM activity WHERE meeting_id = ?'),
      countActivityOfPerson: count('SELECT COUNT(*) AS n FROM activity WHERE actor_id = ? OR subject_id = ?'),
      countLinksOfPerson: count('SELECT COUNT(*) AS n FROM invitations WHERE participant_id = ?'),
      countSessionsOfPerson: count(
        `SELECT COUNT(DISTINCT m.session_hash) AS n FROM session_members m
         JOIN invitations i ON i.id = m.invitation_id WHERE i.participant_id = ?`,
      ),
      insertErasure: db.prepare(
        `INSERT INTO erasures (at, kind, network_id, meeting_id, participant_id, erased_by, actor_id,
           actor_role, words, meeting_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      erasure: db.prepare<[number], ErasureRow>('SELECT * FROM erasures WHERE id = ?'),
      erasuresAfter: db.prepare<[number], ErasureRow>('SELECT * FROM erasures WHERE id > ? ORDER BY id'),
      unfinished: db.prepare<[], ErasureRow>('SELECT * FROM erasures WHERE done_at IS NULL ORDER BY id'),
      erasures: db.prepare<[], ErasureRow>('SELECT * FROM erasures ORDER BY id DESC'),
      finish: db.prepare('UPDATE erasures SET done_at = ? WHERE id = ? AND done_at IS NULL'),
      rewritten: db.prepare(
        `INSERT INTO document_rewrites (meeting_id, rewritten_at)
         SELECT id, ? FROM meetings WHERE id = ?
         ON CONFLICT (meeting_id) DO UPDATE SET rewritten_at = excluded.rewritten_at`,
      ),
      rewrite: db.prepare<[string], { rewritten_at: string }>(
        'SELECT rewritten_at FROM document_rewrites WHERE meeting_id = ?',
      ),
      replaceAgreed: db.prepare(
        'UPDATE meetings SET agreed_state = ? WHERE id = ? AND agreed_state IS NOT NULL',
      ),
      logErasure: db.prepare(
        `INSERT INTO activity (network_id, at, kind, actor_id, subject_id, meeting_id) VALUES (?, ?, ?, ?, NULL, ?)`,
      ),
      versionsOfNetwork: db.prepare<[string], { id: number; writers: string }>(
        `SELECT v.id, v.writers FROM meeting_versions v JOIN meetings m ON m.id = v.meeting_id
         WHERE m.network_id = ?`,
      ),
      setWriters: db.prepare('UPDATE meeting_versions SET writers = ? WHERE id = ?'),
      lastActivity: db.prepare<[string], { last_at: string }>(`${LAST_ACTIVITY} WHERE n.id = ?`),
      invitationsOf: db.prepare<[string], InvitationRow>(
        'SELECT * FROM invitations WHERE participant_id = ? ORDER BY created_at, rowid',
      ),
      inactive: db.prepare<[string], NetworkRow & { last_at: string }>(
        `SELECT * FROM (${LAST_ACTIVITY}) WHERE last_at < ? ORDER BY last_at`,
      ),
      // Erasing a network, child rows first (the foreign keys are enforced).
      network: [
        'DELETE FROM last_seen WHERE meeting_id IN (SELECT id FROM meetings WHERE network_id = ?)',
        'DELETE FROM meeting_attendance WHERE meeting_id IN (SELECT id FROM meetings WHERE network_id = ?)',
        'DELETE FROM meeting_versions WHERE meeting_id IN (SELECT id FROM meetings WHERE network_id = ?)',
        'DELETE FROM document_rewrites WHERE meeting_id IN (SELECT id FROM meetings WHERE network_id = ?)',
        'DELETE FROM session_members WHERE network_id = ?',
        'DELETE FROM activity WHERE network_id = ?',
        'DELETE FROM invitations WHERE network_id = ?',
        'DELETE FROM meetings WHERE network_id = ?',
        'DELETE FROM participants WHERE network_id = ?',
        'DELETE FROM networks WHERE id = ?',
      ].map((query) => db.prepare(query)),
      meetingRows: [
        'DELETE FROM last_seen WHERE meeting_id = ?',
        'DELETE FROM meeting_attendance WHERE meeting_id = ?',
        'DELETE FROM meeting_versions WHERE meeting_id = ?',
        'DELETE FROM document_rewrites WHERE meeting_id = ?',
        'DELETE FROM meetings WHERE id = ?',
      ].map((query) => db.prepare(query)),
      personRows: [
        'DELETE FROM last_seen WHERE participant_id = ?',
        'DELETE FROM meeting_attendance WHERE participant_id = ?',
        'DELETE FROM session_members WHERE invitation_id IN (SELECT id FROM invitations WHERE participant_id = ?)',
        'DELETE FROM invitations WHERE participant_id = ?',
        'UPDATE activity SET actor_id = NULL WHERE actor_id = ?',
        'UPDATE activity SET subject_id = NULL WHERE subject_id = ?',
        'DELETE FROM participants WHERE id = ?',
      ].map((query) => db.prepare(query)),
    };
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.sql.session.get(tokenHash);
    return row && session(row);
  }

  async findSessions(tokenHashes: readonly string[]): Promise<SessionRecord[]> {
    const found: SessionRecord[] = [];
    for (const hash of tokenHashes) {
      const row = this.sql.session.get(hash);
      if (row) found.push(session(row));
    }
    return found;
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.transaction(() => this.sql.touchSession.run(at, tokenHash));
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.transaction(() => {
      this.sql.deleteMembers.run(tokenHash);
      this.sql.deleteSession.run(tokenHash);
    });
  }

  async renewSession(input: { from: string | null; to: string; at: string; carry: boolean }): Promise<void> {
    const { from, to, at, carry } = input;
    await this.transaction(() => {
      this.sql.insertSession.run(to, at, at);
      if (!from || from === to) return;
      if (carry) this.sql.moveMembers.run(to, from);
      else this.sql.deleteMembers.run(from);
      this.sql.deleteSession.run(from);
    });
  }

  async sessionInvitation(sessionHash: string, networkId: string): Promise<InvitationRecord | undefined> {
    const row = this.sql.sessionInvitation.get(sessionHash, networkId);
    return row && invitation(row);
  }

  async purgeSessions(createdBefore: Date, activeBefore: Date): Promise<number> {
    return this.transaction(() => {
      // Memberships go with their sessions (ON DELETE CASCADE).
      return this.sql.purgeSessions.run(createdBefore.toISOString(), activeBefore.toISOString()).changes;
    });
  }

  async erasureCounts(target: ErasureTarget): Promise<ErasureCounts> {
    const n = (statement: { get(...args: unknown[]): unknown }, ...args: unknown[]) =>
      (statement.get(...args) as { n: number }).n;
    const s = this.sql;
    switch (target.kind) {
      case 'network':
        return {
          versions: n(s.countVersionsOfNetwork, target.networkId),
          activityEntries: n(s.countActivityOfNetwork, target.networkId),
          links: n(s.countLinksOfNetwork, target.networkId),
          sessions: n(s.countSessionsOfNetwork, target.networkId),
        };
      case 'meeting':
        return {
          versions: n(s.countVersionsOfMeeting, target.meetingId),
          activityEntries: n(s.countActivityOfMeeting, target.meetingId),
          links: 0,
          sessions: 0,
        };
      case 'person':
        return {
          versions: 0,
          activityEntries: n(s.countActivityOfPerson, target.participantId, target.participantId),
          links: n(s.countLinksOfPerson, target.participantId),
          sessions: n(s.countSessionsOfPerson, target.participantId),
        };
    }
  }

  private record(
    kind: ErasureKind,
    ids: { networkId: string; meetingId?: string; participantId?: string },
    input: ErasureInput & { words?: ErasedWords },
    meetingIds: string[],
  ): ErasureRecord {
    const { lastInsertRowid } = this.sql.insertErasure.run(
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
    );
    return erasure(this.sql.erasure.get(Number(lastInsertRowid)) as ErasureRow);
  }

  private dropEmptySessions(hashes: readonly string[]): void {
    for (const hash of hashes) this.sql.deleteIfEmpty.run(hash, hash);
  }

  async eraseNetwork(networkId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.transaction(() => {
      if (!this.sql.networkExists.get(networkId)) return undefined;
      const meetingIds = this.sql.networkMeetings.all(networkId).map((row) => row.id);
      const sessions = this.sql.sessionsOfNetwork.all(networkId).map((row) => row.session_hash);
      for (const statement of this.sql.network) statement.run(networkId);
      this.dropEmptySessions(sessions);
      return this.record('network', { networkId }, input, meetingIds);
    });
  }

  async eraseMeeting(meetingId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.transaction(() => {
      const meeting = this.sql.meeting.get(meetingId);
      if (!meeting) return undefined;
      for (const statement of this.sql.meetingRows) statement.run(meetingId);
      this.sql.logErasure.run(meeting.network_id, input.at, 'meeting_erased', input.actorId, meetingId);
      return this.record('meeting', { networkId: meeting.network_id, meetingId }, input, [meetingId]);
    });
  }

  async erasePerson(
    participantId: string,
    input: ErasureInput & { words: ErasedWords },
  ): Promise<ErasureRecord | undefined> {
    return this.transaction(() => {
      const person = this.sql.participant.get(participantId);
      if (!person) return undefined;
      const networkId = person.network_id;
      const sessions = this.sql.sessionsOfPerson.all(participantId).map((row) => row.session_hash);
      for (const statement of this.sql.personRows) statement.run(participantId);
      this.dropEmptySessions(sessions);
      // Their name leaves the lists of who was writing since each version.
      for (const version of this.sql.versionsOfNetwork.all(networkId)) {
        const writers = JSON.parse(version.writers) as { id: string; name: string }[];
        const kept = writers.filter((writer) => writer.id !== participantId);
        if (kept.length !== writers.length) this.sql.setWriters.run(JSON.stringify(kept), version.id);
      }
      this.sql.logErasure.run(networkId, input.at, 'person_erased', input.actorId, null);
      const meetingIds = this.sql.networkMeetings.all(networkId).map((row) => row.id);
      return this.record('person', { networkId, participantId }, input, meetingIds);
    });
  }

  async replaceAgreedState(meetingId: string, agreedState: Uint8Array): Promise<void> {
    await this.transaction(() => this.sql.replaceAgreed.run(agreedState, meetingId));
  }

  async finishErasure(id: number, at: string, rewritten: readonly string[]): Promise<void> {
    await this.transaction(() => {
      for (const meetingId of rewritten) this.sql.rewritten.run(at, meetingId);
      this.sql.finish.run(at, id);
    });
  }

  async erasuresAfter(id: number): Promise<ErasureRecord[]> {
    return this.sql.erasuresAfter.all(id).map(erasure);
  }

  async unfinishedErasures(): Promise<ErasureRecord[]> {
    return this.sql.unfinished.all().map(erasure);
  }

  async listErasures(): Promise<ErasureRecord[]> {
    return this.sql.erasures.all().map(erasure);
  }

  async documentRewrites(meetingIds: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const id of meetingIds) {
      const row = this.sql.rewrite.get(id);
      if (row) result.set(id, row.rewritten_at);
    }
    return result;
  }

  async invitationsOf(participantId: string): Promise<InvitationRecord[]> {
    return this.sql.invitationsOf.all(participantId).map(invitation);
  }

  async lastActivity(networkId: string): Promise<string | undefined> {
    return this.sql.lastActivity.get(networkId)?.last_at;
  }

  async inactiveNetworks(before: Date): Promise<{ network: NetworkRecord; lastActivityAt: string }[]> {
    return this.sql.inactive.all(before.toISOString()).map((row) => ({
      network: { id: row.id, centreName: row.centre_name, createdAt: row.created_at },
      lastActivityAt: row.last_at,
    }));
  }
}

interface NetworkRow {
  id: string;
  centre_name: string;
  created_at: string;
}

interface InvitationRow {
  id: string;
  network_id: string;
  participant_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

const invitation = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  networkId: row.network_id,
  participantId: row.participant_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/** Each network with its last activity: its start, its newest log entry, its people's last visits. */
const LAST_ACTIVITY = `SELECT n.id, n.centre_name, n.created_at,
  MAX(n.created_at,
      COALESCE((SELECT MAX(a.at) FROM activity a WHERE a.network_id = n.id), n.created_at),
      COALESCE((SELECT MAX(p.last_seen_at) FROM participants p WHERE p.network_id = n.id), n.created_at)
  ) AS last_at
  FROM networks n`;
