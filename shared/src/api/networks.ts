/**
 * Request and response types of the network API: starting a network meeting, invitations, the network
 * page, the activity log. Requests and responses are zod schemas: the server validates requests with
 * them and the OpenAPI document and the typed client come from them (server/src/routes).
 */
import { z } from 'zod';
import { RoleSchema } from '../roles.js';
import { MeetingSummarySchema } from './meetings.js';
import { RetentionInfoSchema } from './privacy.js';

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
    /** The team it belongs to, when a professional signed in as staff starts it from the team page. */
    teamId: z.string().max(64).optional(),
  })
  .strict();
export type StartNetworkRequest = z.input<typeof StartNetworkRequestSchema>;

/** The state of a person's invitation link. */
export const LinkStateSchema = z.enum(['active', 'revoked', 'expired']);
export type LinkState = z.infer<typeof LinkStateSchema>;

/** A person in a network, as every member sees them. */
export const ParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  role: RoleSchema,
  /** When they last opened anything in the network; null if never. */
  lastSeenAt: z.string().nullable(),
  link: z.object({ state: LinkStateSchema, expiresAt: z.string() }),
  /** Who let them in, when they asked to join in a meeting (issue 18): the admitter's name. */
  admittedBy: z.string().optional(),
  /** When their link had expired and they asked for a new one, still unanswered (issue 17). */
  linkRequestedAt: z.string().optional(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** A personal link, shown once when it is made. */
export const InvitationSchema = z.object({
  participant: ParticipantSchema,
  /** The absolute URL: /join/<token>. Only its hash is stored; it cannot be shown again. */
  url: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** A network: the people around one person. */
export const NetworkSummarySchema = z.object({
  id: z.string(),
  centreName: z.string(),
  createdAt: z.string(),
});
export type NetworkSummary = z.infer<typeof NetworkSummarySchema>;

/** POST /api/networks response. */
export const StartNetworkResponseSchema = z.object({
  network: NetworkSummarySchema,
  meeting: MeetingSummarySchema,
  me: ParticipantSchema,
  invitations: z.array(InvitationSchema),
});
export type StartNetworkResponse = z.infer<typeof StartNetworkResponseSchema>;

/** A person named in a list (who attended, who wrote): their id and the name they go by. */
export const PersonNameSchema = z.object({ id: z.string(), name: z.string() });

/** One meeting on the network's timeline. */
export const TimelineMeetingSchema = MeetingSummarySchema.extend({
  attendees: z.array(PersonNameSchema),
  /** The plan items as written, one line each. */
  planItems: z.array(z.string()),
  /** Others wrote in it since the reader last saw it (filled in for whoever asks). */
  news: z.boolean().optional(),
});
export type TimelineMeeting = z.infer<typeof TimelineMeetingSchema>;

/** GET /api/networks/:id */
export const NetworkDetailSchema = z.object({
  network: NetworkSummarySchema,
  me: ParticipantSchema,
  people: z.array(ParticipantSchema),
  meetings: z.array(TimelineMeetingSchema),
  /** When the network is due for erasure under the operator's retention setting; absent without one. */
  retention: RetentionInfoSchema.optional(),
});
export type NetworkDetail = z.infer<typeof NetworkDetailSchema>;

/** GET /api/me: who this browser is, in each network it holds a link of. */
export const MeResponseSchema = z.object({
  memberships: z.array(z.object({ network: NetworkSummarySchema, participant: ParticipantSchema })),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

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
  // Letting someone new in (who showed the code, who let whom in, who did not let someone in).
  'admission_opened',
  'admission_closed',
  'admitted',
  'join_refused',
  // Teams (issue 17): a relative asked for a new link; a professional of the team began working with it.
  'link_requested',
  'joined_from_team',
  // A professional of the network left its team: their access ended (issue 17).
  'left_team',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One entry of the activity log. */
export const ActivityEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  actor: PersonNameSchema.nullable(),
  subject: PersonNameSchema.nullable(),
  meetingId: z.string().nullable(),
  /** The version an entry is about ('version_restored': the one brought back), when it is about one. */
  version: z.object({ id: z.number().int(), takenAt: z.string() }).optional(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/** POST /api/networks/:id/meetings */
export const StartMeetingRequestSchema = z.object({ title: z.string().trim().max(200).optional() }).strict();
export type StartMeetingRequest = z.input<typeof StartMeetingRequestSchema>;

/** GET /api/meetings/:id: the meeting, its network, and who you are in it. */
export const MeetingDetailSchema = z.object({
  meeting: MeetingSummarySchema,
  network: NetworkSummarySchema,
  me: ParticipantSchema,
  people: z.array(ParticipantSchema),
  /** The other meetings of the network, newest first (for "previous meeting" links). */
  meetings: z.array(MeetingSummarySchema),
  /**
   * When the document was last rewritten by an erasure: a browser whose copy is older deletes it and
   * loads the document again. Null if never.
   */
  documentRewrittenAt: z.string().nullable().optional(),
  /**
   * The observers who attended this meeting (participant ids): they only listen, so the document's
   * attendance does not have them, and the "Present" line adds them as listening.
   */
  listening: z.array(z.string()).optional(),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;
