import { z } from 'zod';

/** Stable ids of API errors, rendered as `{ "error": "<id>", "message": "…" }`. */
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
] as const;

/** A stable snake_case error id. */
export type ErrorId = (typeof ErrorIds)[number];

/** The body of every API error response. */
export const ApiErrorSchema = z.object({ error: z.enum(ErrorIds), message: z.string() });
/** The body of every API error response. */
export type ApiError = z.infer<typeof ApiErrorSchema>;
