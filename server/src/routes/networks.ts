/** /api/networks: start a network meeting, the network page, people and their links, new meetings. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  ActivityEntrySchema,
  can,
  InvitationSchema,
  MeetingSummarySchema,
  NetworkDetailSchema,
  ParticipantSchema,
  PersonInputSchema,
  type RetentionInfo,
  StartMeetingRequestSchema,
  StartNetworkRequestSchema,
  StartNetworkResponseSchema,
} from '@polyphony/shared';
import type { Context } from 'hono';
import { limitKey } from '../abuse/limits.js';
import { joinSession, requestSession } from '../auth/session.js';
import { anonymousStartOff, networkNotFound, unauthorized } from '../errors.js';
import { meetingSummary, networkSummary } from '../networks/NetworkService.js';
import { anonymousStartAllowed } from '../teams/anonymousStart.js';
import { baseUrl, type RouteContext, requireMember } from './context.js';
import { apiRoutes, body, ids, json, memberRefusals, refusal, requestBody } from './declare.js';

/** Whether the request's session is a member of the professional team in any network here. */
async function isTeamMember(c: Context, ctx: RouteContext): Promise<boolean> {
  const session = await ctx.sessions.check(requestSession(c));
  if (!session.ok) return false;
  for (const membership of await ctx.store.memberships(session.hash, ctx.now())) {
    const person = await ctx.store.findParticipant(membership.participantId);
    if (person && can(person.role, 'team')) return true;
  }
  return false;
}

/**
 * The team a staff session starts a network in: the one asked for (which must be theirs), or their only
 * team. Undefined for a browser that is not signed in as staff; 404 for a team that is not theirs.
 */
async function teamStart(c: Context, ctx: RouteContext, teamId: string | undefined) {
  const session = await ctx.sessions.check(requestSession(c));
  const staff = session.ok ? await ctx.store.sessionStaff(session.hash) : undefined;
  if (!staff) {
    if (teamId !== undefined) throw unauthorized();
    return undefined;
  }
  const teams = await ctx.store.teamsOf(staff.id);
  const place =
    teamId === undefined
      ? teams.length === 1
        ? teams[0]
        : undefined
      : teams.find((t) => t.teamId === teamId);
  if (!place) throw networkNotFound();
  return { staff, teamId: place.teamId };
}

/** When a network is due for erasure under RETENTION_DAYS (undefined without it). */
export async function retentionOf(ctx: RouteContext, networkId: string): Promise<RetentionInfo | undefined> {
  const days = ctx.protection.retentionDays;
  if (days === null) return undefined;
  const lastActivityAt = await ctx.store.lastActivity(networkId);
  if (!lastActivityAt) return undefined;
  const dueAt = new Date(Date.parse(lastActivityAt) + days * 24 * 60 * 60 * 1000).toISOString();
  return { days, lastActivityAt, dueAt };
}

const startNetwork = createRoute({
  method: 'post',
  path: '/',
  summary: 'Start a network and its first meeting, with a personal link for everyone',
  request: { body: body(StartNetworkRequestSchema) },
  responses: {
    201: json(StartNetworkResponseSchema, 'Started; sets the session cookie of the person starting it'),
    400: refusal('Invalid request'),
    403: refusal('Anonymous starts are turned off here'),
    429: refusal('Too many starts from this address'),
  },
});
const networkPage = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'The network page',
  request: { params: ids('id') },
  responses: { 200: json(NetworkDetailSchema, 'Network'), ...memberRefusals },
});
const activity = createRoute({
  method: 'get',
  path: '/{id}/activity',
  summary: 'The activity log',
  request: { params: ids('id') },
  responses: { 200: json(z.array(ActivityEntrySchema), 'Entries, newest first'), ...memberRefusals },
});
const invite = createRoute({
  method: 'post',
  path: '/{id}/people',
  summary: 'Invite a person',
  request: { params: ids('id'), body: body(PersonInputSchema) },
  responses: { 201: json(InvitationSchema, 'The invitation with its link, shown once'), ...memberRefusals },
});
const revoke = createRoute({
  method: 'post',
  path: '/{id}/people/{participantId}/revoke',
  summary: "Revoke a person's link; their connections close",
  request: { params: ids('id', 'participantId') },
  responses: { 200: json(ParticipantSchema.nullable(), 'The person'), ...memberRefusals },
});
const reissue = createRoute({
  method: 'post',
  path: '/{id}/people/{participantId}/reissue',
  summary: 'A new link for a person; the old one stops working',
  request: { params: ids('id', 'participantId') },
  responses: { 201: json(InvitationSchema, 'The invitation'), ...memberRefusals },
});
const nextMeeting = createRoute({
  method: 'post',
  path: '/{id}/meetings',
  summary: 'Start the next meeting, carrying over open plan items and questions',
  request: { params: ids('id'), body: body(StartMeetingRequestSchema) },
  responses: { 201: json(MeetingSummarySchema, 'The meeting'), ...memberRefusals },
});

