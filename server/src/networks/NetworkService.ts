/**
 * Networks, people, invitations and meetings: what the routes and the operator command do, in one place.
 * Every action that a member of the network should know about is written to the activity log, in the
 * same transaction as the action (the store's methods are whole actions). Ids and secrets are made here;
 * the store sees only the hashes of secrets.
 */
import {
  type ActivityEntry,
  CloseCodes,
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
import { hashToken, newId, newToken } from '../auth/tokens.js';
import { markClosed, planItemLines, seedMeeting } from '../document/meetingDocument.js';
import { forbidden, meetingNotFound, networkNotFound } from '../errors.js';
import {
  type InvitationRecord,
  linkState,
  type MeetingRecord,
  type MetadataStore,
  type NetworkRecord,
  type NewLink,
  type ParticipantRecord,
} from '../persistence/metadata/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** How often a participant's last-seen time is written at most. */
const TOUCH_EVERY_MS = 60_000;
/**
 * How often opening the same meeting (or the network page) is logged at most, per person: a reconnect
 * or a reload within this time is the same look.
 */
const VIEWED_EVERY_MS = 10 * 60 * 1000;
/** How long an ended invitation is remembered as handled (longer than any sweep looks back). */
const HANDLED_FOR_MS = 10 * 60 * 1000;

/** What the service needs. */
export interface NetworkServiceDependencies {
  store: MetadataStore;
  sync: SyncServer;
  /** Lifetime of an invitation link. */
  invitationLifetimeMs: number;
  now?: () => Date;
  /** Called with invitations that just ended, after their sockets closed (video removes them). */
  onAccessEnded?: (invitationIds: readonly string[]) => void;
  /** Called with people whose access ended without a link (they left the team), after their sockets closed. */
  onPeopleEnded?: (people: readonly EndedPerson[]) => void;
}

/** Someone of a network whose access ended. */
export interface EndedPerson {
  networkId: string;
  participantId: string;
}

/** The result of starting a network meeting. */
export interface StartedNetwork {
  network: NetworkRecord;
  meeting: MeetingRecord;
  me: ParticipantRecord;
  /** The starter's invitation: the session is bound to it. */
  myInvitation: InvitationRecord;
  /** Everyone's links, the starter first. */
  invitations: { participant: ParticipantRecord; record: InvitationRecord; token: string }[];
}

/** A new person or link, with the token shown once. */
export interface IssuedLink {
  participant: ParticipantRecord;
  token: string;
  record: InvitationRecord;
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
  private readonly store: MetadataStore;
  private readonly sync: SyncServer;
  private readonly lifetimeMs: number;
  private readonly now: () => Date;
  private readonly onAccessEnded: ((invitationIds: readonly string[]) => void) | undefined;
  private readonly onPeopleEnded: ((people: readonly EndedPerson[]) => void) | undefined;
  /** When each participant's last-seen time was last written by this process (ms). */
  private readonly touched = new Map<string, number>();
  /** Attendance already recorded by this process: "meetingId participantId". */
  private readonly attended = new Set<string>();
  /** When this process last logged a revisit: "meetingId:participantId" → ms. */
  private readonly lastViewed = new Map<string, number>();
  /** Ended invitations this process already told the video about → when (ms). */
  private readonly handled = new Map<string, number>();

  constructor(deps: NetworkServiceDependencies) {
    this.store = deps.store;
    this.sync = deps.sync;
    this.lifetimeMs = deps.invitationLifetimeMs;
    this.now = deps.now ?? (() => new Date());
    this.onAccessEnded = deps.onAccessEnded;
    this.onPeopleEnded = deps.onPeopleEnded;
  }

  /** How long a new personal link works. */
  get linkLifetimeMs(): number {
    return this.lifetimeMs;
  }

  /** A new link for a participant; the token is returned once, the store keeps its hash. */
  private newLink(participant: ParticipantRecord, now: Date): NewLink & { token: string } {
    const token = newToken();
    const record: InvitationRecord = {
      id: newId(),
      networkId: participant.networkId,
      participantId: participant.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.lifetimeMs).toISOString(),
      revokedAt: null,
    };
    return { record, tokenHash: hashToken(token), token };
  }

  private newParticipant(networkId: string, person: PersonInput, at: string): ParticipantRecord {
    const { name, relation, role } = PersonInputSchema.parse(person);
    return { id: newId(), networkId, name, relation, role, createdAt: at, lastSeenAt: null };
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
    /** A network of a team, started by one of its staff (who is then `me`). */
    team?: { teamId: string; staffId: string } | undefined;
  }): Promise<StartedNetwork> {
    const now = this.now();
    const at = now.toISOString();
    const network: NetworkRecord = {
      id: newId(),
      centreName: input.centreName,
      createdAt: at,
      ...(input.team ? { teamId: input.team.teamId } : {}),
    };
    const invitations = [input.me, ...input.people].map((person, n) => {
      const participant = this.newParticipant(network.id, person, at);
      if (n === 0 && input.team) participant.staffId = input.team.staffId;
      return { participant, ...this.newLink(participant, now) };
    });
    const meeting = await this.store.startNetwork({
      network,
      meeting: { id: newId(), title: input.meetingTitle || `Meeting with ${input.centreName}` },
      people: invitations.map(({ participant, record, tokenHash }) => ({
        participant,
        link: { record, tokenHash },
      })),
    });
    await this.sync.changeDocument(meeting.id, (doc) =>
      seedMeeting(doc, { title: meeting.title, startedAt: at }, null),
    );
    const me = invitations[0] as (typeof invitations)[number];
    return {
      network,
      meeting,
      me: me.participant,
      myInvitation: me.record,
      invitations: invitations.map(({ participant, record, token }) => ({ participant, record, token })),
    };
  }

  /** A participant with the state of their link, as every member sees them. */
  async participantView(record: ParticipantRecord): Promise<Participant> {
    return this.viewWith(record, await this.store.latestInvitation(record.id));
  }

  /** participantView, given the person's latest invitation. */
  private viewWith(record: ParticipantRecord, invitation: InvitationRecord | undefined): Participant {
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

  /** The people of a network as every member sees them, in the order they were added. */
  async peopleOf(networkId: string): Promise<Participant[]> {
    const [people, links, admitted, requests] = await Promise.all([
      this.store.listParticipants(networkId),
      this.store.latestInvitations(networkId),
      this.store.admittedBy(networkId),
      this.store.openLinkRequests([networkId]),
    ]);
    const names = new Map(people.map((person) => [person.id, person.name]));
    // A relative's open request for a new link shows beside them, for any professional to answer.
    const asked = new Map(requests.map((request) => [request.participantId, request.createdAt]));
    return people.map((person) => {
      const view = this.viewWith(person, links.get(person.id));
      const by = names.get(admitted.get(person.id) ?? '');
      const requestedAt = asked.get(person.id);
      return {
        ...view,
        ...(by ? { admittedBy: by } : {}),
        ...(requestedAt ? { linkRequestedAt: requestedAt } : {}),
      };
    });
  }

  /**
   * What an export says about who was at a meeting besides the document's attendance: who let each
   * newcomer in, and the observers who attended (they only listen, so their browsers write nothing).
   */
  async presenceForExport(meeting: MeetingRecord): Promise<{
    admittedBy: Record<string, string>;
    listening: { id: string; name: string; relation: string }[];
  }> {
    const [people, attended] = await Promise.all([
      this.peopleOf(meeting.networkId),
      this.store.attendees(meeting.id),
    ]);
    const there = new Set(attended.map((person) => person.id));
    return {
      admittedBy: Object.fromEntries(people.flatMap((p) => (p.admittedBy ? [[p.id, p.admittedBy]] : []))),
      listening: people
        .filter((person) => person.role === 'observer' && there.has(person.id))
        .map(({ id, name, relation }) => ({ id, name, relation })),
    };
  }

  /** The network page: people, and the meetings on a timeline. */
  async networkDetail(networkId: string, meId: string): Promise<NetworkDetail> {
    const network = await this.store.findNetwork(networkId);
    if (!network) throw networkNotFound();
    const people = await this.peopleOf(networkId);
    const meetings = await Promise.all(
      (await this.store.listMeetings(networkId)).map(async (meeting) => ({
        ...meetingSummary(meeting),
        attendees: await this.store.attendees(meeting.id),
        planItems: planItemLines(await this.sync.readDocument(meeting.id)),
      })),
    );
    const me = people.find((person) => person.id === meId);
    if (!me) throw networkNotFound();
    return { network: networkSummary(network), me, people, meetings: meetings.reverse() };
  }

  /** Invite someone into the network: a new person with a personal link. */
  async invite(networkId: string, actor: ParticipantRecord, person: PersonInput): Promise<IssuedLink> {
    if (!can(actor.role, 'invite'))
      throw forbidden('Only professionals and the person at the centre invite people.');
    const now = this.now();
    const participant = this.newParticipant(networkId, person, now.toISOString());
    const { record, tokenHash, token } = this.newLink(participant, now);
    await this.store.invite({ participant, link: { record, tokenHash }, actorId: actor.id });
    return { participant, token, record };
  }

  /** End a person's access: their links stop working and their open connections close. */
  async revoke(networkId: string, actor: ParticipantRecord | null, participantId: string): Promise<string[]> {
    if (actor && !can(actor.role, 'invite')) {
      throw forbidden('Only professionals and the person at the centre revoke links.');
    }
    const subject = await this.store.findParticipant(participantId);
    if (!subject || subject.networkId !== networkId) throw networkNotFound();
    const revoked = await this.store.revoke({
      networkId,
      participantId,
      actorId: actor?.id ?? null,
      at: this.now().toISOString(),
    });
    this.endAccess(revoked);
    return revoked;
  }

  /** A new link for a person: the old one stops working. */
  async reissue(
    networkId: string,
    actor: ParticipantRecord | null,
    participantId: string,
  ): Promise<IssuedLink> {
    if (actor && !can(actor.role, 'invite')) {
      throw forbidden('Only professionals and the person at the centre re-issue links.');
    }
    const participant = await this.store.findParticipant(participantId);
    if (!participant || participant.networkId !== networkId) throw networkNotFound();
    const { record, tokenHash, token } = this.newLink(participant, this.now());
    const revoked = await this.store.reissue({
      networkId,
      link: { record, tokenHash },
      actorId: actor?.id ?? null,
    });
    this.endAccess(revoked);
    return { participant, token, record };
  }

  /**
   * Close the live sockets of ended invitations and tell the video (once per invitation in this
   * process: the same ending is seen by the action itself and again by sweeps whose windows overlap).
   * Sockets are closed every time: one authorised just before the revocation committed may have opened
   * since the last look. Returns how many sockets closed.
   */
  endAccess(invitationIds: readonly string[]): number {
    if (invitationIds.length === 0) return 0;
    const ended = new Set(invitationIds);
    const closed = this.sync.closeConnections(
      (connection) =>
        connection.principal.invitationId !== undefined && ended.has(connection.principal.invitationId),
    );
    const time = this.now().getTime();
    for (const [id, at] of this.handled) if (time - at > HANDLED_FOR_MS) this.handled.delete(id);
    const fresh = invitationIds.filter((id) => !this.handled.has(id));
    for (const id of fresh) this.handled.set(id, time);
    if (fresh.length > 0) this.onAccessEnded?.(fresh);
    return closed;
  }

  /**
   * Close the live sockets of people whose access ended without a link (a professional who left the
   * network's team) and take them out of the video, once per person in this process as endAccess does.
   * Their sockets close with 4403 as a revoked link's do, with the reason `team_access_ended`, so that the
   * page says they were taken out of the team; call it before endAccess of the personal links that ended
   * with the departure, or those sockets would say "revoked". Returns how many sockets closed.
   */
  endPeopleAccess(people: readonly EndedPerson[]): number {
    if (people.length === 0) return 0;
    const ended = new Set(people.map(({ participantId }) => participantId));
    const closed = this.sync.closeConnections(
      (connection) => ended.has(connection.principal.participantId),
      CloseCodes.teamAccessEnded,
    );
    const time = this.now().getTime();
    for (const [id, at] of this.handled) if (time - at > HANDLED_FOR_MS) this.handled.delete(id);
    const fresh = people.filter(({ participantId }) => !this.handled.has(`person:${participantId}`));
    for (const { participantId } of fresh) this.handled.set(`person:${participantId}`, time);
    if (fresh.length > 0) this.onPeopleEnded?.(fresh);
    return closed;
  }

  /** Start the next meeting of a network, carrying over open plan items and open questions. */
  async startMeeting(networkId: string, actor: ParticipantRecord, title?: string): Promise<MeetingRecord> {
    if (!can(actor.role, 'manageMeetings')) throw forbidden('Your role does not start meetings.');
    const now = this.now().toISOString();
    const meeting = await this.store.startMeeting({
      id: newId(),
      networkId,
      title: title || 'Network meeting',
      at: now,
      actorId: actor.id,
    });
    // The one before it by number, whichever instance started it.
    const previous = (await this.store.listMeetings(networkId)).find((m) => m.number === meeting.number - 1);
    const previousDoc = previous ? await this.sync.readDocument(previous.id) : null;
    await this.sync.changeDocument(meeting.id, (doc) =>
      seedMeeting(
        doc,
        { title: meeting.title, startedAt: now, previousNumber: previous?.number },
        previousDoc,
      ),
    );
    return meeting;
  }

  /** Close a meeting: freeze the version "as agreed in the meeting". */
  async closeMeeting(meetingId: string, actor: ParticipantRecord): Promise<MeetingRecord> {
    if (!can(actor.role, 'manageMeetings')) throw forbidden('Your role does not close meetings.');
    const meeting = await this.store.findMeeting(meetingId);
    if (!meeting) throw meetingNotFound();
    if (meeting.closedAt) return meeting;
    const at = this.now().toISOString();
    const doc = await this.sync.changeDocument(meetingId, (d) => markClosed(d, at));
    await this.store.closeMeeting({
      meetingId,
      at,
      agreedState: Y.encodeStateAsUpdate(doc),
      actorId: actor.id,
    });
    return (await this.store.findMeeting(meetingId)) as MeetingRecord;
  }

  /** Someone opened their personal link. */
  async recordJoin(networkId: string, participantId: string): Promise<void> {
    await this.store.recordActivity({
      networkId,
      kind: 'joined',
      actorId: participantId,
      at: this.now().toISOString(),
    });
  }

  /** Record that a participant opened something now. */
  async touch(participantId: string): Promise<void> {
    // "Last seen" is shown to the minute: one write a minute per person is enough, and every request
    // and every socket of a reconnect storm would otherwise be a synced write.
    const now = this.now();
    if (now.getTime() - (this.touched.get(participantId) ?? Number.NEGATIVE_INFINITY) < TOUCH_EVERY_MS)
      return;
    this.touched.set(participantId, now.getTime());
    await this.store.touch(participantId, now.toISOString());
  }

  /**
   * Someone's socket opened on a meeting: they read it, which the log shows (once per person and
   * meeting within VIEWED_EVERY_MS); while the meeting is open they also attend it (the timeline shows
   * who attended).
   */
  async recordPresence(meeting: MeetingRecord, participantId: string): Promise<void> {
    const meetingId = meeting.id;
    const now = this.now();
    if (!meeting.closedAt) {
      const key = `${meetingId} ${participantId}`;
      if (!this.attended.has(key)) {
        this.attended.add(key);
        await this.store.recordAttendance(meetingId, participantId, now.toISOString());
      }
    }
    await this.recordView(meeting.networkId, participantId, meetingId);
  }

  /** Someone opened the network page (its timeline shows plan items): logged like opening a meeting. */
  recordNetworkView(networkId: string, participantId: string): Promise<void> {
    return this.recordView(networkId, participantId, null);
  }

  private async recordView(
    networkId: string,
    participantId: string,
    meetingId: string | null,
  ): Promise<void> {
    const now = this.now();
    const key = `${meetingId ?? networkId}:${participantId}`;
    const last = this.lastViewed.get(key) ?? 0;
    if (now.getTime() - last < VIEWED_EVERY_MS) return;
    this.lastViewed.set(key, now.getTime());
    await this.store.recordActivity({
      networkId,
      kind: meetingId ? 'viewed' : 'network_viewed',
      actorId: participantId,
      meetingId,
      at: now.toISOString(),
    });
  }

  /** Someone read content another way (a version, the agreed view, a search, their own data): logged. */
  async recordRead(input: {
    networkId: string;
    kind: 'version_viewed' | 'agreed_viewed' | 'searched' | 'own_data_exported' | 'exported';
    actorId: string;
    meetingId?: string | null;
  }): Promise<void> {
    await this.store.recordActivity({ ...input, at: this.now().toISOString() });
  }

  /** Forget what this process remembers of people and meetings that were erased. */
  forget(ids: { participantIds?: readonly string[]; meetingIds?: readonly string[] }): void {
    const gone = new Set([...(ids.participantIds ?? []), ...(ids.meetingIds ?? [])]);
    if (gone.size === 0) return;
    for (const id of ids.participantIds ?? []) this.touched.delete(id);
    for (const key of this.attended)
      if (key.split(' ').some((part) => gone.has(part))) this.attended.delete(key);
    for (const key of this.lastViewed.keys()) {
      if (key.split(':').some((part) => gone.has(part))) this.lastViewed.delete(key);
    }
  }

  /** The activity log of a network. */
  activityLog(networkId: string): Promise<ActivityEntry[]> {
    return this.store.listActivity(networkId);
  }

  /** Describe an invitation with its URL (shown once). */
  async invitationView(
    participant: ParticipantRecord,
    token: string,
    record: InvitationRecord,
    baseUrl: string,
  ): Promise<Invitation> {
    return {
      participant: await this.participantView(participant),
      url: `${baseUrl}/join/${token}`,
      expiresAt: record.expiresAt,
    };
  }
}
