/**
 * GET /join/:token: a personal link. A valid one gives the browser a fresh session value (whatever
 * value it held before, planted or not, stops existing), adds the link's person to it (setting the
 * HttpOnly cookie) and redirects to the network's latest meeting, so the token does not stay in the
 * address bar or the history. Anything else redirects to a page that says what is wrong, without a
 * cookie.
 *
 * A link opened from another site (Sec-Fetch-Site: cross-site or same-site) while this browser is
 * already someone else in that network does not switch person silently: the token waits in a
 * short-lived HttpOnly cookie and the person is asked (/switch-person, joinPending.ts). Openings are
 * limited per client address (429 with Retry-After).
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { limitKey } from '../abuse/limits.js';
import { isSecureRequest, joinSession, requestSession } from '../auth/session.js';
import { hashToken, looksLikeToken } from '../auth/tokens.js';
import { type InvitationRecord, linkState } from '../persistence/metadata/types.js';
import type { RouteContext } from './context.js';
import { apiRoutes, file, ids } from './declare.js';
import { rememberExpiredLink } from './linkRequest.js';

const join = createRoute({
  method: 'get',
  path: '/{token}',
  summary: 'Open a personal link: sets the session cookie and redirects to the meeting',
  request: { params: ids('token') },
  responses: {
    302: { description: 'To the meeting, or to /link-problem?reason=…, or to /switch-person' },
    429: file('text/html', 'Too many attempts: a page that says so'),
  },
});

/** The cookie holding a link opened from another site until the person says who they are. */
export const PENDING_JOIN_COOKIE = 'polyphony_pending_join';
const PENDING_JOIN_SECONDS = 10 * 60;

/** Put the browser in the invitation's network as its person, with a fresh session value; where to go next. */
export async function completeJoin(
  c: Context,
  ctx: RouteContext,
  invitation: InvitationRecord,
): Promise<string> {
  const session = await ctx.sessions.open(c);
  await joinSession(session, ctx.store, invitation);
  await ctx.service.touch(invitation.participantId);
  await ctx.service.recordJoin(invitation.networkId, invitation.participantId);
  const latest = (await ctx.store.listMeetings(invitation.networkId)).at(-1);
  return latest ? `/m/${latest.id}` : `/n/${invitation.networkId}`;
}

/** The active invitation of a token, if it is one. */
export async function activeInvitation(ctx: RouteContext, token: string | undefined) {
  const invitation =
    token && looksLikeToken(token) ? await ctx.store.findInvitationByTokenHash(hashToken(token)) : undefined;
  const state = invitation ? linkState(invitation, ctx.now()) : 'invalid';
  return { invitation: state === 'active' ? invitation : undefined, state };
}

/** Keep a link opened from another site until the person confirms (joinPending.ts). */
export function setPendingJoin(c: Context, ctx: RouteContext, token: string): void {
  setCookie(c, PENDING_JOIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c, ctx.sessions.policy),
    path: '/api/join',
    maxAge: PENDING_JOIN_SECONDS,
  });
}

/** The link waiting for confirmation, if any. */
export function pendingJoin(c: Context): string | undefined {
  return getCookie(c, PENDING_JOIN_COOKIE);
}

/** Forget the link waiting for confirmation. */
export function clearPendingJoin(c: Context): void {
  deleteCookie(c, PENDING_JOIN_COOKIE, { path: '/api/join' });
}

/** Routes of /join. */
export function joinRoutes(ctx: RouteContext, tooManyPage: () => string | undefined) {
  return apiRoutes().openapi(join, async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const wait = ctx.limits.joins.tryTake(limitKey(ctx.limits, c));
    if (wait > 0) {
      // A page the browser shows (the client's, which says what happened in the reader's language).
      c.header('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
      const page = tooManyPage();
      return page
        ? c.html(page, 429)
        : c.text('Too many attempts. Wait a minute and open your link again.', 429);
    }
    const token = c.req.param('token');
    const { invitation, state } = await activeInvitation(ctx, token);
    if (!invitation) {
      // An expired link may ask the team for a new one (linkRequest.ts): it waits in a cookie only
      // that request reads, so the token is not in the page's address.
      if (state === 'expired') rememberExpiredLink(c, ctx, token);
      return c.redirect(`/link-problem?reason=${state}`, 302);
    }
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      const current = await ctx.sessions.check(requestSession(c));
      const membership =
        current.ok && (await ctx.store.membership(current.hash, invitation.networkId, ctx.now()));
      if (membership && membership.participantId !== invitation.participantId) {
        setPendingJoin(c, ctx, token);
        return c.redirect('/switch-person', 302);
      }
    }
    return c.redirect(await completeJoin(c, ctx, invitation), 302);
  });
}
