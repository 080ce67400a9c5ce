/** GET /api/me: who this browser is in each network it holds a valid link of. */
import { createRoute } from '@hono/zod-openapi';
import { type MeResponse, MeResponseSchema } from '@polyphony/shared';
import { requestSession } from '../auth/session.js';
import { networkSummary } from '../networks/NetworkService.js';
import type { RouteContext } from './context.js';
import { apiRoutes, json } from './declare.js';

const me = createRoute({
  method: 'get',
  path: '/',
  summary: 'Who this browser is in each network',
  responses: { 200: json(MeResponseSchema, 'Memberships') },
});

/** Routes of /api/me. */
export function meRoutes(ctx: RouteContext) {
  return apiRoutes().openapi(me, async (c) => {
    // A session that ended (idle, lifetime) holds nothing any more.
    const session = await ctx.sessions.check(requestSession(c));
    const memberships = session.ok ? await ctx.store.memberships(session.hash, ctx.now()) : [];
    const result: MeResponse['memberships'] = [];
    for (const membership of memberships) {
      const network = await ctx.store.findNetwork(membership.networkId);
      const participant = await ctx.store.findParticipant(membership.participantId);
      if (network && participant) {
        result.push({
          network: networkSummary(network),
          participant: await ctx.service.participantView(participant),
        });
      }
    }
    return c.json({ memberships: result }, 200);
  });
}
