/**
 * Personal links and browser sessions: the actions, once for both databases. An invitation is a link
 * bound to one network and one person (and so one role), with an expiry, revocable; a session is a
 * member of a network only while the invitation it came from is neither revoked nor expired.
 */
import {
  type AccessStore,
  type InvitationRecord,
  linkState,
  type Membership,
  type NewLink,
} from '../metadata/types.js';
import { insertActivity } from './activity.js';
import { insertParticipant } from './networks.js';
import { type InvitationRow, invitation } from './rows.js';
import { type Action, changes, insertionOrder, row, rows, type Statement, sql } from './sql.js';
import { answerLinkRequests } from './teams.js';

type Input<K extends keyof AccessStore> = Parameters<AccessStore[K]>[0];

/** The columns of an invitation, of the table called `i`. */
export const INVITATION_COLUMNS = sql`i.id, i.network_id, i.participant_id, i.created_at, i.expires_at, i.revoked_at`;

export function* insertInvitation({ record, tokenHash }: NewLink): Action<void> {
  yield* changes(sql`INSERT INTO invitations (id, network_id, participant_id, token_hash, created_at, expires_at)
    VALUES (${record.id}, ${record.networkId}, ${record.participantId}, ${tokenHash}, ${record.createdAt},
      ${record.expiresAt})`);
}

/** Revoke every live link of a person; the ids revoked. */
function* revokeLinks(participantId: string, at: string): Action<string[]> {
  const revoked = yield* rows<{ id: string }>(sql`UPDATE invitations SET revoked_at = ${at}
    WHERE participant_id = ${participantId} AND revoked_at IS NULL RETURNING id`);
  return revoked.map(({ id }) => id);
}

/** A new person with their personal link, and the log entry. */
export function* invite(input: Input<'invite'>): Action<void> {
  const { participant: person } = input;
  yield* insertParticipant(person);
  yield* insertInvitation(input.link);
  yield* insertActivity({
    networkId: person.networkId,
    kind: 'invited',
    actorId: input.actorId,
    subjectId: person.id,
    at: person.createdAt,
  });
}

/** Revoke a person's live links and log it. */
export function* revoke(input: Input<'revoke'>): Action<string[]> {
  const revoked = yield* revokeLinks(input.participantId, input.at);
  yield* insertActivity({
    networkId: input.networkId,
    kind: 'revoked',
    actorId: input.actorId,
    subjectId: input.participantId,
    at: input.at,
  });
  return revoked;
}

/** Revoke a person's live links, give them a new one, and log it. */
export function* reissue(input: Input<'reissue'>): Action<string[]> {
  const { record } = input.link;
  const revoked = yield* revokeLinks(record.participantId, record.createdAt);
  yield* insertInvitation(input.link);
  // A request the person made for a new link is answered by it.
  yield* answerLinkRequests(record.participantId, input.actorId, record.createdAt);
  yield* insertActivity({
    networkId: input.networkId,
    kind: 'link_reissued',
    actorId: input.actorId,
    subjectId: record.participantId,
    at: record.createdAt,
  });
  return revoked;
}

function* oneInvitation(where: Statement): Action<InvitationRecord | undefined> {
  const found = yield* row<InvitationRow>(sql`SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE ${where}
    ORDER BY i.created_at DESC, ${insertionOrder('i')} DESC LIMIT 1`);
  return found && invitation(found);
}

export const findInvitationByTokenHash = (tokenHash: string) =>
  oneInvitation(sql`i.token_hash = ${tokenHash}`);
export const findInvitation = (id: string) => oneInvitation(sql`i.id = ${id}`);
/** The most recent invitation of a participant: the one their link state is read from. */
export const latestInvitation = (participantId: string) =>
  oneInvitation(sql`i.participant_id = ${participantId}`);

/** The latest invitation of everyone in a network, by participant id. */
export function* latestInvitations(networkId: string): Action<Map<string, InvitationRecord>> {
  // Oldest first: folded into a map, each person's latest is the one left.
  const found = yield* rows<InvitationRow>(sql`SELECT ${INVITATION_COLUMNS}
    FROM participants p JOIN invitations i ON i.participant_id = p.id
    WHERE p.network_id = ${networkId} ORDER BY i.created_at, ${insertionOrder('i')}`);
  const latest = new Map<string, InvitationRecord>();
  for (const each of found) latest.set(each.participant_id, invitation(each));
  return latest;
}

