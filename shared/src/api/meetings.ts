/** Request and response types of /api, with the zod schemas the server validates them with. */
import { z } from 'zod';

/** Meeting ids are 128 random bits, base64url. (Access comes from a session, never from knowing the id.) */
export const MeetingIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a meeting id');

/** A meeting as the API describes it. */
export interface MeetingSummary {
  id: string;
  networkId: string;
  /** 1 for the network's first meeting, and so on. */
  number: number;
  title: string;
  createdAt: string;
  /** When the meeting was closed and its "as agreed" version frozen; null while open. */
  closedAt: string | null;
  /** Path of the meeting page, relative to the server origin. */
  path: string;
}

/** GET /api/health */
export interface HealthResponse {
  status: 'ok';
  protocolVersion: number;
  store: string;
  uptimeSeconds: number;
}
