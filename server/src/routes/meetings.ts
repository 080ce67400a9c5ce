/** /api/meetings/:id: a meeting and who you are in it, closing it, its frozen "as agreed" version. */
import { createRoute } from '@hono/zod-openapi';
import { MeetingDetailSchema, MeetingSummarySchema } from '@polyphony/shared';
import { meetingNotFound, notFound } from '../errors.js';
import { meetingSummary, networkSummary } from '../networks/NetworkService.js';
import { type RouteContext, requireMeetingMember } from './context.js';
import { apiRoutes, file, ids, json, memberRefusals } from './declare.js';

const meetingPage = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'A meeting and who you are in it',
  request: { params: ids('id') },
  responses: { 200: json(MeetingDetailSchema, 'Meeting'), ...memberRefusals },
});
const close = createRoute({
  method: 'post',
  path: '/{id}/close',
  summary: 'Close a meeting, freezing the version "as agreed in the meeting"',
  request: { params: ids('id') },
  responses: { 200: json(MeetingSummarySchema, 'The meeting'), ...memberRefusals },
});
const agreed = createRoute({
  method: 'get',
  path: '/{id}/agreed',
  summary: 'The frozen "as agreed" version, as a Yjs update',
  request: { params: ids('id') },
  responses: { 200: file('application/octet-stream', 'A Yjs update'), ...memberRefusals },
});

/** Routes of /api/meetings. */
export function meetingRoutes(ctx: RouteContext) {
  const { service, store, history } = ctx;

  return apiRoutes()
    .openapi(meetingPage, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const network = await store.findNetwork(meeting.networkId);
      if (!network) throw meetingNotFound();
      return c.json(
        {
          meeting: meetingSummary(meeting),
          network: networkSummary(network),
          me: await service.participantView(me),
          people: await service.peopleOf(network.id),
          meetings: (await store.listMeetings(network.id)).reverse().map(meetingSummary),
          documentRewrittenAt: (await store.documentRewrites([meeting.id])).get(meeting.id) ?? null,
          listening: (await service.presenceForExport(meeting)).listening.map((person) => person.id),
        },
        200,
      );
    })
    .openapi(close, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const wasOpen = !meeting.closedAt;
      const closed = await service.closeMeeting(meeting.id, me);
      history.meetingClosed(meeting.id);
      // The version at closing is in the history, beside the frozen "as agreed" one.
      if (wasOpen)
        await history.takeVersion(meeting.id, await ctx.sync.readDocument(meeting.id), 'closing', [me.id]);
      return c.json(meetingSummary(closed), 200);
    })
    .openapi(agreed, async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const agreed = await store.agreedState(meeting.id);
      if (!agreed) throw notFound('This meeting has not been closed yet, so there is no agreed version.');
      await service.recordRead({
        networkId: meeting.networkId,
        kind: 'agreed_viewed',
        actorId: me.id,
        meetingId: meeting.id,
      });
      return c.body(agreed as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/octet-stream' });
    });
}
