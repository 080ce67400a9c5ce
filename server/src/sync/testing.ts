/** For tests of the sync server in-process: serve it on a free loopback port, as server.ts does. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyncServer } from './SyncServer.js';

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
