/** GET /api/settings: what the pages need to know before anyone is signed in (the start page, the network page). */
import { createRoute } from '@hono/zod-openapi';
import { SettingsResponseSchema } from '@polyphony/shared';
import { anonymousStartAllowed } from '../teams/anonymousStart.js';
import type { RouteContext } from './context.js';
import { apiRoutes, json } from './declare.js';

const settings = createRoute({
  method: 'get',
  path: '/',
  summary: 'Anonymous starting, retention, session limits',
  responses: { 200: json(SettingsResponseSchema, 'Settings') },
});

/** Routes of /api/settings. */
export function settingsRoutes(ctx: RouteContext) {
  const { protection } = ctx;
  return apiRoutes().openapi(settings, async (c) =>
    c.json(
      {
        anonymousStart: await anonymousStartAllowed(protection.allowAnonymousStart, ctx.store),
        retentionDays: protection.retentionDays,
        sessionIdleMinutes: protection.sessionIdleMs / 60_000,
        sessionMaxDays: protection.sessionMaxMs / (24 * 60 * 60 * 1000),
        organisationSignIn: ctx.oidc !== undefined,
      },
      200,
    ),
  );
}
