/** GET /api/settings: what the pages need to know before anyone is signed in (the start page, the network page). */
import type { SettingsResponse } from '@polyphony/shared';
import { Hono } from 'hono';
import type { RouteContext } from './context.js';

/** Routes of /api/settings. */
export function settingsRoutes(ctx: RouteContext) {
  const { protection } = ctx;
  return new Hono().get('/', (c) =>
    c.json<SettingsResponse>({
      anonymousStart: protection.allowAnonymousStart,
      retentionDays: protection.retentionDays,
      sessionIdleMinutes: protection.sessionIdleMs / 60_000,
      sessionMaxDays: protection.sessionMaxMs / (24 * 60 * 60 * 1000),
    }),
  );
}
