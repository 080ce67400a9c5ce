/** GET /api/me: who this browser is in each network it holds a valid link of. */
import type { MeResponse } from '@polyphony/shared';
import { Hono } from 'hono';
import { requestSession } from '../auth/session.js';
import { networkSummary } from '../networks/NetworkService.js';
import type { RouteContext } from './context.js';

/** Routes of /api/me. */
export function meRoutes(ctx: RouteContext) {
  return new Hono().get('/', (c) => {
    const token = requestSession(c);
    const memberships = token ? ctx.access.memberships(token, ctx.now()) : [];
    const result: MeResponse['memberships'] = [];
    for (const membership of memberships) {
      const network = ctx.networks.findNetwork(membership.networkId);
      const participant = ctx.networks.findParticipant(membership.participantId);
      if (network && participant) {
        result.push({
          network: networkSummary(network),
          participant: ctx.service.participantView(participant),
        });
      }
    }
    return c.json<MeResponse>({ memberships: result });
  });
}
