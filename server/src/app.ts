/** Builds the Hono app: the JSON API under /api and the built client for every other path. */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ApiError as ApiErrorBody } from '@polyphony/shared';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, forbidden, notFound, payloadTooLarge } from './errors.js';
import type { EventLoopDelay } from './eventLoopDelay.js';
import type { DependencyWatch } from './health/DependencyWatch.js';
import type { Readiness } from './health/Readiness.js';
import type { VideoService } from './livekit/VideoService.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics/Metrics.js';
import type { RouteContext } from './routes/context.js';
import { eventLoopRoutes } from './routes/eventLoop.js';
import { healthRoutes, readinessRoutes } from './routes/health.js';
import { meetingHistoryRoutes, networkHistoryRoutes } from './routes/history.js';
import { joinRoutes } from './routes/join.js';
import { meRoutes } from './routes/me.js';
import { meetingRoutes } from './routes/meetings.js';
import { metricsRoutes } from './routes/metrics.js';
import { networkRoutes } from './routes/networks.js';
import { openApiRoutes } from './routes/openapi.js';
import { videoRoutes } from './routes/video.js';

/** What the app is built from. */
export interface AppDependencies {
  routes: RouteContext;
  logger: Logger;
  storeName: string;
  /** Folder of the built client; when it does not exist only the API is served. */
  clientDir: string;
  /** LiveKit, when configured; without it /api/video says video is not set up. */
  video?: VideoService | undefined;
  /** The operator's metrics on this port (GET /metrics, with `metricsToken`); not served when undefined. */
  metrics?: Metrics | undefined;
  metricsToken?: string | undefined;
  /** What /api/health and /api/ready report of the store and Redis. */
  health?: { watch: DependencyWatch; readiness: Readiness } | undefined;
  /** The event-loop delay, served at /api/health/event-loop when given. */
  eventLoop?: EventLoopDelay | undefined;
}

/** Build the HTTP app. */
export function buildApp({
  routes,
  logger,
  storeName,
  clientDir,
  video,
  metrics,
  metricsToken,
  health,
  eventLoop,
}: AppDependencies) {
  const app = new Hono();

  app.use(
    secureHeaders({
      // The client connects its WebSocket to the same origin; nothing else is loaded from elsewhere.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // LiveKit's server may be another origin: livekit-client also speaks HTTP to it.
        connectSrc: ["'self'", 'ws:', 'wss:', ...(video ? [video.url.replace(/^ws/, 'http')] : [])],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        mediaSrc: ["'self'", 'blob:'],
      },
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw payloadTooLarge('The request body is larger than 64 KiB.');
      },
    }),
  );

  // Cookies are SameSite=Lax, so other sites cannot post with them; refusing foreign origins outright
  // is a second lock on every request that changes something.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      origin &&
      !sameOrigin(origin, c.req.header('host'))
    ) {
      throw forbidden('Requests from other sites are refused.');
    }
    await next();
  });

  if (eventLoop) app.route('/api/health/event-loop', eventLoopRoutes(eventLoop));
  app.route('/api/health', healthRoutes(storeName, health?.watch));
  app.route('/api/ready', readinessRoutes(health?.readiness));
  app.route('/api/networks', networkRoutes(routes));
  app.route('/api/networks', networkHistoryRoutes(routes));
  app.route('/api/meetings', meetingRoutes(routes));
  app.route('/api/meetings', meetingHistoryRoutes(routes));
  app.route('/api/me', meRoutes(routes));
  app.route('/api/video', videoRoutes(routes, video, logger));
  app.route('/join', joinRoutes(routes));
  app.route('/api/openapi.json', openApiRoutes());
  app.all('/api/*', () => {
    throw notFound('There is no such API route.');
  });
  // Before the client's pages, so that /metrics is never the single-page app.
  app.route('/metrics', metricsRoutes(metrics, metricsToken));

  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use('/assets/*', compress(), async (c, next) => {
      await next();
      // Vite names assets by their content hash: they never change.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', compress(), serveStatic({ root: clientDir }));
    // Every other page is the single-page app, which routes on the client.
    app.get('*', compress(), serveStatic({ path: path.join(clientDir, 'index.html') }));
  } else {
    logger.warn({ clientDir }, 'the client is not built; serving the API only (run pnpm build)');
  }

  app.notFound((c) => c.json<ApiErrorBody>({ error: 'not_found', message: 'Nothing is here.' }, 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json<ApiErrorBody>({ error: error.id, message: error.message }, error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json<ApiErrorBody>({ error: 'bad_request', message: error.message }, error.status);
    }
    logger.error({ err: error, path: c.req.path }, 'unexpected error');
    return c.json<ApiErrorBody>(
      { error: 'internal_error', message: 'Something went wrong on the server.' },
      500,
    );
  });

  return app;
}

/** Whether an Origin header names the host the request was sent to. */
export function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
