/**
 * /api/video: whether video is set up, a LiveKit token for a member with a live session, who is on
 * video in a meeting, and LiveKit's webhook (believed only once its signature over the raw body checks).
 */
import { createRoute } from '@hono/zod-openapi';
import {
  MeetingIdSchema,
  OnVideoResponseSchema,
  VideoConfigResponseSchema,
  VideoTokenResponseSchema,
  WebhookResponseSchema,
} from '@polyphony/shared';
import type { Context } from 'hono';
import { requestSession } from '../auth/session.js';
import { ApiError, meetingNotFound, unauthorized } from '../errors.js';
import { type VideoService, WebhookRejected } from '../livekit/VideoService.js';
import type { Logger } from '../logger.js';
import type { MeetingRecord } from '../persistence/metadata/types.js';
import { type RouteContext, requireMember } from './context.js';
import { apiRoutes, ids, json, memberRefusals, refusal } from './declare.js';

const NOT_SET_UP = 'Video is not set up on this Polyphony. The meeting and its document work as usual.';

const config = createRoute({
  method: 'get',
  path: '/config',
  summary: 'Whether video is set up',
  responses: { 200: json(VideoConfigResponseSchema, 'Video configuration') },
});
const token = createRoute({
  method: 'post',
  path: '/meetings/{id}/token',
  summary: 'A LiveKit token for this meeting (members only, at most 10 minutes)',
  request: { params: ids('id') },
  responses: {
    200: json(VideoTokenResponseSchema, 'Token'),
    503: refusal('Video is not set up'),
    ...memberRefusals,
  },
});
const onVideo = createRoute({
  method: 'get',
  path: '/meetings/{id}/participants',
  summary: 'Who is on video in this meeting',
  request: { params: ids('id') },
  responses: { 200: json(OnVideoResponseSchema, 'Participants'), ...memberRefusals },
});
const webhook = createRoute({
  method: 'post',
  path: '/webhook',
  summary: "LiveKit's webhook, verified by its signature",
  responses: {
    200: json(WebhookResponseSchema, 'Accepted'),
    401: refusal('Not signed by our LiveKit server'),
    503: refusal('Video is not set up'),
  },
});

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

  return apiRoutes()
    .openapi(config, (c) => c.json(video ? { enabled: true } : { enabled: false, message: NOT_SET_UP }, 200))
    .openapi(token, async (c) => {
      const meeting = await findMeeting(c);
      // A member with a live session only: a revoked or expired link gets no token (401/404).
      const me = await requireMember(c, ctx, meeting.networkId);
      const service = requireVideo();
      c.header('Cache-Control', 'no-store');
      return c.json(await service.mintToken(meeting, me, ctx.now()), 200);
    })
    .openapi(onVideo, async (c) => {
      const meeting = await findMeeting(c);
      await requireMember(c, ctx, meeting.networkId);
      return c.json({ participantIds: video ? video.participantsOnVideo(meeting.id) : [] }, 200);
    })
    .openapi(webhook, async (c) => {
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
      return c.json({ ok: true as const }, 200);
    });
}
