/**
 * Teams, their staff, staff sign-in links and sessions, networks of a team and relatives' link requests
 * (metadata/teams.ts): the actions, once for both databases.
 */

import type {
  LeftTeam,
  LinkRequestRecord,
  StaffLinkRecord,
  StaffRecord,
  TeamMemberRecord,
  TeamRecord,
  TeamStore,
} from '../metadata/teams.js';
import type { NetworkRecord, ParticipantRecord } from '../metadata/types.js';
import { insertActivity } from './activity.js';
import { insertParticipant, NETWORK_COLUMNS, PARTICIPANT_COLUMNS } from './networks.js';
import {
  type LinkRequestRow,
  linkRequest,
  type NetworkRow,
  network,
  type ParticipantRow,
  participant,
  type StaffLinkRow,
  type StaffRow,
  staff,
  staffLink,
  type TeamMemberRow,
  type TeamRow,
  team,
  teamMember,
} from './rows.js';
import { type Action, changes, forUpdate, inList, insertionOrder, json, row, rows, sql } from './sql.js';

type Input<K extends keyof TeamStore> = Parameters<TeamStore[K]>[0];

const TEAM_COLUMNS = sql`id, name, created_at, domains, groups`;
const STAFF_COLUMNS = sql`s.id, s.name, s.email, s.oidc_issuer, s.oidc_subject, s.created_at`;

export function* createTeam(record: TeamRecord): Action<void> {
  yield* changes(sql`INSERT INTO teams (id, name, created_at, domains, groups)
    VALUES (${record.id}, ${record.name}, ${record.createdAt}, ${json(record.domains)}, ${json(record.groups)})`);
}

export function* findTeam(id: string): Action<TeamRecord | undefined> {
  const found = yield* row<TeamRow>(sql`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = ${id}`);
  return found && team(found);
}

export function* listTeams(): Action<TeamRecord[]> {
  return (yield* rows<TeamRow>(sql`SELECT ${TEAM_COLUMNS} FROM teams ORDER BY created_at, id`)).map(team);
}

export function* setTeamEntry(teamId: string, entry: { domains: string[]; groups: string[] }): Action<void> {
  yield* changes(sql`UPDATE teams SET domains = ${json(entry.domains)}, groups = ${json(entry.groups)}
    WHERE id = ${teamId}`);
}

export function* createStaff(record: StaffRecord): Action<void> {
  yield* changes(sql`INSERT INTO staff (id, name, email, oidc_issuer, oidc_subject, created_at)
    VALUES (${record.id}, ${record.name}, ${record.email.toLowerCase()}, ${record.issuer}, ${record.subject},
      ${record.createdAt})`);
}

function* oneStaff(where: ReturnType<typeof sql>): Action<StaffRecord | undefined> {
  const found = yield* row<StaffRow>(sql`SELECT ${STAFF_COLUMNS} FROM staff s WHERE ${where}`);
  return found && staff(found);
}

export const findStaff = (id: string) => oneStaff(sql`s.id = ${id}`);
export const findStaffByEmail = (email: string) => oneStaff(sql`s.email = ${email.toLowerCase()}`);
export const findStaffBySubject = (issuer: string, subject: string) =>
  oneStaff(sql`s.oidc_issuer = ${issuer} AND s.oidc_subject = ${subject}`);

export function* bindStaffSubject(staffId: string, issuer: string, subject: string): Action<void> {
  yield* changes(
    sql`UPDATE staff SET oidc_issuer = ${issuer}, oidc_subject = ${subject} WHERE id = ${staffId}`,
  );
}

export function* joinTeam(input: Input<'joinTeam'>): Action<void> {
  yield* changes(sql`INSERT INTO team_members (team_id, staff_id, role, kind, joined_at)
    VALUES (${input.teamId}, ${input.staffId}, ${input.role}, ${input.kind}, ${input.at})
    ON CONFLICT (team_id, staff_id) DO UPDATE SET role = excluded.role, kind = excluded.kind`);
}

/**
 * The teams a staff member left (was taken out of) and has not joined again: joining again is someone's
 * decision, and from then on a departure no longer keeps the rules from letting them in.
 */
export function* teamDepartures(staffId: string): Action<string[]> {
  const found = yield* rows<{ team_id: string }>(sql`SELECT DISTINCT d.team_id FROM team_departures d
    WHERE d.staff_id = ${staffId} AND NOT EXISTS (SELECT 1 FROM team_members m
      WHERE m.team_id = d.team_id AND m.staff_id = d.staff_id)
    ORDER BY d.team_id`);
  return found.map(({ team_id }) => team_id);
}

