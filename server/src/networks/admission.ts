/**
 * Letting someone new in (issue 18). A meeting shows an "ask to join" code while it is open and until
 * someone turns it off; a newcomer asks with it (their name and relation) and waits, knowing nothing of
 * the network; the person at the centre or a professional lets them in with a role (network member or
 * observer) or not. Admitted, the newcomer's request token is their personal link.
 */
import { type AdmissionDecision, type AdmissionState, can } from '@polyphony/shared';
import { hashToken, newId, newToken } from '../auth/tokens.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import type { AdmissionCodeRecord, JoinRequestRecord } from '../persistence/metadata/admission.js';
import type { MeetingRecord, MetadataStore, ParticipantRecord } from '../persistence/metadata/types.js';

/** How many may wait at once for one meeting: beyond it, asking is refused until someone decides. */
export const MAX_WAITING = 20;

/** The refusal of a code that does not (or no longer) let anyone ask. */
export const codeNotValid = () =>
  new ApiError(
    404,
    'not_found',
    'This code to ask to join is not valid: the meeting ended, or it was turned off.',
  );

/** Whether this person may let someone in: the person at the centre or a professional (who invite). */
export function mayAdmit(person: ParticipantRecord): boolean {
  return can(person.role, 'invite');
}

function requireAdmitter(person: ParticipantRecord): void {
  if (!mayAdmit(person)) {
    throw forbidden('Only the person at the centre or a professional lets someone in.');
  }
}

/** The operations of admission, on the metadata store. */
export class Admission {
  constructor(
    private readonly store: MetadataStore,
    private readonly now: () => Date,
    private readonly linkLifetimeMs: () => number,
  ) {}

  /** What everyone present sees: the code shown (while the meeting is open) and who is waiting. */
  async state(meeting: MeetingRecord, base: string): Promise<AdmissionState> {
    const code = meeting.closedAt ? undefined : await this.store.openAdmissionCode(meeting.id);
    const waiting = await this.store.waitingRequests(meeting.id);
    return {
      url: code ? `${base}/ask/${code.code}` : null,
      waiting: waiting.map(({ id, name, relation, askedAt }) => ({ id, name, relation, askedAt })),
    };
  }

  /** Show a new code (ending the one before). */
  async open(meeting: MeetingRecord, actor: ParticipantRecord): Promise<void> {
    requireAdmitter(actor);
    if (meeting.closedAt)
      throw new ApiError(409, 'meeting_closed', 'This meeting is closed: no one can ask to join it.');
    const code: AdmissionCodeRecord = {
      id: newId(),
      code: newToken(),
      meetingId: meeting.id,
      networkId: meeting.networkId,
      openedBy: actor.id,
      openedAt: this.now().toISOString(),
      closedAt: null,
    };
    await this.store.openAdmission({ code });
  }

  /** Turn the code off. */
  async close(meeting: MeetingRecord, actor: ParticipantRecord): Promise<void> {
    requireAdmitter(actor);
    await this.store.closeAdmission({
      meetingId: meeting.id,
      actorId: actor.id,
      at: this.now().toISOString(),
    });
  }

  /** A newcomer asks with a code; the token their browser keeps while waiting, and the meeting asked. */
  async ask(
    shown: string,
    person: { name: string; relation: string },
  ): Promise<{ token: string; meetingId: string }> {
    const code = await this.store.findAdmissionCode(shown);
    const meeting = code && !code.closedAt ? await this.store.findMeeting(code.meetingId) : undefined;
    if (!code || !meeting || meeting.closedAt) throw codeNotValid();
    const token = newToken();
    const request: JoinRequestRecord = {
      id: newId(),
      codeId: code.id,
      meetingId: code.meetingId,
      networkId: code.networkId,
      name: person.name,
      relation: person.relation,
      askedAt: this.now().toISOString(),
      decision: null,
      decidedBy: null,
      decidedAt: null,
      participantId: null,
    };
    const asked = await this.store.askToJoin({
      request,
      tokenHash: hashToken(token),
      maxWaiting: MAX_WAITING,
    });
    if (!asked) {
      throw new ApiError(
        429,
        'rate_limited',
        'Many people are already waiting to be let in to this meeting. Ask someone in the room.',
      );
    }
    return { token, meetingId: code.meetingId };
  }

  /** The request a waiting browser's token stands for. */
  findByToken(token: string): Promise<JoinRequestRecord | undefined> {
    return this.store.findJoinRequestByTokenHash(hashToken(token));
  }

  /** Let a waiting newcomer in with a role, or not. */
  async decide(
    meeting: MeetingRecord,
    actor: ParticipantRecord,
    requestId: string,
    choice: Required<AdmissionDecision>,
  ): Promise<void> {
    requireAdmitter(actor);
    const request = await this.store.findJoinRequest(requestId);
    if (!request || request.meetingId !== meeting.id) throw notFound('No one is waiting with this request.');
    const at = this.now().toISOString();
    const done =
      choice.decision === 'refuse'
        ? await this.store.refuse({ requestId, actorId: actor.id, at })
        : await this.admit(request, actor, choice.role, at);
    if (!done) throw new ApiError(409, 'already_answered', 'Someone else has already answered this request.');
  }

  private admit(
    request: JoinRequestRecord,
    actor: ParticipantRecord,
    role: 'network_member' | 'observer',
    at: string,
  ): Promise<boolean> {
    const participant = {
      id: newId(),
      networkId: request.networkId,
      name: request.name,
      relation: request.relation,
      role,
      createdAt: at,
      lastSeenAt: null,
    };
    const expiresAt = new Date(Date.parse(at) + this.linkLifetimeMs()).toISOString();
    // The newcomer's browser holds the request's token: admitted, it is their personal link.
    return this.store.admit({
      requestId: request.id,
      participant,
      link: {
        record: {
          id: newId(),
          networkId: request.networkId,
          participantId: participant.id,
          createdAt: at,
          expiresAt,
          revokedAt: null,
        },
      },
      actorId: actor.id,
      at,
    });
  }
}
