/**
 * Types of the data-protection API: erasing a network, a meeting or a person; the browser's session
 * (leaving this device, activity, why it ended); confirming a switch of person; what a browser must
 * drop of its local copies; retention. Requests and responses are zod schemas; the server validates
 * requests with them and describes the API with them.
 */
import { z } from 'zod';
import { MeetingIdSchema } from './meetings.js';

/** The participant id that stands in attributes of the document for a person whose details were erased. */
export const ERASED_PERSON_ID = 'erased';

/** What happens to the words of an erased person in the shared record. */
export const ERASED_WORDS = ['remove', 'anonymise'] as const;
/** Remove their words, or keep them without their name (anonymise). */
export type ErasedWords = (typeof ERASED_WORDS)[number];

/** What an erasure erases. */
export const ErasureKindSchema = z.enum(['network', 'meeting', 'person']);
export type ErasureKind = z.infer<typeof ErasureKindSchema>;

/** POST /api/networks/:id/people/:participantId/erase */
export const ErasePersonRequestSchema = z.object({ words: z.enum(ERASED_WORDS) }).strict();
export type ErasePersonRequest = z.input<typeof ErasePersonRequestSchema>;

/** What an erasure takes away (shown before confirming, and by the operator command's --dry-run). */
export const ErasurePreviewSchema = z.object({
  kind: ErasureKindSchema,
  networkId: z.string(),
  centreName: z.string(),
  /** The meetings erased (network, meeting) or whose documents are rewritten (person). */
  meetings: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string() })),
  /** The people erased (network: everyone; person: one). */
  people: z.array(z.object({ id: z.string(), name: z.string(), relation: z.string(), role: z.string() })),
  versions: z.number().int(),
  activityEntries: z.number().int(),
  links: z.number().int(),
  sessions: z.number().int(),
});
export type ErasurePreview = z.infer<typeof ErasurePreviewSchema>;

/** The answer to an erasure: what went, and when it was finished. */
export const ErasureDoneSchema = z.object({
  erasureId: z.number().int(),
  kind: ErasureKindSchema,
  at: z.string(),
  preview: ErasurePreviewSchema,
});
export type ErasureDone = z.infer<typeof ErasureDoneSchema>;

/** Why a browser session is not (or no longer) valid. */
export const SessionEndSchema = z.enum(['none', 'idle', 'lifetime']);
export type SessionEnd = z.infer<typeof SessionEndSchema>;

/** GET /api/session: whether this browser's session works, and how long it may. */
export const SessionResponseSchema = z.object({
  state: z.union([z.literal('active'), SessionEndSchema]),
  /** Minutes without use after which the session ends. */
  idleMinutes: z.number(),
  /** When the session ends at the latest (its absolute lifetime); null without a session. */
  endsAt: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** A local copy this browser holds: a meeting, and (when it knows) who it is in that meeting's network. */
export const LocalCopySchema = z
  .object({
    meetingId: MeetingIdSchema,
    participantId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    /** The rewrite of the document this copy was made after (from MeetingDetail), if any. */
    rewrittenAt: z.string().max(40).nullable().optional(),
  })
  .strict();

/** POST /api/local-copies: the local copies a browser holds, to learn which it must delete. */
export const LocalCopiesRequestSchema = z.object({ copies: z.array(LocalCopySchema).max(200) }).strict();
export type LocalCopiesRequest = z.input<typeof LocalCopiesRequestSchema>;

/** Why a browser must delete a local copy. */
export const DropReasonSchema = z.enum(['erased', 'revoked', 'rewritten']);
export type DropReason = z.infer<typeof DropReasonSchema>;

/** POST /api/local-copies response. */
export const LocalCopiesResponseSchema = z.object({
  drop: z.array(z.object({ meetingId: z.string(), reason: DropReasonSchema })),
});
export type LocalCopiesResponse = z.infer<typeof LocalCopiesResponseSchema>;

/** GET /api/join/pending: a link opened from another site, waiting for the person to say who they are. */
export const PendingJoinResponseSchema = z.object({
  centreName: z.string(),
  /** Who this browser is in that network now. */
  current: z.object({ name: z.string(), relation: z.string() }),
  /** Who the link is for. */
  link: z.object({ name: z.string(), relation: z.string() }),
});
export type PendingJoinResponse = z.infer<typeof PendingJoinResponseSchema>;

/** Where to go after confirming or declining a pending join. */
export const PendingJoinDoneSchema = z.object({ path: z.string() });
export type PendingJoinDone = z.infer<typeof PendingJoinDoneSchema>;

/** Public settings the pages need before anyone is signed in. */
export const SettingsResponseSchema = z.object({
  /** Whether anyone may start a network from the start page without being a professional here. */
  anonymousStart: z.boolean(),
  /** Networks with no activity for this many days are erased by the operator; null: kept until erased. */
  retentionDays: z.number().nullable(),
  sessionIdleMinutes: z.number(),
  sessionMaxDays: z.number(),
  /** Whether staff may sign in with the organisation's identity provider (GET /auth/login). */
  organisationSignIn: z.boolean(),
});
export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;

/** When a network is due for erasure under the retention setting (on the network page). */
export const RetentionInfoSchema = z.object({
  days: z.number(),
  lastActivityAt: z.string(),
  dueAt: z.string(),
});
export type RetentionInfo = z.infer<typeof RetentionInfoSchema>;
