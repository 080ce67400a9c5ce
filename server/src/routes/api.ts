/**
 * Every route under /api, as one chain: the app mounts it (app.ts), the OpenAPI document lists it, and its
 * type is what the client's typed calls are made from (`hc<Api>`, client/src/api/client.ts).
 */
import type { EventLoopDelay } from '../eventLoopDelay.js';
import type { DependencyWatch } from '../health/DependencyWatch.js';
import type { Readiness } from '../health/Readiness.js';
import type { VideoService } from '../livekit/VideoService.js';
import type { Logger } from '../logger.js';
import { askRoutes, meetingAdmissionRoutes } from './admission.js';
import type { RouteContext } from './context.js';
import { apiRoutes } from './declare.js';
import { meetingErasureRoutes, networkErasureRoutes } from './erasure.js';
import { eventLoopRoutes } from './eventLoop.js';
import { healthRoutes, readinessRoutes } from './health.js';
import { meetingHistoryRoutes, networkHistoryRoutes } from './history.js';
import { joinPendingRoutes } from './joinPending.js';
import { linkRequestRoutes } from './linkRequest.js';
import { localCopiesRoutes } from './localCopies.js';
import { meRoutes } from './me.js';
import { meetingRoutes } from './meetings.js';
import { networkRoutes } from './networks.js';
import { ownDataRoutes } from './ownData.js';
import { sessionRoutes } from './session.js';
import { settingsRoutes } from './settings.js';
import { teamRoutes } from './team.js';
import { teamInvitationRoutes } from './teamInvitations.js';
import { videoRoutes } from './video.js';

/** What the routes under /api are built from. */
export interface ApiDependencies {
  routes: RouteContext;
  logger: Logger;
  storeName: string;
  video?: VideoService | undefined;
  health?: { watch: DependencyWatch; readiness: Readiness } | undefined;
  eventLoop?: EventLoopDelay | undefined;
}

/** The routes under /api (paths relative to it). */
export function api({ routes, logger, storeName, video, health, eventLoop }: ApiDependencies) {
  return apiRoutes()
    .route('/health/event-loop', eventLoopRoutes(eventLoop))
    .route('/health', healthRoutes(storeName, health?.watch))
    .route('/ready', readinessRoutes(health?.readiness))
    .route('/networks', networkRoutes(routes))
    .route('/networks', networkHistoryRoutes(routes))
    .route('/networks', networkErasureRoutes(routes, routes.erasure))
    .route('/networks', ownDataRoutes(routes))
    .route('/meetings', meetingRoutes(routes))
    .route('/meetings', meetingHistoryRoutes(routes))
    .route('/meetings', meetingErasureRoutes(routes, routes.erasure))
    .route('/meetings', meetingAdmissionRoutes(routes))
    .route('/ask', askRoutes(routes))
    .route('/local-copies', localCopiesRoutes(routes))
    .route('/me', meRoutes(routes))
    .route('/team', teamRoutes(routes))
    .route('/team', teamInvitationRoutes(routes))
    .route('/link-requests', linkRequestRoutes(routes))
    .route('/video', videoRoutes(routes, video, logger))
    .route('/session', sessionRoutes(routes))
    .route('/join', joinPendingRoutes(routes))
    .route('/settings', settingsRoutes(routes));
}

/** The type of the routes under /api, for the client's typed calls. */
export type Api = ReturnType<typeof api>;