export function* leaveTeam(input: Input<'leaveTeam'>): Action<LeftTeam | undefined> {
  const left = yield* changes(
    sql`DELETE FROM team_members WHERE team_id = ${input.teamId} AND staff_id = ${input.staffId}`,
  );
  if (left === 0) return undefined;
  // Every instance's access sweep reads this and closes their sockets and video there (departedBetween).
  yield* changes(sql`INSERT INTO team_departures (team_id, staff_id, left_at)
    VALUES (${input.teamId}, ${input.staffId}, ${input.at})`);
  const people = yield* rows<{ id: string; network_id: string }>(sql`SELECT p.id, p.network_id
    FROM participants p JOIN networks n ON n.id = p.network_id
    WHERE p.staff_id = ${input.staffId} AND n.team_id = ${input.teamId}
    ORDER BY p.network_id, p.id`);
  // Each network's own log says that its professional left the team (and so its meetings).
  for (const each of people) {
    yield* insertActivity({
      networkId: each.network_id,
      kind: 'left_team',
      actorId: null,
      subjectId: each.id,
      at: input.at,
    });
  }
  // A network they started gave them a personal link too: it ends with the team's access.
  const ids = people.map(({ id }) => id);
  const revoked =
    ids.length === 0
      ? []
      : yield* rows<{ id: string }>(sql`UPDATE invitations SET revoked_at = ${input.at}
          WHERE participant_id ${inList(ids)} AND revoked_at IS NULL RETURNING id`);
  const sessions = yield* rows<{ session_hash: string }>(
    sql`SELECT session_hash FROM staff_sessions WHERE staff_id = ${input.staffId}`,
  );
  const stillIn = yield* row(sql`SELECT 1 AS one FROM team_members WHERE staff_id = ${input.staffId}`);
  if (!stillIn) {
    // In no team any more: nothing is left for their sessions or sign-in links to open.
    const hashes = sessions.map(({ session_hash }) => session_hash);
    if (hashes.length > 0) yield* changes(sql`DELETE FROM sessions WHERE token_hash ${inList(hashes)}`);
    yield* changes(sql`UPDATE staff_links SET revoked_at = ${input.at}
      WHERE staff_id = ${input.staffId} AND revoked_at IS NULL`);
  }
  return {
    sessionHashes: sessions.map(({ session_hash }) => session_hash),
    participantIds: ids,
    networkIds: [...new Set(people.map(({ network_id }) => network_id))],
    people: people.map(({ id, network_id }) => ({ participantId: id, networkId: network_id })),
    revokedInvitations: revoked.map(({ id }) => id),
  };
}

/**
 * The people whose access ended in (from, to] because their staff member left the network's team (and
 * is not back in it): what every instance's access sweep closes, as it closes revoked links.
 */
export function* departedBetween(
  from: Date,
  to: Date,
): Action<{ networkId: string; participantId: string }[]> {
  const found = yield* rows<{ network_id: string; id: string }>(sql`SELECT DISTINCT p.network_id, p.id
    FROM team_departures d
    JOIN networks n ON n.team_id = d.team_id
    JOIN participants p ON p.network_id = n.id AND p.staff_id = d.staff_id
    WHERE d.left_at > ${from.toISOString()} AND d.left_at <= ${to.toISOString()}
      AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = d.team_id AND m.staff_id = d.staff_id)
    ORDER BY p.network_id, p.id`);
  return found.map((each) => ({ networkId: each.network_id, participantId: each.id }));
}

const MEMBER_QUERY = sql`SELECT m.team_id, m.role, m.kind, m.joined_at, ${STAFF_COLUMNS}
  FROM team_members m JOIN staff s ON s.id = m.staff_id`;

export function* teamMembers(teamId: string): Action<TeamMemberRecord[]> {
  const found = yield* rows<TeamMemberRow>(
    sql`${MEMBER_QUERY} WHERE m.team_id = ${teamId} ORDER BY m.joined_at, s.name, s.id`,
  );
  return found.map(teamMember);
}

export function* teamsOf(staffId: string): Action<TeamMemberRecord[]> {
  const found = yield* rows<TeamMemberRow>(
    sql`${MEMBER_QUERY} WHERE m.staff_id = ${staffId} ORDER BY m.joined_at, m.team_id`,
  );
  return found.map(teamMember);
}

export function* inviteToTeam(input: Input<'inviteToTeam'>): Action<void> {
  yield* changes(sql`INSERT INTO team_invitations (team_id, email, invited_by, created_at)
    VALUES (${input.teamId}, ${input.email.toLowerCase()}, ${input.invitedBy}, ${input.at})
    ON CONFLICT (team_id, email) DO NOTHING`);
}

export function* teamInvitations(teamId: string): Action<string[]> {
  const found = yield* rows<{ email: string }>(
    sql`SELECT email FROM team_invitations WHERE team_id = ${teamId} ORDER BY created_at, email`,
  );
  return found.map(({ email }) => email);
}

const STAFF_LINK_COLUMNS = sql`id, staff_id, created_at, expires_at, revoked_at`;

export function* revokeStaffLinks(staffId: string, at: string): Action<number> {
  return yield* changes(
    sql`UPDATE staff_links SET revoked_at = ${at} WHERE staff_id = ${staffId} AND revoked_at IS NULL`,
  );
}

