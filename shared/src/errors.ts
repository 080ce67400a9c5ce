import { z } from 'zod';

/**
 * Stable ids of API errors, rendered as `{ "error": "<id>", "message": "…" }`. The message is English;
 * the client shows its own dictionary's sentence for the ids whose message is always the same one
 * (client/src/api/request.ts), so that a refusal is said in the page's language.
 */
export const ErrorIds = [
  'bad_request',
  'invalid_body',
  'not_found',
  'meeting_not_found',
  'network_not_found',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'internal_error',
  'video_not_configured',
  'session_expired',
  'access_revoked',
  'rate_limited',
  'anonymous_start_off',
  'conflict',
  /** A join request someone else decided first (admission). */
  'already_answered',
  /** Asking to join a meeting that was closed (admission). */
  'meeting_closed',
] as const;

/** A stable snake_case error id. */
export type ErrorId = (typeof ErrorIds)[number];

/** The body of every API error response. */
export const ApiErrorSchema = z.object({ error: z.enum(ErrorIds), message: z.string() });
/** The body of every API error response. */
export type ApiError = z.infer<typeof ApiErrorSchema>;
