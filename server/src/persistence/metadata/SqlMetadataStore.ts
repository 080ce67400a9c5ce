/**
 * The metadata store, once for both databases: each method is one action (actions/), run by the
 * database's runner — read, or written in one transaction that has committed (and, on SQLite, is synced)
 * when the promise resolves. SqliteMetadataStore and PostgresMetadataStore only say which runner.
 */
import type { ActivityEntry, ErasedWords, VersionSummary } from '@polyphony/shared';
import * as access from '../actions/access.js';
import * as activity from '../actions/activity.js';
import * as admission from '../actions/admission.js';
import * as erasure from '../actions/erasure.js';
import * as history from '../actions/history.js';
import * as networks from '../actions/networks.js';
import * as retention from '../actions/retention.js';
import * as sessions from '../actions/sessions.js';
import type { ActionRunner } from '../actions/sql.js';
import * as teams from '../actions/teams.js';
import type { AdmissionCodeRecord, AdmissionStore, JoinRequestRecord } from './admission.js';
import type {
  ErasureCounts,
  ErasureInput,
  ErasureRecord,
  ErasureTarget,
  SessionRecord,
  SessionStore,
} from './protection.js';
import type {
  LeftTeam,
  LinkRequestRecord,
  StaffLinkRecord,
  StaffRecord,
  TeamMemberRecord,
  TeamRecord,
  TeamStore,
} from './teams.js';
import type {
  ActivityInput,
  HistoryStore,
  InvitationRecord,
  LastSeen,
  MeetingRecord,
  Membership,
  MetadataStore,
  NetworkRecord,
  NetworkStore,
  NewLink,
  ParticipantRecord,
  StoredVersion,
} from './types.js';

/** MetadataStore on a database, through its runner. */
export abstract class SqlMetadataStore implements MetadataStore {
  abstract readonly name: string;

  constructor(private readonly db: ActionRunner) {}

  abstract close(): Promise<void>;

  startNetwork(input: Parameters<NetworkStore['startNetwork']>[0]): Promise<MeetingRecord> {
    return this.db.write(networks.startNetwork(input));
  }

  findNetwork(id: string): Promise<NetworkRecord | undefined> {
    return this.db.read(networks.findNetwork(id));
  }

  listNetworks(): Promise<NetworkRecord[]> {
    return this.db.read(networks.listNetworks());
  }

  findParticipant(id: string): Promise<ParticipantRecord | undefined> {
    return this.db.read(networks.findParticipant(id));
  }

  listParticipants(networkId: string): Promise<ParticipantRecord[]> {
    return this.db.read(networks.listParticipants(networkId));
  }

  async touch(participantId: string, at: string): Promise<void> {
    await this.db.write(networks.touch(participantId, at));
  }

  startMeeting(input: Parameters<NetworkStore['startMeeting']>[0]): Promise<MeetingRecord> {
    return this.db.write(networks.startMeeting(input));
  }

  findMeeting(id: string): Promise<MeetingRecord | undefined> {
    return this.db.read(networks.findMeeting(id));
  }

  listMeetings(networkId: string): Promise<MeetingRecord[]> {
    return this.db.read(networks.listMeetings(networkId));
  }

  closeMeeting(input: Parameters<NetworkStore['closeMeeting']>[0]): Promise<boolean> {
    return this.db.write(networks.closeMeeting(input));
  }

  agreedState(meetingId: string): Promise<Uint8Array | null> {
    return this.db.read(networks.agreedState(meetingId));
  }

  recordAttendance(meetingId: string, participantId: string, at: string): Promise<boolean> {
    return this.db.write(networks.recordAttendance(meetingId, participantId, at));
  }

  attendees(meetingId: string): Promise<{ id: string; name: string }[]> {
    return this.db.read(networks.attendees(meetingId));
  }

  openAdmission(input: Parameters<AdmissionStore['openAdmission']>[0]): Promise<void> {
    return this.db.write(admission.openAdmission(input));
  }

