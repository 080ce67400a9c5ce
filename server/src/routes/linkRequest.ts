/**
 * A relative whose link has expired asks the team for a new one (issue 17). Opening the expired link
 * leaves its token in a short-lived HttpOnly cookie that only POST /api/link-requests reads; the
 * request is stored once (until a professional re-issues the link, which answers it) and is in the
 * network's activity log. It says nothing about the network to the asker: 204 either way once the link
 * was an expired one of its person's latest.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isSecureRequest } from '../auth/session.js';
import { hashToken, looksLikeToken, newId } from '../auth/tokens.js';
import { notFound } from '../errors.js';
import { linkState } from '../persistence/metadata/types.js';
import type { RouteContext } from './context.js';
import { apiRoutes, refusal } from './declare.js';

/** The cookie holding an expired link's token until its person asks for a new one. */
export const EXPIRED_LINK_COOKIE = 'polyphony_expired_link';
const PATH = '/api/link-requests';

export function rememberExpiredLink(c: Context, ctx: RouteContext, token: string): void {
  setCookie(c, EXPIRED_LINK_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c, ctx.sessions.policy),
    path: PATH,
    maxAge: 60 * 60,
  });
}

const request = createRoute({
  method: 'post',
  path: '/',
  summary: 'Ask the team for a new link (after opening an expired one)',
  responses: {
    204: { description: 'Asked; the team sees it on the team page and the network page' },
    404: refusal('No expired link was opened in this browser'),
  },
});

/** Routes of /api/link-requests. */
export function linkRequestRoutes(ctx: RouteContext) {
  return apiRoutes().openapi(request, async (c) => {
    const token = getCookie(c, EXPIRED_LINK_COOKIE);
    const invitation =
      token && looksLikeToken(token)
        ? await ctx.store.findInvitationByTokenHash(hashToken(token))
        : undefined;
    const latest = invitation && (await ctx.store.latestInvitation(invitation.participantId));
    // Only the person's latest link, and only once it has expired (not revoked: revoking is on purpose).
    if (!invitation || latest?.id !== invitation.id || linkState(invitation, ctx.now()) !== 'expired') {
      throw notFound('Open the link you were given first.');
    }
    await ctx.store.requestLink({
      id: newId(),
      networkId: invitation.networkId,
      participantId: invitation.participantId,
      at: ctx.now().toISOString(),
    });
    deleteCookie(c, EXPIRED_LINK_COOKIE, { path: PATH });
    return c.body(null, 204);
  });
}
