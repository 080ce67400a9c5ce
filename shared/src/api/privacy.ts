/**
 * Types of the data-protection API: erasing a network, a meeting or a person; the browser's session
 * (leaving this device, activity, why it ended); confirming a switch of person; what a browser must
 * drop of its local copies; retention. Request schemas are zod; the server validates with them.
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
export type ErasureKind = 'network' | 'meeting' | 'person';

/** POST /api/networks/:id/people/:participantId/erase */
export const ErasePersonRequestSchema = z.object({ words: z.enum(ERASED_WORDS) }).strict();
export type ErasePersonRequest = z.input<typeof ErasePersonRequestSchema>;

/** What an erasure takes away (shown before confirming, and by the operator command's --dry-run). */
export interface ErasurePreview {
  kind: ErasureKind;
  networkId: string;
  centreName: string;
  /** The meetings erased (network, meeting) or whose documents are rewritten (person). */
  meetings: { id: string; number: number; title: string }[];
  /** The people erased (network: everyone; person: one). */
  people: { id: string; name: string; relation: string; role: string }[];
  versions: number;
  activityEntries: number;
  links: number;
  sessions: number;
}

/** The answer to an erasure: what went, and when it was finished. */
export interface ErasureDone {
  erasureId: number;
  kind: ErasureKind;
  at: string;
  preview: ErasurePreview;
}

/** Why a browser session is not (or no longer) valid. */
export type SessionEnd = 'none' | 'idle' | 'lifetime';

/** GET /api/session: whether this browser's session works, and how long it may. */
export interface SessionResponse {
  state: 'active' | SessionEnd;
  /** Minutes without use after which the session ends. */
  idleMinutes: number;
  /** When the session ends at the latest (its absolute lifetime); null without a session. */
  endsAt: string | null;
}

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
export type DropReason = 'erased' | 'revoked' | 'rewritten';

/** POST /api/local-copies response. */
export interface LocalCopiesResponse {
  drop: { meetingId: string; reason: DropReason }[];
}

/** GET /api/join/pending: a link opened from another site, waiting for the person to say who they are. */
export interface PendingJoinResponse {
  centreName: string;
  /** Who this browser is in that network now. */
  current: { name: string; relation: string };
  /** Who the link is for. */
  link: { name: string; relation: string };
}

/** Where to go after confirming or declining a pending join. */
export interface PendingJoinDone {
  path: string;
}

/** Public settings the pages need before anyone is signed in. */
export interface SettingsResponse {
  /** Whether anyone may start a network from the start page without being a professional here. */
  anonymousStart: boolean;
  /** Networks with no activity for this many days are erased by the operator; null: kept until erased. */
  retentionDays: number | null;
  sessionIdleMinutes: number;
  sessionMaxDays: number;
}

/** When a network is due for erasure under the retention setting (on the network page). */
export interface RetentionInfo {
  days: number;
  lastActivityAt: string;
  dueAt: string;
}
