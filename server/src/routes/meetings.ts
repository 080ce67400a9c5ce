/** /api/meetings/:id: a meeting and who you are in it, closing it, its frozen "as agreed" version. */
import type { MeetingDetail, MeetingSummary } from '@polyphony/shared';
import { Hono } from 'hono';
import { meetingNotFound, notFound } from '../errors.js';
import { meetingSummary, networkSummary } from '../networks/NetworkService.js';
import { type RouteContext, requireMeetingMember } from './context.js';

/** Routes of /api/meetings. */
export function meetingRoutes(ctx: RouteContext) {
  const { service, store, history } = ctx;

  return new Hono()
    .get('/:id', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const network = await store.findNetwork(meeting.networkId);
      if (!network) throw meetingNotFound();
      return c.json<MeetingDetail>({
        meeting: meetingSummary(meeting),
        network: networkSummary(network),
        me: await service.participantView(me),
        people: await service.peopleOf(network.id),
        meetings: (await store.listMeetings(network.id)).reverse().map(meetingSummary),
        documentRewrittenAt: (await store.documentRewrites([meeting.id])).get(meeting.id) ?? null,
      });
    })
    .post('/:id/close', async (c) => {
      const { meeting, me } = await requireMeetingMember(c, ctx);
      const wasOpen = !meeting.closedAt;
      const closed = await service.closeMeeting(meeting.id, me);
      history.meetingClosed(meeting.id);
      // The version at closing is in the history, beside the frozen "as agreed" one.
      if (wasOpen)
        await history.takeVersion(meeting.id, await ctx.sync.readDocument(meeting.id), 'closing', [me.id]);
      return c.json<MeetingSummary>(meetingSummary(closed));
    })
    .get('/:id/agreed', async (c) => {
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
