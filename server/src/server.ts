/**
 * Starting and stopping one Polyphony process: the database, the HTTP app, the sync server on the same
 * port. index.ts calls this with the environment's configuration; tests may call it in-process.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { can, personColour } from '@polyphony/shared';
import { abuseLimits } from './abuse/limits.js';
import { buildApp, sameOrigin } from './app.js';
import { upgradeHost } from './auth/proxy.js';
import { SessionService } from './auth/SessionService.js';
import { upgradeSession } from './auth/session.js';
import { startSessionSweep } from './auth/sessionSweep.js';
import type { Config } from './config.js';
import { ERASURE_SETTLE_MS, ErasureService } from './erasure/ErasureService.js';
import { startErasureSweep } from './erasure/erasureSweep.js';
import { EventLoopDelay } from './eventLoopDelay.js';
import { DependencyWatch } from './health/DependencyWatch.js';
import { Readiness } from './health/Readiness.js';
import { HistoryService } from './history/HistoryService.js';
import { LaterChangeRecorder } from './history/LaterChangeRecorder.js';
import { VideoService } from './livekit/VideoService.js';
import { removeFromVideoOnEnd, removePeopleFromVideo } from './livekit/videoRevocation.js';
import { createLogger, type Logger } from './logger.js';
import { Metrics } from './metrics/Metrics.js';
import { type MetricsListener, serveMetrics } from './metrics/serveMetrics.js';
import { startAccessSweep } from './networks/accessSweep.js';
import { NetworkService } from './networks/NetworkService.js';
import { openPersistence } from './persistence/open.js';
import { RedisRelay } from './scale/RedisRelay.js';
import { type Authorize, SyncServer } from './sync/SyncServer.js';
import { StaffService } from './teams/StaffService.js';

/** A running Polyphony. */
export interface RunningServer {
  url: string;
  port: number;
  sync: SyncServer;
  logger: Logger;
  /** Stop accepting, commit and compact what is pending, close the database. */
  stop(): Promise<void>;
}

/** How often links revoked or expired elsewhere (another instance, the operator command, the clock) are looked for. */
const ACCESS_SWEEP_MS = 500;
/** How far each look reaches back before the previous one: clocks of instances may differ this much. */
const ACCESS_SWEEP_MARGIN_MS = 5_000;
/** How often the sessions behind live sockets are checked (idle, lifetime, ended elsewhere). */
const SESSION_SWEEP_MS = 1_000;
/** How often erasures by other processes are looked for. */
const ERASURE_SWEEP_MS = 500;

