/**
 * Starting and stopping one Polyphony process: the database, the HTTP app, the sync server on the same
 * port. index.ts calls this with the environment's configuration; tests may call it in-process.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase } from './persistence/database.js';
import { MeetingRepository } from './persistence/meetings.js';
import { SqliteDocumentStore } from './persistence/sqlite.js';
import { type Authorize, SyncServer } from './sync/SyncServer.js';

/** A running Polyphony. */
export interface RunningServer {
  url: string;
  port: number;
  sync: SyncServer;
  logger: Logger;
  /** Stop accepting, commit and compact what is pending, close the database. */
  stop(): Promise<void>;
}

/** Start Polyphony and resolve once it listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.dataDir, { synchronous: config.sqliteSynchronous });
  const store = new SqliteDocumentStore(db);
  const meetings = new MeetingRepository(db);

  // The authorisation seam of the upgrade. Until invitations exist, a meeting's unguessable id is
  // what lets someone in, and every socket may write.
  const authorize: Authorize = async (_request, meetingId) =>
    meetings.find(meetingId)
      ? { ok: true, principal: { participantId: null, canWrite: true } }
      : { ok: false, status: 404, error: 'meeting_not_found' };

  const sync = new SyncServer({ store, authorize, limits: config.limits, logger });
  const app = buildApp({ meetings, logger, storeName: 'sqlite', clientDir: config.clientDir });

  const httpServer = await new Promise<Server>((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(server as Server),
    ) as Server;
  });
  httpServer.on('upgrade', (request, socket, head) => void sync.handleUpgrade(request, socket, head));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, dataDir: config.dataDir }, 'Polyphony is listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await sync.close();
      httpServer.closeAllConnections();
      await closed;
      await store.close();
      logger.info('Polyphony stopped; everything acknowledged is stored');
    })();
    return stopping;
  };
  return { url, port, sync, logger, stop };
}
