/**
 * Types of /api/video: whether video is set up, a LiveKit token for one meeting's room, who is on video.
 * Video is optional: without LiveKit configured the config says so and nothing else changes.
 */
import type { Role } from '../roles.js';

/** The longest a video token lives; the client asks for a new one to rejoin after that. */
export const VIDEO_TOKEN_MAX_SECONDS = 600;

/** GET /api/video/config */
export interface VideoConfigResponse {
  /** Whether this Polyphony has a LiveKit server. */
  enabled: boolean;
  /** A plain sentence when it has none. */
  message?: string;
}

/** POST /api/video/meetings/:id/token */
export interface VideoTokenResponse {
  /** The LiveKit server to connect to (ws:// or wss://). */
  url: string;
  token: string;
  /** The LiveKit room: the meeting id. */
  room: string;
  /** The LiveKit identity: the participant id. */
  identity: string;
  /** False for observers: they see and hear, and are not seen or heard. */
  canPublish: boolean;
  expiresAt: string;
}

/** What every video participant carries as LiveKit metadata (JSON), so tiles can say who they are. */
export interface VideoParticipantMetadata {
  name: string;
  relation: string;
  role: Role;
  /** One of the professional team: marked during the reflecting conversation. */
  team: boolean;
}

/** GET /api/video/meetings/:id/participants: participant ids on the meeting's video now. */
export interface OnVideoResponse {
  participantIds: string[];
}

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
