/** Networks, the people in them, and their meetings, in the embedded database. */
import type { Role } from '@polyphony/shared';
import { newId } from '../auth/tokens.js';
import type { SqliteDatabase } from './database.js';
import type { MeetingRecord, NetworkRecord, ParticipantRecord } from './metadata/types.js';

export type { MeetingRecord, NetworkRecord, ParticipantRecord } from './metadata/types.js';

interface ParticipantRow {
  id: string;
  network_id: string;
  name: string;
  relation: string;
  role: Role;
  created_at: string;
  last_seen_at: string | null;
}

interface MeetingRow {
  id: string;
  network_id: string;
  number: number;
  title: string;
  created_at: string;
  closed_at: string | null;
}

const participant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  networkId: row.network_id,
  name: row.name,
  relation: row.relation,
  role: row.role,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
});

const meeting = (row: MeetingRow): MeetingRecord => ({
  id: row.id,
  networkId: row.network_id,
  number: row.number,
  title: row.title,
  createdAt: row.created_at,
  closedAt: row.closed_at,
});

/**
 * Networks, participants, meetings and who attended which meeting: the prepared statements of the SQLite
 * metadata store (SqliteMetadataStore composes them into its transactions). Benches seed with it directly.
 */
export class NetworkRepository {
  private readonly sql;

  constructor(db: SqliteDatabase) {
    this.sql = {
      insertNetwork: db.prepare('INSERT INTO networks (id, centre_name, created_at) VALUES (?, ?, ?)'),
      network: db.prepare<[string], { id: string; centre_name: string; created_at: string }>(
        'SELECT * FROM networks WHERE id = ?',
      ),
      networks: db.prepare<[], { id: string; centre_name: string; created_at: string }>(
        'SELECT * FROM networks ORDER BY created_at DESC',
      ),
      insertParticipant: db.prepare(
        `INSERT INTO participants (id, network_id, name, relation, role, created_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL)`,
      ),
      participant: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
      participants: db.prepare<[string], ParticipantRow>(
        'SELECT * FROM participants WHERE network_id = ? ORDER BY created_at, rowid',
      ),
      touch: db.prepare('UPDATE participants SET last_seen_at = ? WHERE id = ?'),
      insertMeeting: db.prepare(
        `INSERT INTO meetings (id, network_id, number, title, created_at)
         VALUES (?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM meetings WHERE network_id = ?), ?, ?)`,
      ),
      meeting: db.prepare<[string], MeetingRow>(
        'SELECT id, network_id, number, title, created_at, closed_at FROM meetings WHERE id = ?',
      ),
      meetings: db.prepare<[string], MeetingRow>(
        `SELECT id, network_id, number, title, created_at, closed_at FROM meetings
         WHERE network_id = ? ORDER BY number`,
      ),
      close: db.prepare(
        'UPDATE meetings SET closed_at = ?, agreed_state = ? WHERE id = ? AND closed_at IS NULL',
      ),
      agreed: db.prepare<[string], { agreed_state: Buffer | null }>(
        'SELECT agreed_state FROM meetings WHERE id = ?',
      ),
      attend: db.prepare(
        `INSERT INTO meeting_attendance (meeting_id, participant_id, first_joined_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      attendees: db.prepare<[string], { id: string; name: string }>(
        `SELECT p.id, p.name FROM meeting_attendance a JOIN participants p ON p.id = a.participant_id
         WHERE a.meeting_id = ? ORDER BY a.first_joined_at, p.rowid`,
      ),
    };
  }

  createNetwork(centreName: string, at: string, id = newId()): NetworkRecord {
    const record = { id, centreName, createdAt: at };
    this.sql.insertNetwork.run(record.id, centreName, at);
    return record;
  }

  findNetwork(id: string): NetworkRecord | undefined {
    const row = this.sql.network.get(id);
    return row && { id: row.id, centreName: row.centre_name, createdAt: row.created_at };
  }

  listNetworks(): NetworkRecord[] {
    return this.sql.networks
      .all()
      .map((row) => ({ id: row.id, centreName: row.centre_name, createdAt: row.created_at }));
  }

  addParticipant(
    networkId: string,
    person: { name: string; relation: string; role: Role },
    at: string,
    id = newId(),
  ): ParticipantRecord {
    this.sql.insertParticipant.run(id, networkId, person.name, person.relation, person.role, at);
    return { id, networkId, ...person, createdAt: at, lastSeenAt: null };
  }

  findParticipant(id: string): ParticipantRecord | undefined {
    const row = this.sql.participant.get(id);
    return row && participant(row);
  }

  listParticipants(networkId: string): ParticipantRecord[] {
    return this.sql.participants.all(networkId).map(participant);
  }

  /** Write a participant's last-seen time. */
  touch(participantId: string, at: string): void {
    this.sql.touch.run(at, participantId);
  }

  /** The network's next meeting; numbered inside the one write, so two writers never share a number. */
  createMeeting(networkId: string, title: string, at: string, id = newId()): MeetingRecord {
    this.sql.insertMeeting.run(id, networkId, networkId, title, at);
    return this.findMeeting(id) as MeetingRecord;
  }

  findMeeting(id: string): MeetingRecord | undefined {
    const row = this.sql.meeting.get(id);
    return row && meeting(row);
  }

  /** The meetings of a network, first to last. */
  listMeetings(networkId: string): MeetingRecord[] {
    return this.sql.meetings.all(networkId).map(meeting);
  }

  /** Close a meeting with its frozen "as agreed" state; false if it was already closed. */
  closeMeeting(id: string, at: string, agreedState: Uint8Array): boolean {
    return this.sql.close.run(at, agreedState, id).changes === 1;
  }

  /** The frozen "as agreed in the meeting" state of a closed meeting. */
  agreedState(id: string): Uint8Array | null {
    const row = this.sql.agreed.get(id);
    return row?.agreed_state ? new Uint8Array(row.agreed_state) : null;
  }

  /** Record that someone took part in a meeting; true the first time. */
  recordAttendance(meetingId: string, participantId: string, at: string): boolean {
    return this.sql.attend.run(meetingId, participantId, at).changes === 1;
  }

  attendees(meetingId: string): { id: string; name: string }[] {
    return this.sql.attendees.all(meetingId);
  }
}
