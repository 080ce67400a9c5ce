/**
 * Networks, people, invitations and meetings: what the routes and the operator command do, in one place.
 * Every action that a member of the network should know about is written to the activity log.
 */
import {
  type ActivityEntry,
  can,
  type Invitation,
  type MeetingSummary,
  type NetworkDetail,
  type NetworkSummary,
  type Participant,
  type PersonInput,
  PersonInputSchema,
} from '@polyphony/shared';
import * as Y from 'yjs';
import { markClosed, planItemLines, seedMeeting } from '../document/meetingDocument.js';
import { forbidden, meetingNotFound, networkNotFound } from '../errors.js';
import { type AccessRepository, type InvitationRecord, linkState } from '../persistence/access.js';
import type { ActivityRepository } from '../persistence/activity.js';
import type {
  MeetingRecord,
  NetworkRecord,
  NetworkRepository,
  ParticipantRecord,
} from '../persistence/networks.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** What the service needs. */
export interface NetworkServiceDependencies {
  networks: NetworkRepository;
  access: AccessRepository;
  activity: ActivityRepository;
  sync: SyncServer;
  /** Lifetime of an invitation link. */
  invitationLifetimeMs: number;
  now?: () => Date;
  /** Called with invitations that just ended, after their sockets closed (video removes them). */
  onAccessEnded?: (invitationIds: readonly string[]) => void;
}

/** The result of starting a network meeting. */
export interface StartedNetwork {
  network: NetworkRecord;
  meeting: MeetingRecord;
  me: ParticipantRecord;
  /** The starter's invitation: the session is bound to it. */
  myInvitation: InvitationRecord;
  /** Everyone's links, the starter's first. */
  invitations: { participant: ParticipantRecord; record: InvitationRecord; token: string }[];
}

/** A meeting as the API shows it. */
export function meetingSummary(meeting: MeetingRecord): MeetingSummary {
  return { ...meeting, path: `/m/${meeting.id}` };
}

/** A network as the API shows it. */
export function networkSummary(network: NetworkRecord): NetworkSummary {
  return { id: network.id, centreName: network.centreName, createdAt: network.createdAt };
}

/** The operations on networks. */
export class NetworkService {
  private readonly networks: NetworkRepository;
  private readonly access: AccessRepository;
  private readonly activity: ActivityRepository;
  private readonly sync: SyncServer;
  private readonly lifetimeMs: number;
  private readonly now: () => Date;
  private readonly onAccessEnded: ((invitationIds: readonly string[]) => void) | undefined;

  constructor(deps: NetworkServiceDependencies) {
    this.networks = deps.networks;
    this.access = deps.access;
    this.activity = deps.activity;
    this.sync = deps.sync;
    this.lifetimeMs = deps.invitationLifetimeMs;
    this.now = deps.now ?? (() => new Date());
    this.onAccessEnded = deps.onAccessEnded;
  }

  /**
   * Start a network, its first meeting, and a personal link for everyone. The first person is the one
   * starting it (`actor` in the log); the API also puts their browser in at once.
   */
  async startNetwork(input: {
    centreName: string;
    meetingTitle?: string | undefined;
    me: PersonInput;
    people: PersonInput[];
  }): Promise<StartedNetwork> {
    const now = this.now();
    const at = now.toISOString();
    const started = this.networks.transaction(() => {
      const network = this.networks.createNetwork(input.centreName, at);
      const meeting = this.networks.createMeeting(
        network.id,
        input.meetingTitle || `Meeting with ${input.centreName}`,
        at,
      );
      const invitations = [input.me, ...input.people].map((person) => {
        const participant = this.networks.addParticipant(network.id, PersonInputSchema.parse(person), at);
        const { record, token } = this.access.createInvitation(
          network.id,
          participant.id,
          now,
          this.lifetimeMs,
        );
        return { participant, record, token };
      });
      const me = invitations[0] as (typeof invitations)[number];
      this.activity.record({
        networkId: network.id,
        kind: 'network_started',
        actorId: me.participant.id,
        at,
      });
      this.activity.record({
        networkId: network.id,
        kind: 'meeting_started',
        actorId: me.participant.id,
        meetingId: meeting.id,
        at,
      });
      for (const { participant } of invitations.slice(1)) {
        this.activity.record({
          networkId: network.id,
          kind: 'invited',
          actorId: me.participant.id,
          subjectId: participant.id,
          at,
        });
      }
      return { network, meeting, me: me.participant, myInvitation: me.record, invitations };
    });
    await this.sync.changeDocument(started.meeting.id, (doc) =>
      seedMeeting(doc, { title: started.meeting.title, startedAt: at }, null),
    );
    return started;
  }

