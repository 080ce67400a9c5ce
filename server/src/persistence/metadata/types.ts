/**
 * Everything about networks that is not a meeting document: networks, people, meetings, personal links,
 * sessions, the activity log, versions and last-seen points. SQLite keeps it in the one file by default;
 * PostgreSQL keeps it beside the documents when several instances share one source of truth. Both pass
 * one contract suite (contract.ts).
 *
 * Every method commits before its promise resolves. An action that writes several rows (starting a
 * network, inviting, revoking, starting or closing a meeting) is one method and one transaction: a
 * crash or a failed row leaves nothing of it behind. Ids and secrets are made by the caller; the store
 * is given the hash of a secret, never the secret.
 */

import type {
  ActivityEntry,
  ActivityKind,
  LinkState,
  Role,
  VersionKind,
  VersionRestoring,
  VersionSummary,
} from '@polyphony/shared';
import type { AdmissionStore } from './admission.js';
import type { ProtectionStore } from './protection.js';
import type { TeamStore } from './teams.js';

/** A stored network. */
export interface NetworkRecord {
  id: string;
  centreName: string;
  createdAt: string;
  /** The team it belongs to (metadata/teams.ts); absent for a network started without one. */
  teamId?: string;
}

/** A stored participant. */
export interface ParticipantRecord {
  id: string;
  networkId: string;
  name: string;
  relation: string;
  role: Role;
  createdAt: string;
  lastSeenAt: string | null;
  /** The staff member this professional is, when they came from the team. */
  staffId?: string;
}

/** A stored meeting. */
export interface MeetingRecord {
  id: string;
  networkId: string;
  /** 1, 2, 3 … within the network, without gaps. */
  number: number;
  title: string;
  createdAt: string;
  closedAt: string | null;
}

