/**
 * The metadata store in the embedded SQLite file, beside the documents. The prepared statements are the
 * repositories'; this class makes each action one transaction. better-sqlite3 is synchronous, so nothing
 * can interleave inside a transaction; reads settle at once, and writes once the commit is on disk, synced
 * off the event loop (walSync.ts) so that a person joining does not stall every meeting's keystrokes.
 */
import type { ActivityEntry, ErasedWords, VersionSummary } from '@polyphony/shared';
import { LastSeenRepository, VersionRepository } from '../../history/repositories.js';
import { AccessRepository } from '../access.js';
import { ActivityRepository } from '../activity.js';
import { type SqliteDatabase, writeTransaction } from '../database.js';
import { NetworkRepository } from '../networks.js';
import { type WalSync, walSyncOf } from '../walSync.js';
import type {
  ErasureCounts,
  ErasureInput,
  ErasureRecord,
  ErasureTarget,
  SessionRecord,
} from './protection.js';
import { SqliteProtection } from './SqliteProtection.js';
import type {
  ActivityInput,
  InvitationRecord,
  LastSeen,
  MeetingRecord,
  Membership,
  MetadataStore,
  NetworkRecord,
  NewLink,
  ParticipantRecord,
  StoredVersion,
} from './types.js';

/** MetadataStore on the SQLite file (better-sqlite3). */
export class SqliteMetadataStore implements MetadataStore {
  readonly name = 'sqlite';
  private readonly networks: NetworkRepository;
  private readonly access: AccessRepository;
  private readonly activity: ActivityRepository;
  private readonly versions: VersionRepository;
  private readonly seen: LastSeenRepository;
  private readonly wal: WalSync;
  /** Sessions, erasure and retention (SqliteProtection.ts), in this store's transactions. */
  private readonly protection: SqliteProtection;

  /** `db` is shared with the SQLite document store; whoever opened it closes it. */
  constructor(private readonly db: SqliteDatabase) {
    this.networks = new NetworkRepository(db);
    this.access = new AccessRepository(db);
    this.activity = new ActivityRepository(db);
    this.versions = new VersionRepository(db);
    this.seen = new LastSeenRepository(db);
    this.wal = walSyncOf(db);
    this.protection = new SqliteProtection(db, (work) => this.transaction(work));
  }

  /** Run `work` as one transaction and settle with its result or its error once it is durable. */
  private transaction<T>(work: () => T): Promise<T> {
    return this.wal.durably(writeTransaction(this.db, work));
  }

  async startNetwork(input: {
    network: NetworkRecord;
    meeting: { id: string; title: string };
    people: { participant: ParticipantRecord; link: NewLink }[];
  }): Promise<MeetingRecord> {
    const { network } = input;
    const at = network.createdAt;
    return this.transaction(() => {
      this.networks.createNetwork(network.centreName, at, network.id);
      const meeting = this.networks.createMeeting(network.id, input.meeting.title, at, input.meeting.id);
      for (const { participant, link } of input.people) {
        this.networks.addParticipant(network.id, participant, participant.createdAt, participant.id);
        this.access.insertInvitation(link);
      }
      const starter = input.people[0]?.participant.id ?? null;
      this.activity.record({ networkId: network.id, kind: 'network_started', actorId: starter, at });
      this.activity.record({
        networkId: network.id,
        kind: 'meeting_started',
        actorId: starter,
        meetingId: meeting.id,
        at,
      });
      for (const { participant } of input.people.slice(1)) {
        this.activity.record({
          networkId: network.id,
          kind: 'invited',
          actorId: starter,
          subjectId: participant.id,
          at,
        });
      }
      return meeting;
    });
  }

  async findNetwork(id: string): Promise<NetworkRecord | undefined> {
    return this.networks.findNetwork(id);
  }

  async listNetworks(): Promise<NetworkRecord[]> {
    return this.networks.listNetworks();
  }

  async findParticipant(id: string): Promise<ParticipantRecord | undefined> {
    return this.networks.findParticipant(id);
  }

  async listParticipants(networkId: string): Promise<ParticipantRecord[]> {
    return this.networks.listParticipants(networkId);
  }

  async touch(participantId: string, at: string): Promise<void> {
    await this.transaction(() => this.networks.touch(participantId, at));
  }

  async startMeeting(input: {
    id: string;
    networkId: string;
    title: string;
    at: string;
    actorId: string;
  }): Promise<MeetingRecord> {
    return this.transaction(() => {
      const meeting = this.networks.createMeeting(input.networkId, input.title, input.at, input.id);
      this.activity.record({
        networkId: input.networkId,
        kind: 'meeting_started',
        actorId: input.actorId,
        meetingId: meeting.id,
        at: input.at,
      });
      return meeting;
    });
  }

  async findMeeting(id: string): Promise<MeetingRecord | undefined> {
    return this.networks.findMeeting(id);
  }

