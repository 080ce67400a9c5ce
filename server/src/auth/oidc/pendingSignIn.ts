/**
 * The pending sign-in between its two legs, kept in the browser's own cookie (HttpOnly, SameSite=Lax,
 * `__Host-` behind HTTPS, ten minutes), not on the server: the provider may send the browser back to
 * another instance, and nothing is stored for a sign-in that is never finished. What the cookie holds
 * (state, nonce, PKCE verifier) is random and proves only that this browser began the sign-in; a cookie
 * someone made up can do no more than a sign-in of their own. Whatever a browser sends back is read
 * defensively: anything but the exact shape is "no pending sign-in".
 */
import type { PendingSignIn } from './OidcSignIn.js';

/** A cookie value longer than this is not read. */
const MAX_COOKIE_CHARS = 1024;
const RANDOM = /^[A-Za-z0-9_-]{16,128}$/;

/** The cookie value for `pending`. */
export function encodePending(pending: PendingSignIn): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

/** The pending sign-in a cookie value holds, or null for anything else. */
export function decodePending(value: string | undefined | null): PendingSignIn | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_COOKIE_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { state, nonce, codeVerifier, startedAt } = parsed as Record<string, unknown>;
  if (typeof state !== 'string' || !RANDOM.test(state)) return null;
  if (typeof nonce !== 'string' || !RANDOM.test(nonce)) return null;
  if (typeof codeVerifier !== 'string' || !RANDOM.test(codeVerifier)) return null;
  if (typeof startedAt !== 'number' || !Number.isSafeInteger(startedAt) || startedAt < 0) return null;
  return { state, nonce, codeVerifier, startedAt };
}
