/**
 * The echo of anything the server relayed is recognised as one (issue 14, fault 5). An observer announces
 * 400 presence ids in one message (3.6 KB, under the 4 KiB limit) and leaves; the server relays the
 * removals, and a stock y-websocket client echoes them back in one message of 4.4 KB — over the limit,
 * and of ids no socket holds any more. It stays connected.
 */
import { describe, expect, it } from 'vitest';
import { connectClient, waitFor, waitForSync } from './helpers/clients.js';
import { awarenessMessage, networkOfThree } from './helpers/protocolMessages.js';
import { openRawSocket } from './helpers/rawSocket.js';
import { startServerProcess } from './helpers/serverProcess.js';

describe('a stock client echoing presence', () => {
  it('[SY12] the 400-id presence announcement and departure: a stock y-websocket client stays connected', async () => {
    const server = await startServerProcess();
    try {
      const { network, observer } = await networkOfThree(server.url);
      const stock = connectClient(server.wsUrl, network.meetingId, { cookie: network.cookie });
      const closes: number[] = [];
      stock.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
      await waitForSync(stock);
      stock.provider.awareness.setLocalStateField('user', { name: 'Maria' });

      // Ids of four varint bytes and a clock of two: 9 bytes each announced, 11 each when echoed as removed.
      const crowd = Array.from({ length: 400 }, (_, i) => ({ id: 2 ** 21 + i, clock: 200, state: {} }));
      const announcement = awarenessMessage(crowd);
      expect(announcement.length).toBeLessThan(4096);
      const raw = await openRawSocket(`${server.wsUrl}/${network.meetingId}`, { cookie: observer.cookie });
      raw.socket.send(announcement);
      await waitFor(
        () => stock.provider.awareness.getStates().size === 401,
        'the stock client to see the crowd',
      );
      const echoedBefore = stock.awarenessSent();
      raw.socket.close();
      await raw.closed;
      await waitFor(
        () => stock.provider.awareness.getStates().size === 1,
        'the stock client to see the crowd leave',
      );
      // It echoed the departure (y-websocket sends every change it is told of back)…
      await waitFor(() => stock.awarenessSent() > echoedBefore, 'the stock client to echo the departure');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // …and is still connected, never closed.
      expect(closes).toEqual([]);
      expect(stock.provider.wsconnected).toBe(true);
      stock.destroy();
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 30_000);
});
