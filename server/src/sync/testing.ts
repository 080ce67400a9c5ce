/** For tests of the sync server in-process: one where anyone may write, served on a loopback port. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import type { DocumentStore } from '../persistence/types.js';
import { Connection } from './Connection.js';
import { OutgoingWrites } from './OutgoingWrites.js';
import { SyncServer, type SyncServerOptions } from './SyncServer.js';

/** A sync server on `store` with the default limits, silent, whose every socket may write. */
export function openSyncServer(
  store: DocumentStore,
  options: Partial<Omit<SyncServerOptions, 'store'>> = {},
): SyncServer {
  return new SyncServer({
    store,
    authorize: async () => ({
      ok: true,
      principal: {
        participantId: 'someone',
        invitationId: 'link',
        networkId: 'network',
        canWrite: true,
        name: 'Someone',
        relation: '',
        role: 'network_member',
      },
    }),
    limits: loadConfig({}).limits,
    logger: createLogger('silent'),
    ...options,
  });
}

/**
 * Serve `sync` on a free port of 127.0.0.1; resolves with its WebSocket URL (…/sync) and a stop that
 * closes every socket, the HTTP server and the sync server, then runs `alsoClose` (its store, a relay).
 */
export async function serveSync(
  sync: SyncServer,
  alsoClose: () => Promise<void> = async () => undefined,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  server.on('upgrade', (request, socket, head) => void sync.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sync.close();
      await alsoClose();
    },
  };
}

/**
 * One server-side Connection over a real loopback socket, for unit tests of what the sync server keeps
 * per socket: the connection, the messages its client receives, and a stop that ends both sides.
 */
export async function openConnection(
  participantId: string,
  wantsAck = true,
): Promise<{ connection: Connection; received: Uint8Array[]; stop(): void }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: Uint8Array[] = [];
  client.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const server = await new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  await new Promise((resolve) => client.once('open', resolve));
  const principal = {
    participantId,
    invitationId: 'link',
    networkId: 'network',
    canWrite: true,
    name: participantId,
    relation: '',
    role: 'network_member',
  };
  const limits = loadConfig({}).limits;
  const connection = new Connection(server, 'meeting', principal, wantsAck, limits, new OutgoingWrites());
  return {
    connection,
    received,
    stop: () => {
      client.terminate();
      wss.close();
    },
  };
}
