/**
 * HTTP errors: small factories with a status and a stable snake_case id. One onError in app.ts renders
 * them as `{ error, message }`; anything else is logged and becomes a plain 500.
 */
import type { ErrorId } from '@polyphony/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error with a stable id that the API may show to its caller. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly id: ErrorId,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const invalidBody = (message: string) => new ApiError(400, 'invalid_body', message);
export const notFound = (message = 'Nothing is here.') => new ApiError(404, 'not_found', message);
export const meetingNotFound = () =>
  new ApiError(404, 'meeting_not_found', 'This meeting does not exist, or the link is incomplete.');
export const payloadTooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);
export const unauthorized = (message = 'Open your personal link again to come in.') =>
  new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const networkNotFound = () =>
  new ApiError(404, 'network_not_found', 'This network does not exist, or you are not one of its members.');
export const sessionExpired = (why: 'idle' | 'lifetime') =>
  new ApiError(
    401,
    'session_expired',
    why === 'idle'
      ? 'Your session on this device ended because it was not used for a while. Open your personal link again to come back.'
      : 'Your session on this device reached its time limit. Open your personal link again to come back.',
  );
export const accessRevoked = () =>
  new ApiError(
    404,
    'access_revoked',
    'Your link to this network was revoked, so this device no longer shows it.',
  );
/** A professional who left the network's team: the same id, so that their browser drops its copy. */
export const teamAccessEnded = () =>
  new ApiError(
    403,
    'access_revoked',
    'You are no longer in this network’s team, so this device no longer shows it.',
  );
export const conflict = (message: string) => new ApiError(409, 'conflict', message);
export const anonymousStartOff = () =>
  new ApiError(
    403,
    'anonymous_start_off',
    'Starting a network here is turned off. A professional of your team, or the operator, can start one.',
  );
/** 429 with Retry-After (seconds), set by the rate limiter. */
export class RateLimited extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many requests from here. Try again in ${retryAfterSeconds} s.`);
  }
}
