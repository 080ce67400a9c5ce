/**
 * Letting someone new in (issue 18): a meeting's "ask to join" code, the requests made with it and what
 * the network decided. A request's token is the newcomer's own secret while they wait; admitted, it
 * becomes their personal link (the invitation keeps its hash), so nothing secret is stored in clear.
 */
import type { Role } from '@polyphony/shared';
import type { NewLink, ParticipantRecord } from './types.js';

/** An "ask to join" code of a meeting. */
export interface AdmissionCodeRecord {
  id: string;
  /** What the link and the QR code carry: /ask/<code>. */
  code: string;
  meetingId: string;
  networkId: string;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
}

/** What became of a request. */
export type JoinDecision = 'admitted' | 'refused';

/** Someone asking to join, as the network sees them. */
export interface JoinRequestRecord {
  id: string;
  codeId: string;
  meetingId: string;
  networkId: string;
  name: string;
  relation: string;
  askedAt: string;
  decision: JoinDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The person they became, once admitted. */
  participantId: string | null;
}

/** Admission, one transaction per method. */
export interface AdmissionStore {
  /** Show a new code for the meeting (ending any it had), with its log entry. */
  openAdmission(input: { code: AdmissionCodeRecord }): Promise<void>;
  /** End the meeting's code; false when it had none. Logged when there was one. */
  closeAdmission(input: { meetingId: string; actorId: string; at: string }): Promise<boolean>;
  /** The meeting's code still shown (not turned off), if any. */
  openAdmissionCode(meetingId: string): Promise<AdmissionCodeRecord | undefined>;
  /** A code, whatever its state. */
  findAdmissionCode(code: string): Promise<AdmissionCodeRecord | undefined>;
  /** A new request; false (nothing written) when the meeting already has `maxWaiting` waiting. */
  askToJoin(input: { request: JoinRequestRecord; tokenHash: string; maxWaiting: number }): Promise<boolean>;
  findJoinRequest(id: string): Promise<JoinRequestRecord | undefined>;
  findJoinRequestByTokenHash(tokenHash: string): Promise<JoinRequestRecord | undefined>;
  /** The requests of a meeting still waiting, oldest first. */
  waitingRequests(meetingId: string): Promise<JoinRequestRecord[]>;
  /**
   * Let a waiting request in: the person, their link (the request's token hash) and the log entry;
   * false (nothing written) when the request was already decided.
   */
  admit(input: {
    requestId: string;
    participant: ParticipantRecord & { role: Role };
    /** Their link; its token is the request's (the store takes the hash from the request). */
    link: Pick<NewLink, 'record'>;
    actorId: string;
    at: string;
  }): Promise<boolean>;
  /** Refuse a waiting request, with its log entry; false when it was already decided. */
  refuse(input: { requestId: string; actorId: string; at: string }): Promise<boolean>;
  /** Who let each admitted person of a network in: participant id → the admitter's participant id. */
  admittedBy(networkId: string): Promise<Map<string, string>>;
}