  closeAdmission(input: Parameters<AdmissionStore['closeAdmission']>[0]): Promise<boolean> {
    return this.db.write(admission.closeAdmission(input));
  }

  openAdmissionCode(meetingId: string): Promise<AdmissionCodeRecord | undefined> {
    return this.db.read(admission.openAdmissionCode(meetingId));
  }

  findAdmissionCode(code: string): Promise<AdmissionCodeRecord | undefined> {
    return this.db.read(admission.findAdmissionCode(code));
  }

  askToJoin(input: Parameters<AdmissionStore['askToJoin']>[0]): Promise<boolean> {
    return this.db.write(admission.askToJoin(input));
  }

  findJoinRequest(id: string): Promise<JoinRequestRecord | undefined> {
    return this.db.read(admission.findJoinRequest(id));
  }

  findJoinRequestByTokenHash(tokenHash: string): Promise<JoinRequestRecord | undefined> {
    return this.db.read(admission.findJoinRequestByTokenHash(tokenHash));
  }

  waitingRequests(meetingId: string): Promise<JoinRequestRecord[]> {
    return this.db.read(admission.waitingRequests(meetingId));
  }

  admit(input: Parameters<AdmissionStore['admit']>[0]): Promise<boolean> {
    return this.db.write(admission.admit(input));
  }

  refuse(input: Parameters<AdmissionStore['refuse']>[0]): Promise<boolean> {
    return this.db.write(admission.refuse(input));
  }

  admittedBy(networkId: string): Promise<Map<string, string>> {
    return this.db.read(admission.admittedBy(networkId));
  }

  invite(input: { participant: ParticipantRecord; link: NewLink; actorId: string | null }): Promise<void> {
    return this.db.write(access.invite(input));
  }

  revoke(input: { networkId: string; participantId: string; actorId: string | null; at: string }) {
    return this.db.write(access.revoke(input));
  }

