/**
 * /api/join/pending: a personal link opened from another site while this browser was already someone
 * else in that network (join.ts). The page /switch-person reads who is who here, and the person
 * confirms (POST: this browser becomes the link's person) or declines (DELETE: it stays who it was).
 * Both are same-origin requests (the app refuses foreign origins), so another site cannot confirm.
 */
import { createRoute } from '@hono/zod-openapi';
import { PendingJoinDoneSchema, PendingJoinResponseSchema } from '@polyphony/shared';
import { requestSession } from '../auth/session.js';
import { notFound } from '../errors.js';
import type { RouteContext } from './context.js';
import { apiRoutes, json, refusal } from './declare.js';
import { activeInvitation, clearPendingJoin, completeJoin, pendingJoin } from './join.js';

const NONE = 'There is no link waiting to be opened on this device.';

const pending = createRoute({
  method: 'get',
  path: '/pending',
  summary: 'A link opened from another site, waiting for the person to choose',
  responses: { 200: json(PendingJoinResponseSchema, 'Who is who'), 404: refusal(NONE) },
});
const confirm = createRoute({
  method: 'post',
  path: '/pending',
  summary: 'Become the link’s person',
  responses: { 200: json(PendingJoinDoneSchema, 'Where to go'), 404: refusal(NONE) },
});
const decline = createRoute({
  method: 'delete',
  path: '/pending',
  summary: 'Stay who this browser is',
  responses: { 200: json(PendingJoinDoneSchema, 'Where to go') },
});

/** Routes of /api/join. */
export function joinPendingRoutes(ctx: RouteContext) {
  return apiRoutes()
    .openapi(pending, async (c) => {
      const { invitation } = await activeInvitation(ctx, pendingJoin(c));
      const current = await ctx.sessions.check(requestSession(c));
      const membership =
        invitation &&
        current.ok &&
        (await ctx.store.membership(current.hash, invitation.networkId, ctx.now()));
      const [network, me, them] = invitation
        ? await Promise.all([
            ctx.store.findNetwork(invitation.networkId),
            membership ? ctx.store.findParticipant(membership.participantId) : undefined,
            ctx.store.findParticipant(invitation.participantId),
          ])
        : [];
      if (!network || !me || !them) throw notFound(NONE);
      return c.json(
        {
          centreName: network.centreName,
          current: { name: me.name, relation: me.relation },
          link: { name: them.name, relation: them.relation },
        },
        200,
      );
    })
    .openapi(confirm, async (c) => {
      const { invitation } = await activeInvitation(ctx, pendingJoin(c));
      clearPendingJoin(c);
      if (!invitation) throw notFound(NONE);
      return c.json({ path: await completeJoin(c, ctx, invitation) }, 200);
    })
    .openapi(decline, async (c) => {
      const { invitation } = await activeInvitation(ctx, pendingJoin(c));
      clearPendingJoin(c);
      const latest = invitation && (await ctx.store.listMeetings(invitation.networkId)).at(-1);
      return c.json({ path: latest ? `/m/${latest.id}` : '/' }, 200);
    });
}
