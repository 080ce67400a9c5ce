/**
 * Letting someone new in (issue 18): /api/meetings/:id/admission for the members (the code shown, who
 * waits, letting them in or not) and /api/ask for the newcomer, who has no session and is told nothing of
 * the network — only whether they still wait. Asking is limited per client address (429 with
 * Retry-After) and per meeting (MAX_WAITING).
 */
import { createRoute } from '@hono/zod-openapi';
import {
  AdmissionDecisionSchema,
  AdmissionStateSchema,
  AskEnterResponseSchema,
  AskStateSchema,
  AskToJoinRequestSchema,
  NudgeTopic,
} from '@polyphony/shared';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { limitKey } from '../abuse/limits.js';
import { isSecureRequest } from '../auth/session.js';
import { looksLikeToken } from '../auth/tokens.js';
import { Admission } from '../networks/admission.js';
import { baseUrl, type RouteContext, requireMeetingMember } from './context.js';
import { apiRoutes, body, ids, json, memberRefusals, refusal, requestBody } from './declare.js';
import { activeInvitation, completeJoin } from './join.js';

/** The cookie that holds a waiting newcomer's request token (their link, once admitted). */
export const ASK_COOKIE = 'polyphony_ask';
const ASK_COOKIE_SECONDS = 12 * 60 * 60;

const state = createRoute({
  method: 'get',
  path: '/{id}/admission',
  summary: 'The "ask to join" link shown for the meeting, and who is waiting to be let in',
  request: { params: ids('id') },
  responses: { 200: json(AdmissionStateSchema, 'The code and who waits'), ...memberRefusals },
});
const open = createRoute({
  method: 'post',
  path: '/{id}/admission',
  summary: 'Show a new "ask to join" code (the one before stops working)',
  request: { params: ids('id') },
  responses: {
    201: json(AdmissionStateSchema, 'The code and who waits'),
    409: refusal('The meeting is closed'),
    ...memberRefusals,
  },
});
const close = createRoute({
  method: 'delete',
  path: '/{id}/admission',
  summary: 'Turn the "ask to join" code off',
  request: { params: ids('id') },
  responses: { 200: json(AdmissionStateSchema, 'Who still waits'), ...memberRefusals },
});
const decide = createRoute({
  method: 'post',
  path: '/{id}/admission/{requestId}',
  summary: 'Let someone waiting in (with a role) or not',
  request: { params: ids('id', 'requestId'), body: body(AdmissionDecisionSchema) },
  responses: {
    200: json(AdmissionStateSchema, 'Who still waits'),
    409: refusal('Someone else answered first'),
    ...memberRefusals,
  },
});

const ask = createRoute({
  method: 'post',
  path: '/codes/{code}',
  summary: 'Ask to join a meeting with its code; sets the cookie the newcomer waits with',
  request: { params: ids('code'), body: body(AskToJoinRequestSchema) },
  responses: {
    201: json(AskStateSchema, 'Waiting'),
    400: refusal('Invalid request'),
    404: refusal('The code is not valid (meeting closed, or turned off)'),
    429: refusal('Too many requests from here, or too many waiting for this meeting'),
  },
});
const asked = createRoute({
  method: 'get',
  path: '/request',
  summary: "Where this browser's request to join stands",
  responses: { 200: json(AskStateSchema, 'Waiting, let in, not let in, or none') },
});
const enter = createRoute({
  method: 'post',
  path: '/request/enter',
  summary: 'An admitted newcomer comes in: sets the session cookie; their personal link, shown once',
  responses: {
    200: json(AskEnterResponseSchema, 'Where to go, and the personal link'),
    404: refusal('Not let in (yet)'),
  },
});

function admissionOf(ctx: RouteContext): Admission {
  return new Admission(ctx.store, ctx.now, () => ctx.service.linkLifetimeMs);
}

/** The request token of this browser, if it holds one. */
function askToken(c: Context): string | undefined {
  const token = getCookie(c, ASK_COOKIE);
  return token && looksLikeToken(token) ? token : undefined;
}

/** Everyone present in the meeting fetches its admission again at once (message 18, on every instance). */
function nudge(ctx: RouteContext, meetingId: string): void {
  ctx.sync.nudge(meetingId, NudgeTopic.admission);
}

/** Routes of /api/meetings/:id/admission. */
export function meetingAdmissionRoutes(ctx: RouteContext) {
  const admission = admissionOf(ctx);
  return apiRoutes()
    .openapi(state, async (c) => {
      const { meeting } = await requireMeetingMember(c, ctx);
      return c.json(await admission.state(meeting, baseUrl(c, ctx)), 200);
    })
    .openapi(open, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      await admission.open(meeting, me);
      nudge(ctx, meeting.id);
      return c.json(await admission.state(meeting, baseUrl(c, ctx)), 201);
    })
    .openapi(close, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      await admission.close(meeting, me);
      nudge(ctx, meeting.id);
      return c.json(await admission.state(meeting, baseUrl(c, ctx)), 200);
    })
    .openapi(decide, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const choice = await requestBody(c, decide);
      await admission.decide(meeting, me, c.req.param('requestId'), choice);
      nudge(ctx, meeting.id);
      return c.json(await admission.state(meeting, baseUrl(c, ctx)), 200);
    });
}

/** Routes of /api/ask: the newcomer's side. */
export function askRoutes(ctx: RouteContext) {
  const admission = admissionOf(ctx);
  return apiRoutes()
    .openapi(ask, async (c) => {
      c.header('Cache-Control', 'no-store');
      ctx.limits.asks.take(limitKey(ctx.limits, c));
      const person = await requestBody(c, ask);
      const { token, meetingId } = await admission.ask(c.req.param('code'), person);
      nudge(ctx, meetingId);
      setCookie(c, ASK_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isSecureRequest(c, ctx.sessions.policy),
        path: '/api/ask',
        maxAge: ASK_COOKIE_SECONDS,
      });
      return c.json({ state: 'waiting' as const }, 201);
    })
    .openapi(asked, async (c) => {
      c.header('Cache-Control', 'no-store');
      const token = askToken(c);
      const request = token ? await admission.findByToken(token) : undefined;
      return c.json({ state: request ? (request.decision ?? 'waiting') : ('none' as const) }, 200);
    })
    .openapi(enter, async (c) => {
      c.header('Cache-Control', 'no-store');
      const token = askToken(c);
      const { invitation } = await activeInvitation(ctx, token);
      if (!token || !invitation) {
        return c.json({ error: 'not_found' as const, message: 'You have not been let in (yet).' }, 404);
      }
      const path = await completeJoin(c, ctx, invitation);
      deleteCookie(c, ASK_COOKIE, { path: '/api/ask' });
      return c.json({ path, url: `${baseUrl(c, ctx)}/join/${token}` }, 200);
    });
}
