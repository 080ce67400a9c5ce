/**
 * Request and response types of the network API: starting a network meeting, invitations, the network
 * page, the activity log. Request schemas are zod; the server validates with them.
 */
import { z } from 'zod';
import { type Role, RoleSchema } from '../roles.js';
import type { MeetingSummary } from './meetings.js';
import type { RetentionInfo } from './privacy.js';

/** A person named on the start form or invited later. */
export const PersonInputSchema = z
  .object({
    /** The name they wish to be called. */
    name: z.string().trim().min(1, 'a name is needed').max(80),
    /** How they are related: "mother", "psychiatric nurse". Optional. */
    relation: z.string().trim().max(80).default(''),
    role: RoleSchema,
  })
  .strict();
export type PersonInput = z.input<typeof PersonInputSchema>;

/** POST /api/networks: start a network and its first meeting at once. */
export const StartNetworkRequestSchema = z
  .object({
    /** Whose network: a first name is enough. */
    centreName: z.string().trim().min(1, 'whose network is it?').max(80),
    meetingTitle: z.string().trim().max(200).optional(),
    /** The person starting it (gets a session at once, no link needed). */
    me: PersonInputSchema,
    /** Everyone else who is coming. */
    people: z.array(PersonInputSchema).max(50).default([]),
  })
  .strict();
export type StartNetworkRequest = z.input<typeof StartNetworkRequestSchema>;

/** The state of a person's invitation link. */
export type LinkState = 'active' | 'revoked' | 'expired';

/** A person in a network, as every member sees them. */
export interface Participant {
  id: string;
  name: string;
  relation: string;
  role: Role;
  /** When they last opened anything in the network; null if never. */
  lastSeenAt: string | null;
  link: { state: LinkState; expiresAt: string };
}

/** A personal link, shown once when it is made. */
export interface Invitation {
  participant: Participant;
  /** The absolute URL: /join/<token>. Only its hash is stored; it cannot be shown again. */
  url: string;
  expiresAt: string;
}

/** A network: the people around one person. */
export interface NetworkSummary {
  id: string;
  centreName: string;
  createdAt: string;
}

/** POST /api/networks response. */
export interface StartNetworkResponse {
  network: NetworkSummary;
  meeting: MeetingSummary;
  me: Participant;
  invitations: Invitation[];
}

/** One meeting on the network's timeline. */
export interface TimelineMeeting extends MeetingSummary {
  attendees: { id: string; name: string }[];
  /** The plan items as written, one line each. */
  planItems: string[];
  /** Others wrote in it since the reader last saw it (filled in for whoever asks). */
  news?: boolean;
}

/** GET /api/networks/:id */
export interface NetworkDetail {
  network: NetworkSummary;
  me: Participant;
  people: Participant[];
  meetings: TimelineMeeting[];
  /** When the network is due for erasure under the operator's retention setting; absent without one. */
  retention?: RetentionInfo;
}

/** GET /api/me: who this browser is, in each network it holds a link of. */
export interface MeResponse {
  memberships: { network: NetworkSummary; participant: Participant }[];
}

/** Kinds of activity-log entries. None ever contains document text. */
export const ACTIVITY_KINDS = [
  'network_started',
  'meeting_started',
  'meeting_closed',
  'joined',
  'viewed',
  'invited',
  'link_reissued',
  'revoked',
  'exported',
  'version_restored',
  // Reads of content (every look at the record is in the record) and erasures: ids only.
  'version_viewed',
  'agreed_viewed',
  'searched',
  'network_viewed',
  'own_data_exported',
  'meeting_erased',
  'person_erased',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One entry of the activity log. */
export interface ActivityEntry {
  id: number;
  at: string;
  kind: ActivityKind;
  actor: { id: string; name: string } | null;
  subject: { id: string; name: string } | null;
  meetingId: string | null;
  /** The version an entry is about ('version_restored': the one brought back), when it is about one. */
  version?: { id: number; takenAt: string };
}

/** POST /api/networks/:id/meetings */
export const StartMeetingRequestSchema = z.object({ title: z.string().trim().max(200).optional() }).strict();
export type StartMeetingRequest = z.input<typeof StartMeetingRequestSchema>;

/** GET /api/meetings/:id: the meeting, its network, and who you are in it. */
export interface MeetingDetail {
  meeting: MeetingSummary;
  network: NetworkSummary;
  me: Participant;
  people: Participant[];
  /** The other meetings of the network, newest first (for "previous meeting" links). */
  meetings: MeetingSummary[];
  /**
   * When the document was last rewritten by an erasure: a browser whose copy is older deletes it and
   * loads the document again. Null if never.
   */
  documentRewrittenAt?: string | null;
}
