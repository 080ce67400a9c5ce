/** /api/meetings/:id: a meeting and who you are in it, closing it, its frozen "as agreed" version. */
import { type MeetingDetail, MeetingIdSchema, type MeetingSummary } from '@polyphony/shared';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { requestSession } from '../auth/session.js';
import { meetingNotFound, notFound, unauthorized } from '../errors.js';
import { meetingSummary, networkSummary } from '../networks/NetworkService.js';
import type { MeetingRecord } from '../persistence/networks.js';
import { type RouteContext, requireMember } from './context.js';

/** Routes of /api/meetings. */
export function meetingRoutes(ctx: RouteContext) {
  const { service, networks } = ctx;

  // A meeting the session may see; 404 for a meeting that does not exist or is not in its networks.
  const findMeeting = (c: Context): MeetingRecord => {
    if (!requestSession(c)) throw unauthorized();
    const id = MeetingIdSchema.safeParse(c.req.param('id'));
    const meeting = id.success ? networks.findMeeting(id.data) : undefined;
    if (!meeting) throw meetingNotFound();
    return meeting;
  };

  return new Hono()
    .get('/:id', (c) => {
      const meeting = findMeeting(c);
      const me = requireMember(c, ctx, meeting.networkId);
      const network = networks.findNetwork(meeting.networkId);
      if (!network) throw meetingNotFound();
      return c.json<MeetingDetail>({
        meeting: meetingSummary(meeting),
        network: networkSummary(network),
        me: service.participantView(me),
        people: networks.listParticipants(network.id).map((person) => service.participantView(person)),
        meetings: networks.listMeetings(network.id).reverse().map(meetingSummary),
      });
    })
    .post('/:id/close', async (c) => {
      const meeting = findMeeting(c);
      const me = requireMember(c, ctx, meeting.networkId);
      return c.json<MeetingSummary>(meetingSummary(await service.closeMeeting(meeting.id, me)));
    })
    .get('/:id/agreed', (c) => {
      const meeting = findMeeting(c);
      requireMember(c, ctx, meeting.networkId);
      const agreed = networks.agreedState(meeting.id);
      if (!agreed) throw notFound('This meeting has not been closed yet, so there is no agreed version.');
      return c.body(agreed as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/octet-stream' });
    });
}