export function* issueStaffLink({ record, tokenHash }: Input<'issueStaffLink'>): Action<void> {
  yield* revokeStaffLinks(record.staffId, record.createdAt);
  yield* changes(sql`INSERT INTO staff_links (id, staff_id, token_hash, created_at, expires_at)
    VALUES (${record.id}, ${record.staffId}, ${tokenHash}, ${record.createdAt}, ${record.expiresAt})`);
}

export function* findStaffLinkByTokenHash(tokenHash: string): Action<StaffLinkRecord | undefined> {
  const found = yield* row<StaffLinkRow>(
    sql`SELECT ${STAFF_LINK_COLUMNS} FROM staff_links WHERE token_hash = ${tokenHash}`,
  );
  return found && staffLink(found);
}

export function* startStaffSession(sessionHash: string, staffId: string, at: string): Action<void> {
  yield* changes(
    sql`INSERT INTO sessions (token_hash, created_at, active_at) VALUES (${sessionHash}, ${at}, ${at})`,
  );
  yield* changes(
    sql`INSERT INTO staff_sessions (session_hash, staff_id) VALUES (${sessionHash}, ${staffId})`,
  );
}

export function* sessionStaff(sessionHash: string): Action<StaffRecord | undefined> {
  return yield* oneStaff(
    sql`s.id = (SELECT staff_id FROM staff_sessions WHERE session_hash = ${sessionHash})`,
  );
}

export function* staffSessions(staffId: string): Action<string[]> {
  const found = yield* rows<{ session_hash: string }>(
    sql`SELECT session_hash FROM staff_sessions WHERE staff_id = ${staffId} ORDER BY session_hash`,
  );
  return found.map(({ session_hash }) => session_hash);
}

export function* teamNetworks(teamId: string): Action<NetworkRecord[]> {
  const found = yield* rows<NetworkRow>(
    sql`SELECT ${NETWORK_COLUMNS} FROM networks WHERE team_id = ${teamId} ORDER BY created_at DESC, id`,
  );
  return found.map(network);
}

export function* staffParticipant(networkId: string, staffId: string): Action<ParticipantRecord | undefined> {
  const found = yield* row<ParticipantRow>(sql`SELECT ${PARTICIPANT_COLUMNS} FROM participants
    WHERE network_id = ${networkId} AND staff_id = ${staffId} ORDER BY created_at, ${insertionOrder()} LIMIT 1`);
  return found && participant(found);
}

export function* addStaffToNetwork(input: Input<'addStaffToNetwork'>): Action<ParticipantRecord> {
  const { participant: person, staffId } = input;
  // Two tabs opening the network at once: the network's row lock lets the second see the first's person.
  yield* row(sql`SELECT id FROM networks WHERE id = ${person.networkId} ${forUpdate}`);
  const already = yield* staffParticipant(person.networkId, staffId);
  if (already) return already;
  const added = { ...person, staffId };
  yield* insertParticipant(added);
  yield* insertActivity({
    networkId: person.networkId,
    kind: 'joined_from_team',
    actorId: person.id,
    at: person.createdAt,
  });
  return added;
}

const REQUEST_COLUMNS = sql`id, network_id, participant_id, created_at, answered_at, answered_by`;

export function* requestLink(input: Input<'requestLink'>): Action<LinkRequestRecord> {
  yield* row(sql`SELECT id FROM participants WHERE id = ${input.participantId} ${forUpdate}`);
  const open = yield* row<LinkRequestRow>(sql`SELECT ${REQUEST_COLUMNS} FROM link_requests
    WHERE participant_id = ${input.participantId} AND answered_at IS NULL ORDER BY created_at LIMIT 1`);
  if (open) return linkRequest(open);
  yield* changes(sql`INSERT INTO link_requests (id, network_id, participant_id, created_at)
    VALUES (${input.id}, ${input.networkId}, ${input.participantId}, ${input.at})`);
  yield* insertActivity({
    networkId: input.networkId,
    kind: 'link_requested',
    actorId: input.participantId,
    at: input.at,
  });
  return {
    id: input.id,
    networkId: input.networkId,
    participantId: input.participantId,
    createdAt: input.at,
    answeredAt: null,
    answeredBy: null,
  };
}

/** Answer a person's open requests: a new link was made for them. */
export function* answerLinkRequests(
  participantId: string,
  answeredBy: string | null,
  at: string,
): Action<void> {
  yield* changes(sql`UPDATE link_requests SET answered_at = ${at}, answered_by = ${answeredBy}
    WHERE participant_id = ${participantId} AND answered_at IS NULL`);
}

export function* openLinkRequests(networkIds: readonly string[]): Action<LinkRequestRecord[]> {
  if (networkIds.length === 0) return [];
  const found = yield* rows<LinkRequestRow>(sql`SELECT ${REQUEST_COLUMNS} FROM link_requests
    WHERE network_id ${inList(networkIds)} AND answered_at IS NULL ORDER BY created_at, id`);
  return found.map(linkRequest);
}
