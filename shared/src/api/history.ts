/** Types of the revisiting API: versions, the last-seen point, search, export. */
import { z } from 'zod';

/**
 * Why a version was taken: while people wrote, at closing, just before someone went back to an earlier
 * version (the text being replaced, always kept), and just after.
 */
export type VersionKind = 'auto' | 'closing' | 'before_restore' | 'restore';

/** Who went back to which version: on the versions taken just before and just after it. */
export interface VersionRestoring {
  by: { id: string; name: string };
  /** The version brought back. */
  version: { id: number; takenAt: string };
}

/** One version of a meeting document, as listed. */
export interface VersionSummary {
  id: number;
  takenAt: string;
  kind: VersionKind;
  /** Who was writing since the version before. */
  writers: { id: string; name: string }[];
  /** On 'before_restore' and 'restore' versions: who went back to which version. */
  restoring?: VersionRestoring;
}

/** POST /api/meetings/:id/versions/:versionId/restore */
export interface RestoreResponse {
  /** The version taken just before: the text as it read until the restore. */
  beforeVersionId: number;
  /** The version taken just after. */
  versionId: number;
  /** Pieces of text added after the meeting that the restore kept in the living document. */
  keptLaterAdditions: number;
}

/** GET /api/meetings/:id/versions */
export interface VersionList {
  versions: VersionSummary[];
  /** The frozen "as agreed in the meeting" version exists (GET …/agreed). */
  hasAgreed: boolean;
}

/** PUT /api/meetings/:id/seen: what this person has now seen. */
export const SeenRequestSchema = z
  .object({
    /** The Yjs state vector the person has seen, base64. */
    stateVector: z
      .string()
      .max(100_000)
      .regex(/^[A-Za-z0-9+/=]*$/, 'not base64'),
  })
  .strict();
export type SeenRequest = z.input<typeof SeenRequestSchema>;

/** GET /api/meetings/:id/seen: the person's last-seen point; null before their first visit. */
export interface SeenResponse {
  stateVector: string | null;
  seenAt: string | null;
}

/** One hit of a search across a network's meetings. */
export interface SearchHit {
  meetingId: string;
  meetingNumber: number;
  meetingTitle: string;
  section: string;
  /** Text around the match; the match itself is between the offsets. */
  snippet: string;
  matchStart: number;
  matchEnd: number;
}

/** POST /api/meetings/:id/exported: a print export made in the browser, for the activity log. */
export const ExportedRequestSchema = z.object({ format: z.enum(['print', 'markdown']) }).strict();
