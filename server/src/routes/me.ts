/** GET /api/me: who this browser is in each network it holds a valid link of. */
import type { MeResponse } from '@polyphony/shared';
import { Hono } from 'hono';
import { requestSession } from '../auth/session.js';
import { networkSummary } from '../networks/NetworkService.js';
import type { RouteContext } from './context.js';

/** Routes of /api/me. */
export function meRoutes(ctx: RouteContext) {
  return new Hono().get('/', async (c) => {
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
    return c.json<MeResponse>({ memberships: result });
  });
}
