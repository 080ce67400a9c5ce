/**
 * Staff sign-in without an identity provider (issue 17): GET /staff/:token opens a staff sign-in link
 * (teams/StaffService.ts) — a fresh staff session in the HttpOnly cookie, the same idle and lifetime
 * rules as every session — and redirects to the team page, so the token leaves the address bar. A link
 * that does not open redirects to /link-problem, without a cookie. GET /api/team is the team page's
 * data: who is signed in and their teams' networks.
 */
import { createRoute } from '@hono/zod-openapi';
import { type TeamResponse, TeamResponseSchema } from '@polyphony/shared';
import { limitKey } from '../abuse/limits.js';
import { unauthorized } from '../errors.js';
import { networkSummary } from '../networks/NetworkService.js';
import type { RouteContext } from './context.js';
import { apiRoutes, ids, json, refusal } from './declare.js';

const signIn = createRoute({
  method: 'get',
  path: '/{token}',
  summary: 'Open a staff sign-in link: sets the session cookie and redirects to the team page',
  request: { params: ids('token') },
  responses: {
    302: { description: 'To /team, or to /link-problem?reason=…' },
    429: refusal('Too many attempts'),
  },
});

const team = createRoute({
  method: 'get',
  path: '/',
  summary: 'The signed-in staff member and their teams’ networks',
  responses: {
    200: json(TeamResponseSchema, 'The team page'),
    401: refusal('Not signed in as staff'),
  },
});

/** Routes of /staff. */
export function staffSignInRoutes(ctx: RouteContext) {
  return apiRoutes().openapi(signIn, async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const wait = ctx.limits.joins.tryTake(limitKey(ctx.limits, c));
    if (wait > 0) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
      return c.json({ error: 'too_many', message: 'Too many attempts. Wait a minute and try again.' }, 429);
    }
    const used = await ctx.staff.useLink(c.req.param('token'));
    if (!used.ok) return c.redirect(`/link-problem?reason=${used.problem}`, 302);
    await ctx.sessions.openStaff(c, used.staff.id);
    return c.redirect('/team', 302);
  });
}

/** Routes of /api/team. */
export function teamRoutes(ctx: RouteContext) {
  return apiRoutes().openapi(team, async (c) => {
    const session = await ctx.sessions.require(c);
    const staff = await ctx.store.sessionStaff(session.hash);
    if (!staff) throw unauthorized();
    const teams: TeamResponse['teams'] = [];
    for (const place of await ctx.store.teamsOf(staff.id)) {
      const record = await ctx.store.findTeam(place.teamId);
      if (!record) continue;
      const networks = await ctx.store.teamNetworks(record.id);
      const requests = [];
      for (const asked of await ctx.store.openLinkRequests(networks.map((network) => network.id))) {
        const person = await ctx.store.findParticipant(asked.participantId);
        if (person) {
          requests.push({
            networkId: asked.networkId,
            participantId: person.id,
            name: person.name,
            at: asked.createdAt,
          });
        }
      }
      teams.push({
        id: record.id,
        name: record.name,
        role: place.role,
        kind: place.kind,
        networks: networks.map(networkSummary),
        requests,
      });
    }
    return c.json({ staff: { id: staff.id, name: staff.name, email: staff.email }, teams }, 200);
  });
}