/** Invitations revoked or expired in (from, to]. */
export function* endedBetween(from: Date, to: Date): Action<string[]> {
  const a = from.toISOString();
  const b = to.toISOString();
  const found = yield* rows<{ id: string }>(sql`SELECT id FROM invitations
    WHERE (revoked_at > ${a} AND revoked_at <= ${b}) OR (expires_at > ${a} AND expires_at <= ${b})`);
  return found.map(({ id }) => id);
}

export function* createSession(tokenHash: string, at: string): Action<void> {
  yield* changes(sql`INSERT INTO sessions (token_hash, created_at) VALUES (${tokenHash}, ${at})`);
}

export function* sessionExists(tokenHash: string): Action<boolean> {
  return (yield* row(sql`SELECT 1 AS found FROM sessions WHERE token_hash = ${tokenHash}`)) !== undefined;
}

/** Make the session act as the invitation's person in its network (replacing anyone before). */
export function* join(sessionHash: string, record: InvitationRecord): Action<void> {
  yield* changes(sql`INSERT INTO session_members (session_hash, network_id, invitation_id)
    VALUES (${sessionHash}, ${record.networkId}, ${record.id})
    ON CONFLICT (session_hash, network_id) DO UPDATE SET invitation_id = excluded.invitation_id`);
}

/** The invitations a session's memberships came from (of one network, when given), whatever their state. */
export function* memberInvitations(sessionHash: string, networkId?: string): Action<InvitationRecord[]> {
  const ofNetwork = networkId === undefined ? sql`` : sql`AND m.network_id = ${networkId}`;
  const found = yield* rows<InvitationRow>(sql`SELECT ${INVITATION_COLUMNS}
    FROM session_members m JOIN invitations i ON i.id = m.invitation_id
    WHERE m.session_hash = ${sessionHash} ${ofNetwork}`);
  return found.map(invitation);
}

/**
 * The session's memberships whose links are active at `now` (of one network, when given), and, for a
 * staff session, the networks of their teams that they work with.
 */
export function* memberships(sessionHash: string, now: Date, networkId?: string): Action<Membership[]> {
  const found = yield* memberInvitations(sessionHash, networkId);
  const byLink = found
    .filter((record) => linkState(record, now) === 'active')
    .map((record) => ({
      networkId: record.networkId,
      participantId: record.participantId,
      invitation: record,
    }));
  return [...byLink, ...(yield* staffMemberships(sessionHash, networkId))];
}

/**
 * A staff session's networks: those of its staff member's teams in which they are one of the people.
 * The access is the team membership itself, read from the store each time: it has no link, no expiry,
 * and ends when they leave the team (leaveTeam), on every instance at once.
 */
function* staffMemberships(sessionHash: string, networkId?: string): Action<Membership[]> {
  const ofNetwork = networkId === undefined ? sql`` : sql`AND n.id = ${networkId}`;
  const found = yield* rows<{ network_id: string; participant_id: string; staff_id: string }>(
    sql`SELECT n.id AS network_id, p.id AS participant_id, ss.staff_id
      FROM staff_sessions ss
      JOIN team_members m ON m.staff_id = ss.staff_id
      JOIN networks n ON n.team_id = m.team_id
      JOIN participants p ON p.network_id = n.id AND p.staff_id = ss.staff_id
      WHERE ss.session_hash = ${sessionHash} ${ofNetwork}
      ORDER BY n.created_at, n.id`,
  );
  return found.map((each) => ({
    networkId: each.network_id,
    participantId: each.participant_id,
    staffId: each.staff_id,
  }));
}

/** The session's membership of one network, if its link is active at `now`. */
export function* membership(
  sessionHash: string,
  networkId: string,
  now: Date,
): Action<Membership | undefined> {
  return (yield* memberships(sessionHash, now, networkId))[0];
}