/** A stored invitation (a personal link; its token is not stored). */
export interface InvitationRecord {
  id: string;
  networkId: string;
  participantId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** A new personal link: the record and the hash of its token. */
export interface NewLink {
  record: InvitationRecord;
  tokenHash: string;
}

/** A session's membership of one network. */
export interface Membership {
  networkId: string;
  participantId: string;
  /** The personal link the access comes from (revoking it ends it); none for a staff member. */
  invitation?: InvitationRecord;
  /** The staff member whose team membership the access comes from (leaving the team ends it). */
  staffId?: string;
}

/** An entry to write to the activity log. */
export interface ActivityInput {
  networkId: string;
  kind: ActivityKind;
  actorId?: string | null;
  subjectId?: string | null;
  meetingId?: string | null;
  /** The version the entry is about ('version_restored'). */
  versionId?: number | null;
  at: string;
}

/** A stored version with its snapshot. */
export interface StoredVersion extends VersionSummary {
  meetingId: string;
  /** Y.encodeSnapshot: the state vector and delete set at that moment (the content is in the document). */
  snapshot: Uint8Array;
}

/** A person's last-seen point in a meeting. */
export interface LastSeen {
  stateVector: Uint8Array;
  seenAt: string;
}

/** The state of an invitation at a moment. */
export function linkState(record: InvitationRecord, now: Date): LinkState {
  if (record.revokedAt) return 'revoked';
  if (Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** Networks, their people and their meetings. */
export interface NetworkStore {
  /**
   * A network, its first meeting (number 1), everyone in it with a personal link, and the log entries
   * (network started, meeting started, each other person invited by the first): all or nothing. The
   * first person is the one starting it.
   */
  startNetwork(input: {
    network: NetworkRecord;
    meeting: { id: string; title: string };
    people: { participant: ParticipantRecord; link: NewLink }[];
  }): Promise<MeetingRecord>;
  findNetwork(id: string): Promise<NetworkRecord | undefined>;
  /** Every network, newest first (the operator command). */
  listNetworks(): Promise<NetworkRecord[]>;
  findParticipant(id: string): Promise<ParticipantRecord | undefined>;
  /** The people of a network, in the order they were added. */
  listParticipants(networkId: string): Promise<ParticipantRecord[]>;
  /** Write a participant's last-seen time. */
  touch(participantId: string, at: string): Promise<void>;
  /**
   * The network's next meeting, numbered one after the last even when several instances start one at
   * the same moment, with its log entry.
   */
  startMeeting(input: {
    id: string;
    networkId: string;
    title: string;
    at: string;
    actorId: string;
  }): Promise<MeetingRecord>;
  findMeeting(id: string): Promise<MeetingRecord | undefined>;
  /** The meetings of a network, first to last. */
  listMeetings(networkId: string): Promise<MeetingRecord[]>;
  /**
   * Close a meeting with its frozen "as agreed" state and its log entry; false (and nothing written) when
   * it was already closed.
   */
  closeMeeting(input: {
    meetingId: string;
    at: string;
    agreedState: Uint8Array;
    actorId: string;
  }): Promise<boolean>;
  /** The frozen "as agreed in the meeting" state of a closed meeting. */
  agreedState(meetingId: string): Promise<Uint8Array | null>;
  /** Record that someone took part in a meeting; true the first time. */
  recordAttendance(meetingId: string, participantId: string, at: string): Promise<boolean>;
  /** Who took part in a meeting, in the order they first joined. */
  attendees(meetingId: string): Promise<{ id: string; name: string }[]>;
}

/** Personal links and browser sessions. */
export interface AccessStore {
  /** A new person with their personal link, and the log entry: all or nothing. */
  invite(input: { participant: ParticipantRecord; link: NewLink; actorId: string | null }): Promise<void>;
  /** Revoke every live link of a person and log it; returns the ids of the links revoked. */
  revoke(input: {
    networkId: string;
    participantId: string;
    actorId: string | null;
    at: string;
  }): Promise<string[]>;
  /** Revoke a person's live links, give them a new one and log it; returns the ids of the links revoked. */
  reissue(input: { networkId: string; link: NewLink; actorId: string | null }): Promise<string[]>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  findInvitation(id: string): Promise<InvitationRecord | undefined>;
  /** The most recent invitation of a participant: the one their link state is read from. */
  latestInvitation(participantId: string): Promise<InvitationRecord | undefined>;
  /** latestInvitation of everyone in a network at once, by participant id (one query). */
  latestInvitations(networkId: string): Promise<Map<string, InvitationRecord>>;
  /** Invitations revoked or expired in (from, to]: their sessions must end. */
  endedBetween(from: Date, to: Date): Promise<string[]>;
  /** Start a browser session, known by the hash of its cookie's token. */
  createSession(tokenHash: string, at: string): Promise<void>;
  sessionExists(tokenHash: string): Promise<boolean>;
  /** Make the session act as the invitation's person in its network (replacing anyone before). */
  join(sessionHash: string, invitation: InvitationRecord): Promise<void>;
  /** The session's memberships whose links are active at `now`. */
  memberships(sessionHash: string, now: Date): Promise<Membership[]>;
  /** The session's membership of one network, if its link is active at `now`. */
  membership(sessionHash: string, networkId: string, now: Date): Promise<Membership | undefined>;
}

/** The activity log of each network: ids and kinds only, never document text. */
export interface ActivityStore {
  recordActivity(entry: ActivityInput): Promise<void>;
  /** The newest entries first. */
  listActivity(networkId: string, limit?: number): Promise<ActivityEntry[]>;
}

/** Versions of meeting documents and each person's last-seen point. */
export interface HistoryStore {
  /** Store a version; returns its id. */
  addVersion(input: {
    meetingId: string;
    kind: VersionKind;
    writers: VersionSummary['writers'];
    snapshot: Uint8Array;
    at: string;
    /** On the versions taken just before and after going back to a version. */
    restoring?: VersionRestoring;
  }): Promise<number>;
  /** A meeting's versions, oldest first, without their snapshots. */
  listVersions(meetingId: string): Promise<VersionSummary[]>;
  findVersion(id: number): Promise<StoredVersion | undefined>;
  /** Replace a person's last-seen point in a meeting. */
  setLastSeen(participantId: string, meetingId: string, seen: LastSeen): Promise<void>;
  lastSeen(participantId: string, meetingId: string): Promise<LastSeen | undefined>;
}

/** Where everything but the meeting documents is kept. */
export interface MetadataStore
  extends NetworkStore,
    AccessStore,
    ActivityStore,
    HistoryStore,
    ProtectionStore,
    AdmissionStore,
    TeamStore {
  /** 'sqlite' or 'postgres', as the health route reports it. */
  readonly name: string;
  /** Release the connection; pending commits finish first. */
  close(): Promise<void>;
}
