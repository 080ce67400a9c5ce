/**
 * The limits on what anyone may do without being a member: starting networks anonymously, opening
 * personal links, and any other API request without a session. Each is per client address (the
 * socket's peer, or what TRUST_PROXY'd proxies say), answered over the limit with 429 and Retry-After.
 */
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from '../auth/proxy.js';
import { requestSession } from '../auth/session.js';
import type { ProtectionConfig } from '../config.js';
import { AddressLimiter } from './AddressLimiter.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The limits of one process. */
export interface AbuseLimits {
  /** Networks started by a browser that is no professional anywhere here (STARTS_PER_HOUR). */
  starts: AddressLimiter;
  /** Personal-link openings, valid or not (JOIN_ATTEMPTS_PER_MINUTE). */
  joins: AddressLimiter;
  /** API requests carrying no session (ANONYMOUS_REQUESTS_PER_MINUTE). */
  anonymous: AddressLimiter;
  /** Asking to join a meeting with its code (ASK_TO_JOIN_PER_HOUR). */
  asks: AddressLimiter;
  trustProxy: number;
}

/** The limits as configured. */
export function abuseLimits(config: ProtectionConfig): AbuseLimits {
  return {
    // A crisis team starts a few networks a day; a burst of a third of the hour's allowance at once.
    starts: new AddressLimiter({
      perWindow: config.startsPerHour,
      windowMs: HOUR,
      burst: Math.max(1, Math.ceil(config.startsPerHour / 3)),
    }),
    joins: new AddressLimiter({ perWindow: config.joinAttemptsPerMinute, windowMs: MINUTE }),
    anonymous: new AddressLimiter({ perWindow: config.anonymousRequestsPerMinute, windowMs: MINUTE }),
    // A newcomer asks once or twice; a room sharing one address a few more. A burst of a third at once.
    asks: new AddressLimiter({
      perWindow: config.askToJoinPerHour,
      windowMs: HOUR,
      burst: Math.max(1, Math.ceil(config.askToJoinPerHour / 3)),
    }),
    trustProxy: config.trustProxy,
  };
}

/** The client address a limit counts. */
export function limitKey(limits: AbuseLimits, c: Parameters<MiddlewareHandler>[0]): string {
  return clientAddress(c, limits.trustProxy);
}

/**
 * Count API requests without a session against the anonymous limit. Requests with one are limited by
 * what the session may do; the health check (monitoring) and LiveKit's signed webhooks are not counted.
 */
export function anonymousRequestLimit(limits: AbuseLimits): MiddlewareHandler {
  return async function anonymousRequestLimit(c, next) {
    const path = c.req.path;
    const exempt = path === '/api/health' || path === '/api/video/webhook';
    if (!exempt && !requestSession(c)) limits.anonymous.take(limitKey(limits, c));
    await next();
  };
}
