/**
 * /api/video: whether video is set up, a LiveKit token for a member with a live session, who is on
 * video in a meeting, and LiveKit's webhook (believed only once its signature over the raw body checks).
 */
import {
  MeetingIdSchema,
  type OnVideoResponse,
  type VideoConfigResponse,
  type VideoTokenResponse,
} from '@polyphony/shared';
import { type Context, Hono } from 'hono';
import { requestSession } from '../auth/session.js';
import { ApiError, meetingNotFound, unauthorized } from '../errors.js';
import { type VideoService, WebhookRejected } from '../livekit/VideoService.js';
import type { Logger } from '../logger.js';
import type { MeetingRecord } from '../persistence/metadata/types.js';
import { type RouteContext, requireMember } from './context.js';

const NOT_SET_UP = 'Video is not set up on this Polyphony. The meeting and its document work as usual.';

/** Routes of /api/video; `video` is undefined when LiveKit is not configured. */
export function videoRoutes(ctx: RouteContext, video: VideoService | undefined, logger: Logger) {
  const findMeeting = async (c: Context): Promise<MeetingRecord> => {
    if (!requestSession(c)) throw unauthorized();
    const id = MeetingIdSchema.safeParse(c.req.param('id'));
    const meeting = id.success ? await ctx.store.findMeeting(id.data) : undefined;
    if (!meeting) throw meetingNotFound();
    return meeting;
  };
  const requireVideo = (): VideoService => {
    if (!video) throw new ApiError(503, 'video_not_configured', NOT_SET_UP);
    return video;
  };

  return new Hono()
    .get('/config', (c) =>
      c.json<VideoConfigResponse>(video ? { enabled: true } : { enabled: false, message: NOT_SET_UP }),
    )
    .post('/meetings/:id/token', async (c) => {
      const meeting = await findMeeting(c);
      // A member with a live session only: a revoked or expired link gets no token (401/404).
      const me = await requireMember(c, ctx, meeting.networkId);
      const service = requireVideo();
      c.header('Cache-Control', 'no-store');
      return c.json<VideoTokenResponse>(await service.mintToken(meeting, me, ctx.now()));
    })
    .get('/meetings/:id/participants', async (c) => {
      const meeting = await findMeeting(c);
      await requireMember(c, ctx, meeting.networkId);
      return c.json<OnVideoResponse>({ participantIds: video ? video.participantsOnVideo(meeting.id) : [] });
    })
    .post('/webhook', async (c) => {
      const service = requireVideo();
      // The raw text, before any JSON parsing: the signature covers these exact bytes.
      const body = await c.req.text();
      try {
        await service.receiveWebhook(body, c.req.header('authorization'));
      } catch (error) {
        if (error instanceof WebhookRejected) {
          logger.warn({ reason: error.message }, 'refused a LiveKit webhook');
          throw unauthorized('This webhook is not signed by our LiveKit server.');
        }
        throw error;
      }
      return c.json({ ok: true });
    });
}
