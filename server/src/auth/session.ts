/**
 * The session cookie: set when someone opens their personal link, HttpOnly and SameSite=Lax, holding a
 * random token whose hash is stored. One browser session may belong to several networks (a professional
 * works with many), but to one person per network: the last link opened there.
 *
 * Over HTTPS the cookie is `__Host-polyphony_session`: the browser then insists on Secure, Path=/ and no
 * Domain, so that no other host of the same site (or a plain-HTTP page) can plant or read it. Its
 * Max-Age is the session's absolute lifetime; the server ends it earlier when it is not used.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AccessStore, InvitationRecord, Membership } from '../persistence/metadata/types.js';
import { forwardedProto } from './proxy.js';
import { hashToken, looksLikeToken } from './tokens.js';

/** The name of the session cookie over plain HTTP. */
export const SESSION_COOKIE = 'polyphony_session';
/** The name of the session cookie over HTTPS (the browser enforces Secure, Path=/ and no Domain). */
export const SECURE_SESSION_COOKIE = '__Host-polyphony_session';

/** What the cookie needs to know about where Polyphony is served. */
export interface CookiePolicy {
  /** The cookie's Max-Age: the session's absolute lifetime. */
  maxAgeMs: number;
  /** How many proxies in front are believed (X-Forwarded-Proto says HTTPS). */
  trustProxy: number;
  /** PUBLIC_URL: an https:// one means people reach Polyphony over HTTPS. */
  publicUrl: string | undefined;
}

/** The session token of a Hono request, if it has a well-formed one (the __Host- cookie first). */
export function requestSession(c: Context): string | undefined {
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    const token = getCookie(c, name);
    if (token && looksLikeToken(token)) return token;
  }
  return undefined;
}

/** The session token of a raw upgrade request. */
export function upgradeSession(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const found = new Map<string, string>();
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE || name === SECURE_SESSION_COOKIE) {
      try {
        found.set(name, decodeURIComponent(rest.join('=')));
      } catch {
        // A malformed escape is no session.
      }
    }
  }
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    const token = found.get(name);
    if (token && looksLikeToken(token)) return token;
  }
  return undefined;
}

/** Whether the person reached this request over HTTPS. */
export function isSecureRequest(c: Context, policy: CookiePolicy): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (forwardedProto(c, policy.trustProxy) === 'https') return true;
  return policy.publicUrl?.startsWith('https://') ?? false;
}

/** Set the session cookie on a response. */
export function setSessionCookie(c: Context, token: string, policy: CookiePolicy): void {
  const secure = isSecureRequest(c, policy);
  const maxAge = Math.max(1, Math.floor(policy.maxAgeMs / 1000));
  // With prefix 'host', Hono names the cookie __Host-polyphony_session (SECURE_SESSION_COOKIE).
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge,
    ...(secure ? { prefix: 'host' as const } : {}),
  });
  // A cookie of the other name left from before would be read if this one were missing.
  if (secure && getCookie(c, SESSION_COOKIE)) deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Remove the session cookie (leaving this device). */
export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  if (getCookie(c, SESSION_COOKIE)) deleteCookie(c, SESSION_COOKIE, { path: '/' });
  if (getCookie(c, SECURE_SESSION_COOKIE) || isSecureRequest(c, policy)) {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, prefix: 'host' });
  }
}

/** Put the session in the invitation's network as its person. */
export async function joinSession(
  token: string,
  access: AccessStore,
  invitation: InvitationRecord,
): Promise<void> {
  await access.join(hashToken(token), invitation);
}

/** The session's valid membership of a network, if any. */
export async function membershipOf(
  token: string | undefined,
  access: AccessStore,
  networkId: string,
  now: Date,
): Promise<Membership | undefined> {
  return token ? access.membership(hashToken(token), networkId, now) : undefined;
}

/** The session's valid memberships. */
export async function membershipsOf(
  token: string | undefined,
  access: AccessStore,
  now: Date,
): Promise<Membership[]> {
  return token ? access.memberships(hashToken(token), now) : [];
}