/** Routes of /api/networks. */
export function networkRoutes(ctx: RouteContext) {
  const { service } = ctx;
  return apiRoutes()
    .openapi(startNetwork, async (c) => {
      // Anonymous starts (from a browser that is no professional in any network here) are limited
      // per client address, and the operator may turn them off.
      const request = await requestBody(c, startNetwork);
      // A professional signed in as staff starts the network inside their team, as themselves.
      const staffStart = await teamStart(c, ctx, request.teamId);
      if (!staffStart && !(await isTeamMember(c, ctx))) {
        if (!(await anonymousStartAllowed(ctx.protection.allowAnonymousStart, ctx.store)))
          throw anonymousStartOff();
        ctx.limits.starts.take(limitKey(ctx.limits, c));
      }
      const { teamId: _teamId, ...asked } = request;
      const started = await service.startNetwork(
        staffStart
          ? {
              ...asked,
              me: { ...asked.me, name: staffStart.staff.name, role: 'professional' },
              team: { teamId: staffStart.teamId, staffId: staffStart.staff.id },
            }
          : asked,
      );
      // The person starting the meeting is in at once, without opening a link (with a fresh value);
      // staff are in through their team, and keep their staff session.
      if (!staffStart) {
        const session = await ctx.sessions.open(c);
        await joinSession(session, ctx.store, started.myInvitation);
      }
      const base = baseUrl(c, ctx);
      return c.json(
        {
          network: networkSummary(started.network),
          meeting: meetingSummary(started.meeting),
          me: await service.participantView(started.me),
          invitations: await Promise.all(
            // Staff are in through their team: no link of theirs is handed out.
            started.invitations
              .slice(staffStart ? 1 : 0)
              .map(({ participant, token, record }) =>
                service.invitationView(participant, token, record, base),
              ),
          ),
        },
        201,
      );
    })
    .openapi(networkPage, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const detail = await service.networkDetail(me.networkId, me.id);
      for (const meeting of detail.meetings) meeting.news = await ctx.history.hasNews(me.id, meeting.id);
      // The page shows plan items: a read of the record, in the log (once in a while per person).
      await service.recordNetworkView(me.networkId, me.id);
      const retention = await retentionOf(ctx, me.networkId);
      return c.json(retention ? { ...detail, retention } : detail, 200);
    })
    .openapi(activity, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      return c.json(await service.activityLog(me.networkId), 200);
    })
    .openapi(invite, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const person = await requestBody(c, invite);
      const { participant, token, record } = await service.invite(me.networkId, me, person);
      return c.json(await service.invitationView(participant, token, record, baseUrl(c, ctx)), 201);
    })
    .openapi(revoke, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      await service.revoke(me.networkId, me, c.req.param('participantId'));
      const subject = await ctx.store.findParticipant(c.req.param('participantId'));
      return c.json(subject ? await service.participantView(subject) : null, 200);
    })
    .openapi(reissue, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const { participant, token, record } = await service.reissue(
        me.networkId,
        me,
        c.req.param('participantId'),
      );
      return c.json(await service.invitationView(participant, token, record, baseUrl(c, ctx)), 201);
    })
    .openapi(nextMeeting, async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const { title } = await requestBody(c, nextMeeting);
      const meeting = await service.startMeeting(me.networkId, me, title);
      return c.json(meetingSummary(meeting), 201);
    });
}
