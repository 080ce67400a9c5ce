/** /api/networks: start a network meeting, the network page, people and their links, new meetings. */
import {
  type ActivityEntry,
  type Invitation,
  type MeetingSummary,
  type NetworkDetail,
  PersonInputSchema,
  StartMeetingRequestSchema,
  StartNetworkRequestSchema,
  type StartNetworkResponse,
} from '@polyphony/shared';
import { Hono } from 'hono';
import { ensureSession, joinSession } from '../auth/session.js';
import { meetingSummary, networkSummary } from '../networks/NetworkService.js';
import { baseUrl, type RouteContext, requireMember } from './context.js';
import { jsonBody } from './validate.js';

/** Routes of /api/networks. */
export function networkRoutes(ctx: RouteContext) {
  const { service } = ctx;
  return new Hono()
    .post('/', async (c) => {
      const body = await jsonBody(c, StartNetworkRequestSchema);
      const started = await service.startNetwork(body);
      // The person starting the meeting is in at once, without opening a link.
      const session = await ensureSession(c, ctx.store, ctx.now());
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
      return c.json<NetworkDetail>(detail);
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
