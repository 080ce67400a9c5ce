/**
 * /api/session: this browser's session. GET says whether it works and how long it may; POST /active
 * is what the page sends when someone uses it (touches, keys, scrolling), which keeps the session from
 * ending for idleness; POST /leave ends it here and on every instance ("leave this device"): its
 * sockets close, the cookie is removed, and the browser is told to clear what it stored for this
 * origin (Clear-Site-Data; the page also deletes its local copies itself).
 */
import { createRoute } from '@hono/zod-openapi';
import { CloseCodes, SessionResponseSchema } from '@polyphony/shared';
import { clearSessionCookie, requestSession } from '../auth/session.js';
import { hashToken } from '../auth/tokens.js';
import type { RouteContext } from './context.js';
import { apiRoutes, json, refusal } from './declare.js';

const state = createRoute({
  method: 'get',
  path: '/',
  summary: 'Whether this browser’s session works, and how long it may',
  responses: { 200: json(SessionResponseSchema, 'State') },
});
const active = createRoute({
  method: 'post',
  path: '/active',
  summary: 'Someone is using the page (keeps the session from ending for idleness)',
  responses: {
    204: { description: 'Noted' },
    401: refusal('No working session (session_expired says why): open your personal link'),
  },
});
const leave = createRoute({
  method: 'post',
  path: '/leave',
  summary: 'Leave this device: end the session everywhere, remove the cookie, Clear-Site-Data',
  responses: { 204: { description: 'Left' } },
});

/** Routes of /api/session. */
export function sessionRoutes(ctx: RouteContext) {
  const { sessions } = ctx;
  const idleMinutes = sessions.policy.idleMs / 60_000;
  return apiRoutes()
    .openapi(state, async (c) => {
      const checked = await sessions.check(requestSession(c));
      return c.json(
        checked.ok
          ? { state: 'active' as const, idleMinutes, endsAt: sessions.endsAt(checked.record) }
          : { state: checked.end, idleMinutes, endsAt: null },
        200,
      );
    })
    .openapi(active, async (c) => {
      const session = await sessions.require(c);
      await sessions.touch(session.hash);
      return c.body(null, 204);
    })
    .openapi(leave, async (c) => {
      const token = requestSession(c);
      if (token) {
        const hash = hashToken(token);
        await sessions.end(hash);
        // This instance at once; the others within a second (the session sweep finds it gone).
        ctx.sync.closeConnections(
          (connection) => connection.principal.sessionHash === hash,
          CloseCodes.unauthorized,
        );
      }
      clearSessionCookie(c, sessions.policy);
      c.header('Clear-Site-Data', '"cache", "storage"');
      return c.body(null, 204);
    });
}
