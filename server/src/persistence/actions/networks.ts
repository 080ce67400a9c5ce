/** Networks, the people in them, their meetings and who attended which: the actions, once for both databases. */
import type { MeetingRecord, NetworkRecord, NetworkStore, ParticipantRecord } from '../metadata/types.js';
import { insertInvitation } from './access.js';
import { insertActivity } from './activity.js';
import {
  bytes,
  type MeetingRow,
  meeting,
  type NetworkRow,
  network,
  type ParticipantRow,
  participant,
} from './rows.js';
import { type Action, changes, forUpdate, insertionOrder, row, rows, sql } from './sql.js';

type Input<K extends keyof NetworkStore> = Parameters<NetworkStore[K]>[0];

/** A network's columns. */
export const NETWORK_COLUMNS = sql`id, centre_name, created_at, team_id`;

const MEETING_COLUMNS = sql`id, network_id, number, title, created_at, closed_at`;

export function* insertNetwork(record: NetworkRecord): Action<void> {
  yield* changes(sql`INSERT INTO networks (id, centre_name, created_at, team_id)
    VALUES (${record.id}, ${record.centreName}, ${record.createdAt}, ${record.teamId ?? null})`);
}

export function* insertParticipant(record: ParticipantRecord): Action<void> {
  yield* changes(sql`INSERT INTO participants (id, network_id, name, relation, role, created_at, staff_id)
    VALUES (${record.id}, ${record.networkId}, ${record.name}, ${record.relation}, ${record.role},
      ${record.createdAt}, ${record.staffId ?? null})`);
}

/** The network's next meeting, numbered inside the one write, so two writers never share a number. */
export function* insertMeeting(input: {
  id: string;
  networkId: string;
  title: string;
  at: string;
}): Action<MeetingRecord> {
  const created = yield* row<MeetingRow>(sql`INSERT INTO meetings (id, network_id, number, title, created_at)
    VALUES (${input.id}, ${input.networkId},
      (SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE network_id = ${input.networkId}),
      ${input.title}, ${input.at})
    RETURNING ${MEETING_COLUMNS}`);
  return meeting(created as MeetingRow);
}

/**
 * A network, its first meeting, everyone in it with a personal link, and the log entries (network
 * started, meeting started, each other person invited by the first).
 */
export function* startNetwork(input: Input<'startNetwork'>): Action<MeetingRecord> {
  const { network: record } = input;
  const networkId = record.id;
  const at = record.createdAt;
  yield* insertNetwork(record);
  const first = yield* insertMeeting({ id: input.meeting.id, networkId, title: input.meeting.title, at });
  for (const { participant: person, link } of input.people) {
    yield* insertParticipant(person);
    yield* insertInvitation(link);
  }
  const starter = input.people[0]?.participant.id ?? null;
  yield* insertActivity({ networkId, kind: 'network_started', actorId: starter, at });
  yield* insertActivity({ networkId, kind: 'meeting_started', actorId: starter, meetingId: first.id, at });
  for (const { participant: person } of input.people.slice(1)) {
    yield* insertActivity({ networkId, kind: 'invited', actorId: starter, subjectId: person.id, at });
  }
  return first;
}

export function* findNetwork(id: string): Action<NetworkRecord | undefined> {
  const found = yield* row<NetworkRow>(sql`SELECT ${NETWORK_COLUMNS} FROM networks WHERE id = ${id}`);
  return found && network(found);
}

export function* listNetworks(): Action<NetworkRecord[]> {
  const found = yield* rows<NetworkRow>(
    sql`SELECT ${NETWORK_COLUMNS} FROM networks ORDER BY created_at DESC`,
  );
  return found.map(network);
}

export const PARTICIPANT_COLUMNS = sql`id, network_id, name, relation, role, created_at, last_seen_at, staff_id`;

export function* findParticipant(id: string): Action<ParticipantRecord | undefined> {
  const found = yield* row<ParticipantRow>(
    sql`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = ${id}`,
  );
  return found && participant(found);
}

export function* listParticipants(networkId: string): Action<ParticipantRecord[]> {
  const found = yield* rows<ParticipantRow>(sql`SELECT ${PARTICIPANT_COLUMNS} FROM participants
    WHERE network_id = ${networkId} ORDER BY created_at, ${insertionOrder()}`);
  return found.map(participant);
}

export function* touch(participantId: string, at: string): Action<void> {
  yield* changes(sql`UPDATE participants SET last_seen_at = ${at} WHERE id = ${participantId}`);
}

/** The network's next meeting with its log entry. */
export function* startMeeting(input: Input<'startMeeting'>): Action<MeetingRecord> {
  // Two instances may start a meeting of the same network at once: the network's row lock makes the
  // second wait, and its numbering statement then sees the first's meeting (read committed takes a new
  // snapshot per statement). Numbers stay 1, 2, 3 … without gaps or twins.
  const locked = yield* row(sql`SELECT id FROM networks WHERE id = ${input.networkId} ${forUpdate}`);
  if (!locked) throw new Error(`no network ${input.networkId}`);
  const created = yield* insertMeeting(input);
  yield* insertActivity({
    networkId: input.networkId,
    kind: 'meeting_started',
    actorId: input.actorId,
    meetingId: created.id,
    at: input.at,
  });
  return created;
}

export function* findMeeting(id: string): Action<MeetingRecord | undefined> {
  const found = yield* row<MeetingRow>(sql`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ${id}`);
  return found && meeting(found);
}

export function* listMeetings(networkId: string): Action<MeetingRecord[]> {
  const found = yield* rows<MeetingRow>(
    sql`SELECT ${MEETING_COLUMNS} FROM meetings WHERE network_id = ${networkId} ORDER BY number`,
  );
  return found.map(meeting);
}

/** Close a meeting with its frozen state and its log entry; false (nothing written) if it was closed. */
export function* closeMeeting(input: Input<'closeMeeting'>): Action<boolean> {
  const closed = yield* row<{ network_id: string }>(sql`UPDATE meetings
    SET closed_at = ${input.at}, agreed_state = ${input.agreedState}
    WHERE id = ${input.meetingId} AND closed_at IS NULL RETURNING network_id`);
  if (!closed) return false;
  yield* insertActivity({
    networkId: closed.network_id,
    kind: 'meeting_closed',
    actorId: input.actorId,
    meetingId: input.meetingId,
    at: input.at,
  });
  return true;
}

export function* agreedState(meetingId: string): Action<Uint8Array | null> {
  const found = yield* row<{ agreed_state: Uint8Array | null }>(
    sql`SELECT agreed_state FROM meetings WHERE id = ${meetingId}`,
  );
  return found?.agreed_state ? bytes(found.agreed_state) : null;
}

/** Record that someone took part in a meeting; true the first time. */
export function* recordAttendance(meetingId: string, participantId: string, at: string): Action<boolean> {
  const added =
    yield* changes(sql`INSERT INTO meeting_attendance (meeting_id, participant_id, first_joined_at)
    VALUES (${meetingId}, ${participantId}, ${at}) ON CONFLICT DO NOTHING`);
  return added === 1;
}

export function* attendees(meetingId: string): Action<{ id: string; name: string }[]> {
  return yield* rows<{ id: string; name: string }>(sql`SELECT p.id, p.name
    FROM meeting_attendance a JOIN participants p ON p.id = a.participant_id
    WHERE a.meeting_id = ${meetingId} ORDER BY a.first_joined_at, ${insertionOrder('p')}`);
}
