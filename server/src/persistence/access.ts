/**
 * Invitations and sessions. An invitation is a personal link bound to one network and one person (and so
 * one role), with an expiry, revocable. Opening it adds the person to the browser's session; a session
 * is valid for a network only while the invitation it came from is neither revoked nor expired.
 */
import type { SqliteDatabase } from './database.js';
import { type InvitationRecord, linkState, type Membership, type NewLink } from './metadata/types.js';

export type { InvitationRecord, Membership } from './metadata/types.js';
export { linkState } from './metadata/types.js';

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

/**
 * Invitations, sessions and the memberships that bind them: prepared statements of the SQLite metadata
 * store. Tokens are hashed before they get here, except in the seeding helpers benches use.
 */
export class AccessRepository {
  private readonly sql;

  constructor(db: SqliteDatabase) {
    this.sql = {
      insertInvitation: db.prepare(
        `INSERT INTO invitations (id, network_id, participant_id, token_hash, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      byHash: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?'),
      byId: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?'),
      latestFor: db.prepare<[string], InvitationRow>(
        'SELECT * FROM invitations WHERE participant_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      ),
      // Oldest first: folded into a map, each person's latest is the one left.
      inNetwork: db.prepare<[string], InvitationRow>(
        `SELECT i.* FROM participants p JOIN invitations i ON i.participant_id = p.id
         WHERE p.network_id = ? ORDER BY i.created_at, i.rowid`,
      ),
      revokeFor: db.prepare<[string, string], { id: string }>(
        `UPDATE invitations SET revoked_at = ? WHERE participant_id = ? AND revoked_at IS NULL RETURNING id`,
      ),
      endedBetween: db.prepare<[string, string, string, string], { id: string }>(
        `SELECT id FROM invitations
         WHERE (revoked_at > ? AND revoked_at <= ?) OR (expires_at > ? AND expires_at <= ?)`,
      ),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, created_at) VALUES (?, ?)'),
      session: db.prepare<[string], { token_hash: string }>(
        'SELECT token_hash FROM sessions WHERE token_hash = ?',
      ),
      upsertMember: db.prepare(
        `INSERT INTO session_members (session_hash, network_id, invitation_id) VALUES (?, ?, ?)
         ON CONFLICT (session_hash, network_id) DO UPDATE SET invitation_id = excluded.invitation_id`,
      ),
      members: db.prepare<[string], InvitationRow>(
        `SELECT i.* FROM session_members m JOIN invitations i ON i.id = m.invitation_id
         WHERE m.session_hash = ?`,
      ),
      member: db.prepare<[string, string], InvitationRow>(
        `SELECT i.* FROM session_members m JOIN invitations i ON i.id = m.invitation_id
         WHERE m.session_hash = ? AND m.network_id = ?`,
      ),
    };
  }

  insertInvitation({ record, tokenHash }: NewLink): void {
    this.sql.insertInvitation.run(
      record.id,
      record.networkId,
      record.participantId,
      tokenHash,
      record.createdAt,
      record.expiresAt,
    );
  }

  findInvitationByTokenHash(tokenHash: string): InvitationRecord | undefined {
    const row = this.sql.byHash.get(tokenHash);
    return row && invitation(row);
  }

  findInvitation(id: string): InvitationRecord | undefined {
    const row = this.sql.byId.get(id);
    return row && invitation(row);
  }

  /** The most recent invitation of a participant: the one their link state is read from. */
  latestInvitation(participantId: string): InvitationRecord | undefined {
    const row = this.sql.latestFor.get(participantId);
    return row && invitation(row);
  }

  /** latestInvitation of everyone in a network, by participant id. */
  latestInvitations(networkId: string): Map<string, InvitationRecord> {
    const latest = new Map<string, InvitationRecord>();
    for (const row of this.sql.inNetwork.all(networkId)) latest.set(row.participant_id, invitation(row));
    return latest;
  }

  /** Revoke every live link of a participant; returns the ids revoked. */
  revokeParticipant(participantId: string, at: string): string[] {
    return this.sql.revokeFor.all(at, participantId).map((row) => row.id);
  }

  /** Invitations revoked or expired in (from, to]: their sessions must end. */
  endedBetween(from: Date, to: Date): string[] {
    const a = from.toISOString();
    const b = to.toISOString();
    return this.sql.endedBetween.all(a, b, a, b).map((row) => row.id);
  }

  insertSession(tokenHash: string, at: string): void {
    this.sql.insertSession.run(tokenHash, at);
  }

  /** Whether a session is known by its token's hash. */
  sessionExists(tokenHash: string): boolean {
    return this.sql.session.get(tokenHash) !== undefined;
  }

  /** Make the session act as the invitation's person in its network (replacing anyone before). */
  addMember(sessionHash: string, record: InvitationRecord): void {
    this.sql.upsertMember.run(sessionHash, record.networkId, record.id);
  }

  /** The session's valid memberships. */
  memberships(sessionHash: string, now: Date): Membership[] {
    return this.sql.members
      .all(sessionHash)
      .map(invitation)
      .filter((record) => linkState(record, now) === 'active')
      .map((record) => ({
        networkId: record.networkId,
        participantId: record.participantId,
        invitation: record,
      }));
  }

  /** The session's valid membership of one network. */
  membership(sessionHash: string, networkId: string, now: Date): Membership | undefined {
    const row = this.sql.member.get(sessionHash, networkId);
    if (!row) return undefined;
    const record = invitation(row);
    if (linkState(record, now) !== 'active') return undefined;
    return { networkId, participantId: record.participantId, invitation: record };
  }
}