  reissue(input: { networkId: string; link: NewLink; actorId: string | null }): Promise<string[]> {
    return this.db.write(access.reissue(input));
  }

  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.db.read(access.findInvitationByTokenHash(tokenHash));
  }

  findInvitation(id: string): Promise<InvitationRecord | undefined> {
    return this.db.read(access.findInvitation(id));
  }

  latestInvitation(participantId: string): Promise<InvitationRecord | undefined> {
    return this.db.read(access.latestInvitation(participantId));
  }

  latestInvitations(networkId: string): Promise<Map<string, InvitationRecord>> {
    return this.db.read(access.latestInvitations(networkId));
  }

  endedBetween(from: Date, to: Date): Promise<string[]> {
    return this.db.read(access.endedBetween(from, to));
  }

  createSession(tokenHash: string, at: string): Promise<void> {
    return this.db.write(access.createSession(tokenHash, at));
  }

  sessionExists(tokenHash: string): Promise<boolean> {
    return this.db.read(access.sessionExists(tokenHash));
  }

  join(sessionHash: string, invitation: InvitationRecord): Promise<void> {
    return this.db.write(access.join(sessionHash, invitation));
  }

  memberships(sessionHash: string, now: Date): Promise<Membership[]> {
    return this.db.read(access.memberships(sessionHash, now));
  }

  membership(sessionHash: string, networkId: string, now: Date): Promise<Membership | undefined> {
    return this.db.read(access.membership(sessionHash, networkId, now));
  }

  recordActivity(entry: ActivityInput): Promise<void> {
    return this.db.write(activity.insertActivity(entry));
  }

  listActivity(networkId: string, limit?: number): Promise<ActivityEntry[]> {
    return this.db.read(activity.listActivity(networkId, limit));
  }

  addVersion(input: Parameters<HistoryStore['addVersion']>[0]): Promise<number> {
    return this.db.write(history.addVersion(input));
  }

  listVersions(meetingId: string): Promise<VersionSummary[]> {
    return this.db.read(history.listVersions(meetingId));
  }

  findVersion(id: number): Promise<StoredVersion | undefined> {
    return this.db.read(history.findVersion(id));
  }

  setLastSeen(participantId: string, meetingId: string, seen: LastSeen): Promise<void> {
    return this.db.write(history.setLastSeen(participantId, meetingId, seen));
  }

  lastSeen(participantId: string, meetingId: string): Promise<LastSeen | undefined> {
    return this.db.read(history.lastSeen(participantId, meetingId));
  }

  findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.db.read(sessions.findSession(tokenHash));
  }

  findSessions(tokenHashes: readonly string[]): Promise<SessionRecord[]> {
    return this.db.read(sessions.findSessions(tokenHashes));
  }

  touchSession(tokenHash: string, at: string): Promise<void> {
    return this.db.write(sessions.touchSession(tokenHash, at));
  }

  endSession(tokenHash: string): Promise<void> {
    return this.db.write(sessions.endSession(tokenHash));
  }

  renewSession(input: Parameters<SessionStore['renewSession']>[0]): Promise<void> {
    return this.db.write(sessions.renewSession(input));
  }

  sessionInvitation(sessionHash: string, networkId: string): Promise<InvitationRecord | undefined> {
    return this.db.read(sessions.sessionInvitation(sessionHash, networkId));
  }

  purgeSessions(createdBefore: Date, activeBefore: Date): Promise<number> {
    return this.db.write(sessions.purgeSessions(createdBefore, activeBefore));
  }

  erasureCounts(target: ErasureTarget): Promise<ErasureCounts> {
    return this.db.read(erasure.erasureCounts(target));
  }

  whereHeld(text: string): Promise<string[]> {
    return this.db.read(erasure.whereHeld(text));
  }

  eraseNetwork(networkId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.db.write(erasure.eraseNetwork(networkId, input));
  }

  eraseMeeting(meetingId: string, input: ErasureInput): Promise<ErasureRecord | undefined> {
    return this.db.write(erasure.eraseMeeting(meetingId, input));
  }

  erasePerson(
    participantId: string,
    input: ErasureInput & { words: ErasedWords },
  ): Promise<ErasureRecord | undefined> {
    return this.db.write(erasure.erasePerson(participantId, input));
  }

  replaceAgreedState(meetingId: string, agreedState: Uint8Array): Promise<void> {
    return this.db.write(erasure.replaceAgreedState(meetingId, agreedState));
  }

  finishErasure(id: number, at: string, rewritten: readonly string[]): Promise<void> {
    return this.db.write(erasure.finishErasure(id, at, rewritten));
  }

  erasuresAfter(id: number): Promise<ErasureRecord[]> {
    return this.db.read(erasure.erasuresAfter(id));
  }

  unfinishedErasures(): Promise<ErasureRecord[]> {
    return this.db.read(erasure.unfinishedErasures());
  }

  listErasures(): Promise<ErasureRecord[]> {
    return this.db.read(erasure.listErasures());
  }

  documentRewrites(meetingIds: readonly string[]): Promise<Map<string, string>> {
    return this.db.read(erasure.documentRewrites(meetingIds));
  }

  lastActivity(networkId: string): Promise<string | undefined> {
    return this.db.read(retention.lastActivity(networkId));
  }

  invitationsOf(participantId: string): Promise<InvitationRecord[]> {
    return this.db.read(retention.invitationsOf(participantId));
  }

  inactiveNetworks(before: Date): Promise<{ network: NetworkRecord; lastActivityAt: string }[]> {
    return this.db.read(retention.inactiveNetworks(before));
  }

  createTeam(team: TeamRecord): Promise<void> {
    return this.db.write(teams.createTeam(team));
  }

  findTeam(id: string): Promise<TeamRecord | undefined> {
    return this.db.read(teams.findTeam(id));
  }

  listTeams(): Promise<TeamRecord[]> {
    return this.db.read(teams.listTeams());
  }

  setTeamEntry(teamId: string, entry: { domains: string[]; groups: string[] }): Promise<void> {
    return this.db.write(teams.setTeamEntry(teamId, entry));
  }

  createStaff(staff: StaffRecord): Promise<void> {
    return this.db.write(teams.createStaff(staff));
  }

  findStaff(id: string): Promise<StaffRecord | undefined> {
    return this.db.read(teams.findStaff(id));
  }

  findStaffByEmail(email: string): Promise<StaffRecord | undefined> {
    return this.db.read(teams.findStaffByEmail(email));
  }

  findStaffBySubject(issuer: string, subject: string): Promise<StaffRecord | undefined> {
    return this.db.read(teams.findStaffBySubject(issuer, subject));
  }

  bindStaffSubject(staffId: string, issuer: string, subject: string): Promise<void> {
    return this.db.write(teams.bindStaffSubject(staffId, issuer, subject));
  }

  joinTeam(input: Parameters<TeamStore['joinTeam']>[0]): Promise<void> {
    return this.db.write(teams.joinTeam(input));
  }

  leaveTeam(input: Parameters<TeamStore['leaveTeam']>[0]): Promise<LeftTeam | undefined> {
    return this.db.write(teams.leaveTeam(input));
  }

  departedBetween(from: Date, to: Date): Promise<{ networkId: string; participantId: string }[]> {
    return this.db.read(teams.departedBetween(from, to));
  }

  teamMembers(teamId: string): Promise<TeamMemberRecord[]> {
    return this.db.read(teams.teamMembers(teamId));
  }

  teamsOf(staffId: string): Promise<TeamMemberRecord[]> {
    return this.db.read(teams.teamsOf(staffId));
  }

  inviteToTeam(input: Parameters<TeamStore['inviteToTeam']>[0]): Promise<void> {
    return this.db.write(teams.inviteToTeam(input));
  }

  teamDepartures(staffId: string): Promise<string[]> {
    return this.db.read(teams.teamDepartures(staffId));
  }

  teamInvitations(teamId: string): Promise<string[]> {
    return this.db.read(teams.teamInvitations(teamId));
  }

  issueStaffLink(input: Parameters<TeamStore['issueStaffLink']>[0]): Promise<void> {
    return this.db.write(teams.issueStaffLink(input));
  }

  findStaffLinkByTokenHash(tokenHash: string): Promise<StaffLinkRecord | undefined> {
    return this.db.read(teams.findStaffLinkByTokenHash(tokenHash));
  }

  revokeStaffLinks(staffId: string, at: string): Promise<number> {
    return this.db.write(teams.revokeStaffLinks(staffId, at));
  }

  startStaffSession(sessionHash: string, staffId: string, at: string): Promise<void> {
    return this.db.write(teams.startStaffSession(sessionHash, staffId, at));
  }

  sessionStaff(sessionHash: string): Promise<StaffRecord | undefined> {
    return this.db.read(teams.sessionStaff(sessionHash));
  }

  staffSessions(staffId: string): Promise<string[]> {
    return this.db.read(teams.staffSessions(staffId));
  }

  teamNetworks(teamId: string): Promise<NetworkRecord[]> {
    return this.db.read(teams.teamNetworks(teamId));
  }

  staffParticipant(networkId: string, staffId: string): Promise<ParticipantRecord | undefined> {
    return this.db.read(teams.staffParticipant(networkId, staffId));
  }

  addStaffToNetwork(input: Parameters<TeamStore['addStaffToNetwork']>[0]): Promise<ParticipantRecord> {
    return this.db.write(teams.addStaffToNetwork(input));
  }

  requestLink(request: Parameters<TeamStore['requestLink']>[0]): Promise<LinkRequestRecord> {
    return this.db.write(teams.requestLink(request));
  }

  openLinkRequests(networkIds: readonly string[]): Promise<LinkRequestRecord[]> {
    return this.db.read(teams.openLinkRequests(networkIds));
  }
}
