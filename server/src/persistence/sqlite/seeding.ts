/**
 * Synchronous writes straight into a SQLite file, for the benchmarks' seeding (tests/bench): the store's
 * own actions, run at once in whatever transaction the caller has open, without the store's durable
 * commit. The server itself writes through SqliteMetadataStore.
 */
import type { Role, VersionKind, VersionRestoring, VersionSummary } from '@polyphony/shared';
import { newId } from '../../auth/tokens.js';
import { createSession, insertInvitation, join } from '../actions/access.js';
import { addVersion } from '../actions/history.js';
import { insertMeeting, insertNetwork, insertParticipant } from '../actions/networks.js';
import type {
  InvitationRecord,
  MeetingRecord,
  NetworkRecord,
  NewLink,
  ParticipantRecord,
} from '../metadata/types.js';
import type { SqliteDatabase } from './database.js';
import { SqliteActions } from './SqliteActions.js';

/** Networks, people and meetings. */
export class NetworkRepository {
  private readonly run: SqliteActions;

  constructor(db: SqliteDatabase) {
    this.run = new SqliteActions(db);
  }

  createNetwork(centreName: string, at: string, id = newId()): NetworkRecord {
    const record = { id, centreName, createdAt: at };
    this.run.now(insertNetwork(record));
    return record;
  }

  addParticipant(
    networkId: string,
    person: { name: string; relation: string; role: Role },
    at: string,
    id = newId(),
  ): ParticipantRecord {
    const record = { id, networkId, ...person, createdAt: at, lastSeenAt: null };
    this.run.now(insertParticipant(record));
    return record;
  }

  /** The network's next meeting. */
  createMeeting(networkId: string, title: string, at: string, id = newId()): MeetingRecord {
    return this.run.now(insertMeeting({ id, networkId, title, at }));
  }
}

/** Personal links and sessions. */
export class AccessRepository {
  private readonly run: SqliteActions;

  constructor(db: SqliteDatabase) {
    this.run = new SqliteActions(db);
  }

  insertInvitation(link: NewLink): void {
    this.run.now(insertInvitation(link));
  }

  insertSession(tokenHash: string, at: string): void {
    this.run.now(createSession(tokenHash, at));
  }

  addMember(sessionHash: string, record: InvitationRecord): void {
    this.run.now(join(sessionHash, record));
  }
}

/** Versions of meetings. */
export class VersionRepository {
  private readonly run: SqliteActions;

  constructor(db: SqliteDatabase) {
    this.run = new SqliteActions(db);
  }

  add(
    meetingId: string,
    kind: VersionKind,
    writers: VersionSummary['writers'],
    snapshot: Uint8Array,
    at: string,
    restoring?: VersionRestoring,
  ): number {
    return this.run.now(
      addVersion({ meetingId, kind, writers, snapshot, at, ...(restoring ? { restoring } : {}) }),
    );
  }
}
