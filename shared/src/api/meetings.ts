/** Request and response schemas of /api (meetings, health): the server validates and describes with them. */
import { z } from 'zod';

/** Meeting ids are 128 random bits, base64url. (Access comes from a session, never from knowing the id.) */
export const MeetingIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a meeting id');

/** A meeting as the API describes it. */
export const MeetingSummarySchema = z.object({
  id: z.string(),
  networkId: z.string(),
  /** 1 for the network's first meeting, and so on. */
  number: z.number().int(),
  title: z.string(),
  createdAt: z.string(),
  /** When the meeting was closed and its "as agreed" version frozen; null while open. */
  closedAt: z.string().nullable(),
  /** Path of the meeting page, relative to the server origin. */
  path: z.string(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

/**
 * What an instance knows of something it depends on: the store (SQLite or PostgreSQL) and Redis (only
 * with several instances; 'none' without). 'unknown' until it was first looked at.
 */
export const DependencyStateSchema = z.enum(['reachable', 'unreachable', 'unknown', 'none']);
export type DependencyState = z.infer<typeof DependencyStateSchema>;

/** GET /api/health: the process is up (liveness); what it last saw of the store and Redis. */
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  store: z.string(),
  uptimeSeconds: z.number(),
  dependencies: z.object({ store: DependencyStateSchema, relay: DependencyStateSchema }),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/**
 * GET /api/ready: whether this instance can serve (200), or not (503: then also `error` and `message`),
 * from a look at the store and Redis made for it. For a load balancer.
 */
export const ReadinessResponseSchema = z.object({
  ready: z.boolean(),
  store: DependencyStateSchema,
  relay: DependencyStateSchema,
  error: z.literal('not_ready').optional(),
  message: z.string().optional(),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponseSchema>;
