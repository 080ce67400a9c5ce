/** Builds the Hono app: the JSON API under /api and the built client for every other path. */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiError as ApiErrorBody } from '@polyphony/shared';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { anonymousRequestLimit } from './abuse/limits.js';
import { requestHost, requestOrigin } from './auth/proxy.js';
import { ApiError, forbidden, notFound, payloadTooLarge, RateLimited } from './errors.js';
import type { EventLoopDelay } from './eventLoopDelay.js';
import type { DependencyWatch } from './health/DependencyWatch.js';
import type { Readiness } from './health/Readiness.js';
import type { VideoService } from './livekit/VideoService.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics/Metrics.js';
import { api } from './routes/api.js';
import { authRoutes } from './routes/auth.js';
import type { RouteContext } from './routes/context.js';
import { joinRoutes } from './routes/join.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { staffSignInRoutes } from './routes/team.js';

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
  // Every route is declared with its schemas (routes/declare.ts); the app collects them into the document.
  const app = new OpenAPIHono();
  const { trustProxy } = routes.protection;

  app.use(
    secureHeaders({
      // The client connects its WebSocket to the same origin; nothing else is loaded from elsewhere.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Sockets and requests go to this server and to the configured LiveKit server only (its
        // WebSocket and, for livekit-client's HTTP calls, the same address over http(s)). The server's
        // own ws(s) origin is named as well as 'self', which older browsers do not apply to WebSockets.
        connectSrc: [
          "'self'",
          (c) => webSocketOrigin(c, routes.publicUrl, trustProxy),
          ...(video ? livekitOrigins(video.url) : []),
        ],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        mediaSrc: ["'self'", 'blob:'],
      },
    }),
  );
  // Nothing a network wrote is kept in a browser's or a proxy's cache: every API answer and page is
  // no-store, except the built assets (code, named by content hash), set below.
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/assets/') && !c.res.headers.has('Cache-Control')) {
      c.header('Cache-Control', 'no-store');
    }
  });
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
      !sameOrigin(origin, requestHost(c, trustProxy))
    ) {
      throw forbidden('Requests from other sites are refused.');
    }
    await next();
  });
  // Requests without a session are limited per client address (429 with Retry-After).
  app.use('/api/*', anonymousRequestLimit(routes.limits));

  app.route('/api', api({ routes, logger, storeName, video, health, eventLoop }));
  const indexFile = path.join(clientDir, 'index.html');
  let indexHtml: string | undefined;
  const tooManyPage = () => {
    if (indexHtml === undefined && fs.existsSync(indexFile)) indexHtml = fs.readFileSync(indexFile, 'utf8');
    return indexHtml;
  };
  app.route('/join', joinRoutes(routes, tooManyPage));
  app.route('/staff', staffSignInRoutes(routes));
  app.route('/auth', authRoutes(routes, logger));
  app.route('/api/openapi.json', openApiRoutes(app));
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
    // A browser that accepts brotli gets the build's `.br` files (client/vite.config.ts); the others
    // get gzip made on the fly.
    app.use('*', compress(), serveStatic({ root: clientDir, precompressed: true }));
    // Every other page is the single-page app, which routes on the client.
    app.get('*', compress(), serveStatic({ path: path.join(clientDir, 'index.html'), precompressed: true }));
  } else {
    logger.warn({ clientDir }, 'the client is not built; serving the API only (run pnpm build)');
  }

  app.notFound((c) => c.json<ApiErrorBody>({ error: 'not_found', message: 'Nothing is here.' }, 404));

  app.onError((error, c) => {
    if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
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

/** The server's own WebSocket origin, for connect-src. */
function webSocketOrigin(c: Context, publicUrl: string | undefined, trustProxy: number): string {
  const origin = publicUrl ? new URL(publicUrl).origin : requestOrigin(c, trustProxy);
  return origin.replace(/^http/, 'ws');
}

/** The configured LiveKit server as a WebSocket and an HTTP origin. */
function livekitOrigins(url: string): string[] {
  const { host, protocol } = new URL(url);
  const secure = protocol === 'wss:' || protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${host}`, `${secure ? 'https' : 'http'}://${host}`];
}

/** Whether an Origin header names the host the request was sent to. */
export function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
