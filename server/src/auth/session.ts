/**
 * The session cookie: set when someone opens their personal link, HttpOnly and SameSite=Lax, holding a
 * random token whose hash is stored. One browser session may belong to several networks (a professional
 * works with many), but to one person per network: the last link opened there.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AccessRepository, Membership } from '../persistence/access.js';
import { looksLikeToken } from './tokens.js';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'polyphony_session';

/** How long the browser keeps the cookie; each membership ends with its invitation anyway. */
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** The session token of a Hono request, if it has a well-formed one. */
export function requestSession(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token && looksLikeToken(token) ? token : undefined;
}

/** The session token of a raw upgrade request. */
export function upgradeSession(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const token = decodeURIComponent(rest.join('='));
      return looksLikeToken(token) ? token : undefined;
    }
  }
  return undefined;
}

/** Set the session cookie on a response. */
export function setSessionCookie(c: Context, token: string): void {
  const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
}

/** The request's session, reusing the one it has or starting a new one (and setting its cookie). */
export function ensureSession(c: Context, access: AccessRepository, now: Date): string {
  const existing = requestSession(c);
  if (existing && access.sessionExists(existing)) return existing;
  const token = access.createSession(now);
  setSessionCookie(c, token);
  return token;
}

/** The request's valid membership of a network, if any. */
export function membershipOf(
  token: string | undefined,
  access: AccessRepository,
  networkId: string,
  now: Date,
): Membership | undefined {
  return token ? access.membership(token, networkId, now) : undefined;
}
