/**
 * GET /join/:token: a personal link. A valid one adds its person to the browser's session (setting the
 * HttpOnly cookie) and redirects to the network's latest meeting, so the token does not stay in the
 * address bar or the history. Anything else redirects to a page that says what is wrong, without a cookie.
 */
import { Hono } from 'hono';
import { ensureSession, joinSession } from '../auth/session.js';
import { hashToken, looksLikeToken } from '../auth/tokens.js';
import { linkState } from '../persistence/metadata/types.js';
import type { RouteContext } from './context.js';

/** Routes of /join. */
export function joinRoutes(ctx: RouteContext) {
  return new Hono().get('/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('token');
    const invitation = looksLikeToken(token)
      ? await ctx.store.findInvitationByTokenHash(hashToken(token))
      : undefined;
    const now = ctx.now();
    const state = invitation ? linkState(invitation, now) : 'invalid';
    if (!invitation || state !== 'active') return c.redirect(`/link-problem?reason=${state}`, 302);
    const session = await ensureSession(c, ctx.store, now);
    await joinSession(session, ctx.store, invitation);
    await ctx.service.touch(invitation.participantId);
    await ctx.service.recordJoin(invitation.networkId, invitation.participantId);
    const latest = (await ctx.store.listMeetings(invitation.networkId)).at(-1);
    return c.redirect(latest ? `/m/${latest.id}` : `/n/${invitation.networkId}`, 302);
  });
}
