/** Schemas of the revisiting API: versions, the last-seen point, search, export. */
import { z } from 'zod';

/**
 * Why a version was taken: while people wrote, at closing, just before someone went back to an earlier
 * version (the text being replaced, always kept), and just after.
 */
export const VersionKindSchema = z.enum(['auto', 'closing', 'before_restore', 'restore']);
export type VersionKind = z.infer<typeof VersionKindSchema>;

/** Who went back to which version: on the versions taken just before and just after it. */
export const VersionRestoringSchema = z.object({
  by: z.object({ id: z.string(), name: z.string() }),
  /** The version brought back. */
  version: z.object({ id: z.number().int(), takenAt: z.string() }),
});
export type VersionRestoring = z.infer<typeof VersionRestoringSchema>;

/** One version of a meeting document, as listed. */
export const VersionSummarySchema = z.object({
  id: z.number().int(),
  takenAt: z.string(),
  kind: VersionKindSchema,
  /** Who was writing since the version before. */
  writers: z.array(z.object({ id: z.string(), name: z.string() })),
  /** On 'before_restore' and 'restore' versions: who went back to which version. */
  restoring: VersionRestoringSchema.optional(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

/** POST /api/meetings/:id/versions/:versionId/restore */
export const RestoreResponseSchema = z.object({
  /** The version taken just before: the text as it read until the restore. */
  beforeVersionId: z.number().int(),
  /** The version taken just after. */
  versionId: z.number().int(),
  /** Pieces of text added after the meeting that the restore kept in the living document. */
  keptLaterAdditions: z.number().int(),
});
export type RestoreResponse = z.infer<typeof RestoreResponseSchema>;

/** GET /api/meetings/:id/versions */
export const VersionListSchema = z.object({
  versions: z.array(VersionSummarySchema),
  /** The frozen "as agreed in the meeting" version exists (GET …/agreed). */
  hasAgreed: z.boolean(),
});
export type VersionList = z.infer<typeof VersionListSchema>;

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
export const SeenResponseSchema = z.object({
  stateVector: z.string().nullable(),
  seenAt: z.string().nullable(),
});
export type SeenResponse = z.infer<typeof SeenResponseSchema>;

/** One hit of a search across a network's meetings. */
export const SearchHitSchema = z.object({
  meetingId: z.string(),
  meetingNumber: z.number().int(),
  meetingTitle: z.string(),
  section: z.string(),
  /** Text around the match; the match itself is between the offsets. */
  snippet: z.string(),
  matchStart: z.number().int(),
  matchEnd: z.number().int(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** POST /api/meetings/:id/exported: a print export made in the browser, for the activity log. */
export const ExportedRequestSchema = z.object({ format: z.enum(['print', 'markdown']) }).strict();