/** Start Polyphony and resolve once it listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  // Everything in PostgreSQL when configured (several instances share it); otherwise in the SQLite file.
  const persistence = await openPersistence(config);
  const { documents, metadata } = persistence;
  // Measured only where someone can read the measurements.
  const metrics = config.metrics.token || config.metrics.port !== undefined ? new Metrics() : undefined;
  const store = metrics ? metrics.meter(documents) : documents;
  const now = () => new Date();
  const { protection } = config;
  const sessions = new SessionService(
    metadata,
    {
      idleMs: protection.sessionIdleMs,
      maxAgeMs: protection.sessionMaxMs,
      trustProxy: protection.trustProxy,
      publicUrl: config.publicUrl,
    },
    now,
  );
  const limits = abuseLimits(protection);

  // Every socket is authorised at the upgrade by the session cookie, for the network of the meeting,
  // and is then bound to that meeting and that person's role for its life.
  const authorize: Authorize = async (request, meetingId) => {
    const origin = request.headers.origin;
    if (origin && !sameOrigin(origin, upgradeHost(request, protection.trustProxy)))
      return { ok: false, status: 403, error: 'forbidden' };
    const meeting = await metadata.findMeeting(meetingId);
    if (!meeting) return { ok: false, status: 404, error: 'meeting_not_found' };
    // An erasure is rewriting this meeting's document: come back in a moment (clients retry).
    if (erasure.isBlocked(meetingId)) return { ok: false, status: 503, error: 'erasing' };
    // A session that ended (idle, lifetime, left) opens nothing, like no session at all.
    const session = await sessions.check(upgradeSession(request));
    if (!session.ok) return { ok: false, status: 401, error: 'unauthorized' };
    const membership = await metadata.membership(session.hash, meeting.networkId, now());
    const participant = membership && (await metadata.findParticipant(membership.participantId));
    if (!membership || !participant) return { ok: false, status: 401, error: 'unauthorized' };
    // Bookkeeping: the person does not wait for it to be on disk, and gets in even if it cannot be written.
    void Promise.all([service.touch(participant.id), service.recordPresence(meeting, participant.id)]).catch(
      (error: unknown) => logger.warn({ err: error, meetingId }, 'could not record presence'),
    );
    return {
      ok: true,
      principal: {
        participantId: participant.id,
        ...(membership.invitation ? { invitationId: membership.invitation.id } : {}),
        ...(membership.staffId ? { staffId: membership.staffId } : {}),
        networkId: meeting.networkId,
        canWrite: can(participant.role, 'write'),
        name: participant.name,
        relation: participant.relation,
        role: participant.role,
        // One colour per person of the network, the same as the client gives them (issue 18).
        colour: personColour(await metadata.listParticipants(meeting.networkId), participant.id),
        sessionHash: session.hash,
      },
    };
  };

  const sync = new SyncServer({
    store,
    authorize,
    limits: config.limits,
    logger,
    // Other instances change meetings this one has not loaded: read those from the store each time.
    cacheUnloaded: !config.redisUrl,
  });
  const relay = config.redisUrl ? new RedisRelay(config.redisUrl, sync, logger) : undefined;
  if (relay) sync.use(relay.hooks());

  // Outages of the store and of Redis: logged once when they begin and once when they end, reported by
  // /api/health and /api/ready, and told to people when their instance cannot reach the others.
  const database = persistence.name === 'postgres' ? 'PostgreSQL' : 'The SQLite database';
  const watch = new DependencyWatch(
    logger,
    {
      store: {
        down: `${database} is unreachable: edits are not saved (people see "Saving…") and nobody can join until it is back`,
        back: `${database} is reachable again: edits made meanwhile are being saved`,
      },
      relay: {
        down: 'Redis is unreachable: this instance cannot relay edits and presence to the others; its people are told they are not connected to the others (their edits are still saved)',
        back: 'Redis is reachable again: bringing loaded meetings up to date from the store',
      },
    },
    new Set(relay ? [] : ['relay']),
  );
  relay?.onConnection((connected, error) => watch.report('relay', connected, error));
  watch.onChange((dependency, up) => {
    if (dependency === 'relay') sync.setRelaying(up);
  });
  const readiness = new Readiness(watch, {
    store: () => persistence.ping(),
    ...(relay ? { relay: () => relay.ping() } : {}),
  });
  if (metrics) {
    metrics.observe(sync);
    sync.use(metrics.hooks());
    if (relay) metrics.observeRelay(relay.lagProbe);
  }
  const video = config.video && new VideoService(config.video, logger);
  if (!config.video) logger.info('video is not set up (no LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET)');
  const service = new NetworkService({
    store: metadata,
    sync,
    invitationLifetimeMs: config.invitationLifetimeMs,
    now,
    onAccessEnded: video && removeFromVideoOnEnd(video, metadata, logger),
    onPeopleEnded: video && removePeopleFromVideo(video, metadata, logger),
  });
  const erasure = new ErasureService({
    store: metadata,
    documents: store,
    sync,
    service,
    persistence,
    logger,
    now,
    settleMs: ERASURE_SETTLE_MS,
    video,
  });
  await erasure.start();
  const laterChanges = new LaterChangeRecorder({ store: metadata, sync, logger, now });
  const history = new HistoryService({
    store: metadata,
    sync,
    logger,
    versionEveryMs: config.versionEveryMs,
    now,
    laterChanges,
  });
  sync.use({
    afterCommit: (room, writers) => {
      history.afterCommit(room, writers);
      laterChanges.afterCommit(room, writers);
    },
    beforeUnload: (room) => history.beforeUnload(room),
  });
  const eventLoop = new EventLoopDelay();
  const app = buildApp({
    routes: {
      store: metadata,
      service,
      history,
      sync,
      now,
      publicUrl: config.publicUrl,
      sessions,
      protection,
      limits,
      erasure,
      staff: new StaffService(metadata, config.staffLinkLifetimeMs, now),
      oidc: config.oidc,
    },
    logger,
    storeName: persistence.name,
    clientDir: config.clientDir,
    video,
    // With METRICS_PORT, /metrics is served there and not here.
    metrics: config.metrics.port === undefined ? metrics : undefined,
    metricsToken: config.metrics.token,
    health: { watch, readiness },
    eventLoop,
  });

  // Links revoked on another instance or by the operator command, or past their expiry, end their
  // sockets here within a second.
  const stopSweep = startAccessSweep({
    store: metadata,
    service,
    logger,
    now,
    everyMs: ACCESS_SWEEP_MS,
    marginMs: ACCESS_SWEEP_MARGIN_MS,
  });

  // Sockets whose session ended (idle, lifetime, left on another instance) close within a second.
  const stopSessionSweep = startSessionSweep({
    store: metadata,
    sessions,
    sync,
    logger,
    now,
    everyMs: SESSION_SWEEP_MS,
  });

  // Erasures made by other instances or the operator command drop this instance's copies within a second.
  const stopErasureSweep = startErasureSweep(erasure, logger, ERASURE_SWEEP_MS);

  const httpServer = await new Promise<Server>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(server as Server),
    ) as Server;
  });
  httpServer.on('upgrade', (request, socket, head) => void sync.handleUpgrade(request, socket, head));
  let metricsListener: MetricsListener | undefined;
  if (metrics && config.metrics.port !== undefined) {
    metricsListener = await serveMetrics(metrics, { ...config.metrics, port: config.metrics.port }, logger);
  }
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info(
    { url, store: persistence.name, ...(persistence.name === 'sqlite' ? { dataDir: config.dataDir } : {}) },
    'Polyphony is listening',
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopSweep();
      readiness.stop();
      stopSessionSweep();
      stopErasureSweep();
      await erasure.settle();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // A change after the meeting being recorded is written before the sockets close. (One missed
      // while stopping is found again at the next writing: the record is compared with the document.)
      await laterChanges.settled();
      await sync.close();
      httpServer.closeAllConnections();
      await closed;
      await relay?.close();
      await metricsListener?.close();
      await persistence.close();
      eventLoop.stop();
      logger.info('Polyphony stopped; everything acknowledged is stored');
    })();
    return stopping;
  };
  return { url, port, sync, logger, stop };
}
