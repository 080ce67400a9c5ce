/**
 * Staff sign-in without an identity provider (issue 17): GET /staff/:token opens a staff sign-in link
 * (teams/StaffService.ts) — a fresh staff session in the HttpOnly cookie, the same idle and lifetime
 * rules as every session — and redirects to the team page, so the token leaves the address bar. A link
 * that does not open redirects to /link-problem, without a cookie. GET /api/team is the team page's
 * data: who is signed in and their teams' networks.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { TEAM_SEARCH_MAX, TeamResponseSchema } from '@polyphony/shared';
import type { Context } from 'hono';
import { limitKey } from '../abuse/limits.js';
import { badRequest, forbidden, notFound, unauthorized } from '../errors.js';
import { teamPage } from '../teams/teamPage.js';
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
  summary: 'The signed-in staff member and their teams’ networks (q: the first name of a network’s person)',
  request: {
    // Checked by the handler (trimmed, at most TEAM_SEARCH_MAX letters: 400 otherwise).
    query: z.object({ q: z.string().optional().openapi({ maxLength: TEAM_SEARCH_MAX }) }),
  },
  responses: {
    200: json(TeamResponseSchema, 'The team page'),
    400: refusal('The search is too long'),
    401: refusal('Not signed in as staff'),
  },
});

const removeMember = createRoute({
  method: 'delete',
  path: '/{teamId}/members/{staffId}',
  summary: 'Take someone out of the team (its admins): their access to every network of the team ends',
  request: { params: ids('teamId', 'staffId') },
  responses: {
    204: { description: 'Removed; their sockets and video closed' },
    401: refusal('Not signed in as staff'),
    403: refusal('Only the team’s admins remove members'),
    404: refusal('No such member of this team'),
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
  const signedInStaff = async (c: Context) => {
    const session = await ctx.sessions.require(c);
    const staff = await ctx.store.sessionStaff(session.hash);
    if (!staff) throw unauthorized();
    return staff;
  };
  return apiRoutes()
    .openapi(team, async (c) => {
      const staff = await signedInStaff(c);
      const search = (c.req.query('q') ?? '').trim();
      if (search.length > TEAM_SEARCH_MAX) throw badRequest('Search by a first name (a few letters).');
      return c.json(await teamPage(ctx, staff, search), 200);
    })
    .openapi(removeMember, async (c) => {
      const staff = await signedInStaff(c);
      const { teamId, staffId } = c.req.param();
      const place = (await ctx.store.teamsOf(staff.id)).find((each) => each.teamId === teamId);
      if (!place) throw notFound('No such member of this team.');
      if (place.role !== 'admin') throw forbidden('Only the team’s admins remove members.');
      const left = await ctx.store.leaveTeam({ teamId, staffId, at: ctx.now().toISOString() });
      if (!left) throw notFound('No such member of this team.');
      // At once here; other instances' access sweeps find the departure within a second. The departure
      // first: a socket opened with the personal link that ended with it closes as "left the team" too.
      ctx.service.endPeopleAccess(left.people);
      ctx.service.endAccess(left.revokedInvitations);
      return c.body(null, 204);
    });
}