  /** A participant with the state of their link, as every member sees them. */
  participantView(record: ParticipantRecord): Participant {
    const invitation = this.access.latestInvitation(record.id);
    return {
      id: record.id,
      name: record.name,
      relation: record.relation,
      role: record.role,
      lastSeenAt: record.lastSeenAt,
      link: invitation
        ? { state: linkState(invitation, this.now()), expiresAt: invitation.expiresAt }
        : { state: 'revoked', expiresAt: record.createdAt },
    };
  }

  /** The network page: people, and the meetings on a timeline. */
  async networkDetail(networkId: string, meId: string): Promise<NetworkDetail> {
    const network = this.networks.findNetwork(networkId);
    if (!network) throw networkNotFound();
    const people = this.networks.listParticipants(networkId).map((person) => this.participantView(person));
    const meetings = await Promise.all(
      this.networks.listMeetings(networkId).map(async (meeting) => ({
        ...meetingSummary(meeting),
        attendees: this.networks.attendees(meeting.id),
        planItems: planItemLines(await this.sync.readDocument(meeting.id)),
      })),
    );
    const me = people.find((person) => person.id === meId);
    if (!me) throw networkNotFound();
    return { network: networkSummary(network), me, people, meetings: meetings.reverse() };
  }

  /** Invite someone into the network: a new person with a personal link. */
  invite(
    networkId: string,
    actor: ParticipantRecord,
    person: PersonInput,
  ): { participant: ParticipantRecord; token: string; record: InvitationRecord } {
    if (!can(actor.role, 'invite'))
      throw forbidden('Only professionals and the person at the centre invite people.');
    const now = this.now();
    return this.networks.transaction(() => {
      const participant = this.networks.addParticipant(
        networkId,
        PersonInputSchema.parse(person),
        now.toISOString(),
      );
      const { record, token } = this.access.createInvitation(networkId, participant.id, now, this.lifetimeMs);
      this.activity.record({
        networkId,
        kind: 'invited',
        actorId: actor.id,
        subjectId: participant.id,
        at: now.toISOString(),
      });
      return { participant, token, record };
    });
  }

  /** End a person's access: their links stop working and their open connections close. */
  revoke(networkId: string, actor: ParticipantRecord | null, participantId: string): string[] {
    if (actor && !can(actor.role, 'invite')) {
      throw forbidden('Only professionals and the person at the centre revoke links.');
    }
    const subject = this.networks.findParticipant(participantId);
    if (!subject || subject.networkId !== networkId) throw networkNotFound();
    const now = this.now();
    const revoked = this.networks.transaction(() => {
      const ids = this.access.revokeParticipant(participantId, now);
      this.activity.record({
        networkId,
        kind: 'revoked',
        actorId: actor?.id ?? null,
        subjectId: participantId,
        at: now.toISOString(),
      });
      return ids;
    });
    this.closeSocketsOf(revoked);
    return revoked;
  }

  /** A new link for a person: the old one stops working. */
  reissue(
    networkId: string,
    actor: ParticipantRecord | null,
    participantId: string,
  ): { participant: ParticipantRecord; token: string; record: InvitationRecord } {
    if (actor && !can(actor.role, 'invite')) {
      throw forbidden('Only professionals and the person at the centre re-issue links.');
    }
    const participant = this.networks.findParticipant(participantId);
    if (!participant || participant.networkId !== networkId) throw networkNotFound();
    const now = this.now();
    const result = this.networks.transaction(() => {
      const revoked = this.access.revokeParticipant(participantId, now);
      const { record, token } = this.access.createInvitation(networkId, participantId, now, this.lifetimeMs);
      this.activity.record({
        networkId,
        kind: 'link_reissued',
        actorId: actor?.id ?? null,
        subjectId: participantId,
        at: now.toISOString(),
      });
      return { revoked, record, token };
    });
    this.closeSocketsOf(result.revoked);
    return { participant, token: result.token, record: result.record };
  }

