/** /api/networks: start a network meeting, the network page, people and their links, new meetings. */
import {
  type ActivityEntry,
  can,
  type Invitation,
  type MeetingSummary,
  type NetworkDetail,
  PersonInputSchema,
  type RetentionInfo,
  StartMeetingRequestSchema,
  StartNetworkRequestSchema,
  type StartNetworkResponse,
} from '@polyphony/shared';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { limitKey } from '../abuse/limits.js';
import { joinSession, requestSession } from '../auth/session.js';
import { anonymousStartOff } from '../errors.js';
import { meetingSummary, networkSummary } from '../networks/NetworkService.js';
import { baseUrl, type RouteContext, requireMember } from './context.js';
import { jsonBody } from './validate.js';

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

/** When a network is due for erasure under RETENTION_DAYS (undefined without it). */
export async function retentionOf(ctx: RouteContext, networkId: string): Promise<RetentionInfo | undefined> {
  const days = ctx.protection.retentionDays;
  if (days === null) return undefined;
  const lastActivityAt = await ctx.store.lastActivity(networkId);
  if (!lastActivityAt) return undefined;
  const dueAt = new Date(Date.parse(lastActivityAt) + days * 24 * 60 * 60 * 1000).toISOString();
  return { days, lastActivityAt, dueAt };
}

/** Routes of /api/networks. */
export function networkRoutes(ctx: RouteContext) {
  const { service } = ctx;
  return new Hono()
    .post('/', async (c) => {
      // Anonymous starts (from a browser that is no professional in any network here) are limited
      // per client address, and the operator may turn them off.
      if (!(await isTeamMember(c, ctx))) {
        if (!ctx.protection.allowAnonymousStart) throw anonymousStartOff();
        ctx.limits.starts.take(limitKey(ctx.limits, c));
      }
      const body = await jsonBody(c, StartNetworkRequestSchema);
      const started = await service.startNetwork(body);
      // The person starting the meeting is in at once, without opening a link (with a fresh value).
      const session = await ctx.sessions.open(c);
      await joinSession(session, ctx.store, started.myInvitation);
      const base = baseUrl(c, ctx);
      return c.json<StartNetworkResponse>(
        {
          network: networkSummary(started.network),
          meeting: meetingSummary(started.meeting),
          me: await service.participantView(started.me),
          invitations: await Promise.all(
            started.invitations.map(({ participant, token, record }) =>
              service.invitationView(participant, token, record, base),
            ),
          ),
        },
        201,
      );
    })
    .get('/:id', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const detail = await service.networkDetail(me.networkId, me.id);
      for (const meeting of detail.meetings) meeting.news = await ctx.history.hasNews(me.id, meeting.id);
      // The page shows plan items: a read of the record, in the log (once in a while per person).
      await service.recordNetworkView(me.networkId, me.id);
      const retention = await retentionOf(ctx, me.networkId);
      return c.json<NetworkDetail>(retention ? { ...detail, retention } : detail);
    })
    .get('/:id/activity', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      return c.json<ActivityEntry[]>(await service.activityLog(me.networkId));
    })
    .post('/:id/people', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const person = await jsonBody(c, PersonInputSchema);
      const { participant, token, record } = await service.invite(me.networkId, me, person);
      return c.json<Invitation>(
        await service.invitationView(participant, token, record, baseUrl(c, ctx)),
        201,
      );
    })
    .post('/:id/people/:participantId/revoke', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      await service.revoke(me.networkId, me, c.req.param('participantId'));
      const subject = await ctx.store.findParticipant(c.req.param('participantId'));
      return c.json(subject ? await service.participantView(subject) : null);
    })
    .post('/:id/people/:participantId/reissue', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const { participant, token, record } = await service.reissue(
        me.networkId,
        me,
        c.req.param('participantId'),
      );
      return c.json<Invitation>(
        await service.invitationView(participant, token, record, baseUrl(c, ctx)),
        201,
      );
    })
    .post('/:id/meetings', async (c) => {
      const me = await requireMember(c, ctx, c.req.param('id'));
      const body = await jsonBody(c, StartMeetingRequestSchema);
      const meeting = await service.startMeeting(me.networkId, me, body.title);
      return c.json<MeetingSummary>(meetingSummary(meeting), 201);
    });
}
