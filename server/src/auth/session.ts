/**
 * The session cookie: set when someone opens their personal link, HttpOnly and SameSite=Lax, holding a
 * random token whose hash is stored. One browser session may belong to several networks (a professional
 * works with many), but to one person per network: the last link opened there.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AccessStore, Membership } from '../persistence/metadata/types.js';
import { hashToken, looksLikeToken, newToken } from './tokens.js';

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
export async function ensureSession(c: Context, access: AccessStore, now: Date): Promise<string> {
  const existing = requestSession(c);
  if (existing && (await access.sessionExists(hashToken(existing)))) return existing;
  const token = newToken();
  await access.createSession(hashToken(token), now.toISOString());
  setSessionCookie(c, token);
  return token;
}

/** Whether a session token is known. */
export async function sessionExists(token: string, access: AccessStore): Promise<boolean> {
  return access.sessionExists(hashToken(token));
}

/** Put the session in the invitation's network as its person. */
export async function joinSession(
  token: string,
  access: AccessStore,
  invitation: Membership['invitation'],
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