  /** Close the live sockets of ended invitations. */
  closeSocketsOf(invitationIds: readonly string[]): number {
    if (invitationIds.length === 0) return 0;
    const ended = new Set(invitationIds);
    const closed = this.sync.closeConnections((connection) => ended.has(connection.principal.invitationId));
    this.onAccessEnded?.(invitationIds);
    return closed;
  }

  /** Start the next meeting of a network, carrying over open plan items and open questions. */
  async startMeeting(networkId: string, actor: ParticipantRecord, title?: string): Promise<MeetingRecord> {
    if (!can(actor.role, 'manageMeetings')) throw forbidden('Your role does not start meetings.');
    const previous = this.networks.listMeetings(networkId).at(-1);
    const now = this.now().toISOString();
    const meeting = this.networks.transaction(() => {
      const created = this.networks.createMeeting(networkId, title || 'Network meeting', now);
      this.activity.record({
        networkId,
        kind: 'meeting_started',
        actorId: actor.id,
        meetingId: created.id,
        at: now,
      });
      return created;
    });
    const previousDoc = previous ? await this.sync.readDocument(previous.id) : null;
    await this.sync.changeDocument(meeting.id, (doc) =>
      seedMeeting(doc, { title: meeting.title, startedAt: now }, previousDoc),
    );
    return meeting;
  }

  /** Close a meeting: freeze the version "as agreed in the meeting". */
  async closeMeeting(meetingId: string, actor: ParticipantRecord): Promise<MeetingRecord> {
    if (!can(actor.role, 'manageMeetings')) throw forbidden('Your role does not close meetings.');
    const meeting = this.networks.findMeeting(meetingId);
    if (!meeting) throw meetingNotFound();
    if (meeting.closedAt) return meeting;
    const at = this.now().toISOString();
    const doc = await this.sync.changeDocument(meetingId, (d) => markClosed(d, at));
    const agreed = Y.encodeStateAsUpdate(doc);
    this.networks.transaction(() => {
      this.networks.closeMeeting(meetingId, at, agreed);
      this.activity.record({
        networkId: meeting.networkId,
        kind: 'meeting_closed',
        actorId: actor.id,
        meetingId,
        at,
      });
    });
    return this.networks.findMeeting(meetingId) as MeetingRecord;
  }

  /** Someone opened their personal link. */
  recordJoin(networkId: string, participantId: string): void {
    this.activity.record({ networkId, kind: 'joined', actorId: participantId, at: this.now().toISOString() });
  }

  private readonly lastViewed = new Map<string, number>();

  /**
   * Someone's socket opened on a meeting: while the meeting is open they attend it (the timeline shows
   * who attended); after it closed they are revisiting it, which the log shows (at most hourly).
   */
  recordPresence(meeting: MeetingRecord, participantId: string): void {
    const meetingId = meeting.id;
    const now = this.now();
    if (!meeting.closedAt) {
      this.networks.recordAttendance(meetingId, participantId, now.toISOString());
      return;
    }
    const key = `${meetingId}:${participantId}`;
    const last = this.lastViewed.get(key) ?? 0;
    if (now.getTime() - last < 60 * 60 * 1000) return;
    this.lastViewed.set(key, now.getTime());
    this.activity.record({
      networkId: meeting.networkId,
      kind: 'viewed',
      actorId: participantId,
      meetingId,
      at: now.toISOString(),
    });
  }

  /** The activity log of a network. */
  activityLog(networkId: string): ActivityEntry[] {
    return this.activity.list(networkId);
  }

  /** Describe an invitation with its URL (shown once). */
  invitationView(
    participant: ParticipantRecord,
    token: string,
    record: InvitationRecord,
    baseUrl: string,
  ): Invitation {
    return {
      participant: this.participantView(participant),
      url: `${baseUrl}/join/${token}`,
      expiresAt: record.expiresAt,
    };
  }
}