  async listMeetings(networkId: string): Promise<MeetingRecord[]> {
    return this.networks.listMeetings(networkId);
  }

  async closeMeeting(input: {
    meetingId: string;
    at: string;
    agreedState: Uint8Array;
    actorId: string;
  }): Promise<boolean> {
    return this.transaction(() => {
      const meeting = this.networks.findMeeting(input.meetingId);
      if (!meeting || !this.networks.closeMeeting(input.meetingId, input.at, input.agreedState)) return false;
      this.activity.record({
        networkId: meeting.networkId,
        kind: 'meeting_closed',
        actorId: input.actorId,
        meetingId: meeting.id,
        at: input.at,
      });
      return true;
    });
  }

  async agreedState(meetingId: string): Promise<Uint8Array | null> {
    return this.networks.agreedState(meetingId);
  }

  async recordAttendance(meetingId: string, participantId: string, at: string): Promise<boolean> {
    return this.transaction(() => this.networks.recordAttendance(meetingId, participantId, at));
  }

  async attendees(meetingId: string): Promise<{ id: string; name: string }[]> {
    return this.networks.attendees(meetingId);
  }

  async invite(input: {
    participant: ParticipantRecord;
    link: NewLink;
    actorId: string | null;
  }): Promise<void> {
    const { participant } = input;
    await this.transaction(() => {
      this.networks.addParticipant(participant.networkId, participant, participant.createdAt, participant.id);
      this.access.insertInvitation(input.link);
      this.activity.record({
        networkId: participant.networkId,
        kind: 'invited',
        actorId: input.actorId,
        subjectId: participant.id,
        at: participant.createdAt,
      });
    });
  }

  async revoke(input: {
    networkId: string;
    participantId: string;
    actorId: string | null;
    at: string;
  }): Promise<string[]> {
    return this.transaction(() => {
      const revoked = this.access.revokeParticipant(input.participantId, input.at);
      this.activity.record({
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
    return this.transaction(() => {
      const revoked = this.access.revokeParticipant(record.participantId, record.createdAt);
      this.access.insertInvitation(input.link);
      this.activity.record({
        networkId: input.networkId,
        kind: 'link_reissued',
        actorId: input.actorId,
        subjectId: record.participantId,
        at: record.createdAt,
      });
      return revoked;
    });
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.access.findInvitationByTokenHash(tokenHash);
  }

  async findInvitation(id: string): Promise<InvitationRecord | undefined> {
    return this.access.findInvitation(id);
  }

  async latestInvitation(participantId: string): Promise<InvitationRecord | undefined> {
    return this.access.latestInvitation(participantId);
  }

  async latestInvitations(networkId: string): Promise<Map<string, InvitationRecord>> {
    return this.access.latestInvitations(networkId);
  }

  async endedBetween(from: Date, to: Date): Promise<string[]> {
    return this.access.endedBetween(from, to);
  }

  async createSession(tokenHash: string, at: string): Promise<void> {
    await this.transaction(() => this.access.insertSession(tokenHash, at));
  }

  async sessionExists(tokenHash: string): Promise<boolean> {
    return this.access.sessionExists(tokenHash);
  }

  async join(sessionHash: string, invitation: InvitationRecord): Promise<void> {
    await this.transaction(() => this.access.addMember(sessionHash, invitation));
  }

  async memberships(sessionHash: string, now: Date): Promise<Membership[]> {
    return this.access.memberships(sessionHash, now);
  }

  async membership(sessionHash: string, networkId: string, now: Date): Promise<Membership | undefined> {
    return this.access.membership(sessionHash, networkId, now);
  }

  async recordActivity(entry: ActivityInput): Promise<void> {
    await this.transaction(() => this.activity.record(entry));
  }

  async listActivity(networkId: string, limit?: number): Promise<ActivityEntry[]> {
    return this.activity.list(networkId, limit);
  }

  async addVersion(input: {
    meetingId: string;
    kind: VersionSummary['kind'];
    writers: VersionSummary['writers'];
    snapshot: Uint8Array;
    at: string;
    restoring?: VersionSummary['restoring'];
  }): Promise<number> {
    return this.transaction(() =>
      this.versions.add(
        input.meetingId,
        input.kind,
        input.writers,
        input.snapshot,
        input.at,
        input.restoring,
      ),
    );
  }

  async listVersions(meetingId: string): Promise<VersionSummary[]> {
    return this.versions.list(meetingId);
  }

  async findVersion(id: number): Promise<StoredVersion | undefined> {
    return this.versions.get(id);
  }

  async setLastSeen(participantId: string, meetingId: string, seen: LastSeen): Promise<void> {
    await this.transaction(() => this.seen.set(participantId, meetingId, seen.stateVector, seen.seenAt));
  }

  async lastSeen(participantId: string, meetingId: string): Promise<LastSeen | undefined> {
    return this.seen.get(participantId, meetingId);
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
    // The database belongs to whoever opened it (it also holds the documents).
  }
}
