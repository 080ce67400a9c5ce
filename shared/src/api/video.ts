/**
 * Types of /api/video: whether video is set up, a LiveKit token for one meeting's room, who is on video.
 * Video is optional: without LiveKit configured the config says so and nothing else changes.
 */
import { z } from 'zod';
import type { Role } from '../roles.js';

/** The longest a video token lives; the client asks for a new one to rejoin after that. */
export const VIDEO_TOKEN_MAX_SECONDS = 600;

/** GET /api/video/config */
export const VideoConfigResponseSchema = z.object({
  /** Whether this Polyphony has a LiveKit server. */
  enabled: z.boolean(),
  /** A plain sentence when it has none. */
  message: z.string().optional(),
});
export type VideoConfigResponse = z.infer<typeof VideoConfigResponseSchema>;

/** POST /api/video/meetings/:id/token */
export const VideoTokenResponseSchema = z.object({
  /** The LiveKit server to connect to (ws:// or wss://). */
  url: z.string(),
  token: z.string(),
  /** The LiveKit room: the meeting id. */
  room: z.string(),
  /** The LiveKit identity: the participant id. */
  identity: z.string(),
  /** False for observers: they see and hear, and are not seen or heard. */
  canPublish: z.boolean(),
  expiresAt: z.string(),
});
export type VideoTokenResponse = z.infer<typeof VideoTokenResponseSchema>;

/** What every video participant carries as LiveKit metadata (JSON), so tiles can say who they are. */
export interface VideoParticipantMetadata {
  name: string;
  relation: string;
  role: Role;
  /** One of the professional team: marked during the reflecting conversation. */
  team: boolean;
}

/** GET /api/video/meetings/:id/participants: participant ids on the meeting's video now. */
export const OnVideoResponseSchema = z.object({ participantIds: z.array(z.string()) });
export type OnVideoResponse = z.infer<typeof OnVideoResponseSchema>;

/** POST /api/video/webhook: the webhook was believed. */
export const WebhookResponseSchema = z.object({ ok: z.literal(true) });

/** Parse a video participant's metadata; undefined when it is not ours. */
export function readVideoMetadata(metadata: string | undefined): VideoParticipantMetadata | undefined {
  if (!metadata) return undefined;
  try {
    const value = JSON.parse(metadata) as Partial<VideoParticipantMetadata>;
    if (typeof value.name !== 'string') return undefined;
    return {
      name: value.name,
      relation: typeof value.relation === 'string' ? value.relation : '',
      role: value.role as Role,
      team: value.team === true,
    };
  } catch {
    return undefined;
  }
}
