/**
 * POST /api/team/:teamId/invitations (issue 17, [OI8]): a team admin lets one address enter the team by
 * signing in with the organisation's identity provider (admission.ts: a verified address only). Only an
 * admin of that team may; the body is one address; a team holds at most MAX_INVITATIONS of them.
 */
import { createRoute } from '@hono/zod-openapi';
import { TeamInvitationRequestSchema, TeamInvitationsResponseSchema } from '@polyphony/shared';
import { conflict, forbidden, notFound, unauthorized } from '../errors.js';
import type { RouteContext } from './context.js';
import { apiRoutes, body, ids, json, refusal, requestBody } from './declare.js';

/** The most addresses one team may have invited. */
export const MAX_INVITATIONS = 1000;

const invite = createRoute({
  method: 'post',
  path: '/{teamId}/invitations',
  summary: 'A team admin invites an address to sign in with the organisation into the team',
  request: { params: ids('teamId'), body: body(TeamInvitationRequestSchema) },
  responses: {
    201: json(TeamInvitationsResponseSchema, 'The team’s invited addresses'),
    400: refusal('Not an e-mail address'),
    401: refusal('Not signed in as staff'),
    403: refusal('Not an admin of this team'),
    404: refusal('Not one of your teams'),
    409: refusal('The team has invited as many addresses as it may'),
  },
});

/** Routes of /api/team (beside routes/team.ts). */
export function teamInvitationRoutes(ctx: RouteContext) {
  return apiRoutes().openapi(invite, async (c) => {
    const session = await ctx.sessions.require(c);
    const staff = await ctx.store.sessionStaff(session.hash);
    if (!staff) throw unauthorized();
    const place = (await ctx.store.teamsOf(staff.id)).find((each) => each.teamId === c.req.param('teamId'));
    if (!place) throw notFound('This is not one of your teams.');
    if (place.role !== 'admin') throw forbidden('Only an admin of the team may invite.');
    const { email } = await requestBody(c, invite);
    const address = email.toLowerCase();
    const invited = await ctx.store.teamInvitations(place.teamId);
    if (!invited.includes(address) && invited.length >= MAX_INVITATIONS) {
      throw conflict(`A team may have invited at most ${MAX_INVITATIONS} addresses.`);
    }
    await ctx.store.inviteToTeam({
      teamId: place.teamId,
      email: address,
      invitedBy: staff.id,
      at: ctx.now().toISOString(),
    });
    return c.json({ invited: await ctx.store.teamInvitations(place.teamId) }, 201);
  });
}
