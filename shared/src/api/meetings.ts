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

/**
 * What an instance knows of something it depends on: the store (SQLite or PostgreSQL) and Redis (only
 * with several instances; 'none' without). 'unknown' until it was first looked at.
 */
export type DependencyState = 'reachable' | 'unreachable' | 'unknown' | 'none';

/** GET /api/health: the process is up (liveness); what it last saw of the store and Redis. */
export interface HealthResponse {
  status: 'ok';
  protocolVersion: number;
  store: string;
  uptimeSeconds: number;
  dependencies: { store: DependencyState; relay: DependencyState };
}

/**
 * GET /api/ready: whether this instance can serve (200), or not (503: then also `error` and `message`),
 * from a look at the store and Redis made for it. For a load balancer.
 */
export interface ReadinessResponse {
  ready: boolean;
  store: DependencyState;
  relay: DependencyState;
  error?: 'not_ready';
  message?: string;
}
