/**
 * The stock y-websocket client reconnects after 30 s without any message. A person alone in a meeting
 * is sent nothing but their own presence, which the server otherwise skips (they know it already): so a
 * socket that heard nothing for KEEPALIVE_MS is sent its own presence back.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSocket } from './helpers/rawSocket.js';
import { createMeeting, type ServerProcess, startServerProcess } from './helpers/serverProcess.js';

function presence(clientId: number, clock: number): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Anna' } }));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

describe('keeping a lone person connected', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { KEEPALIVE_MS: '2000' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[SY15] a socket that was just sent something is not sent its own presence; one that heard nothing for a while is', async () => {
    const { meetingId, cookie } = await createMeeting(server.url);
    const raw = await openRawSocket(`${server.wsUrl}/${meetingId}`, { cookie });
    const awarenessMessages = () => raw.messages.filter((message) => message[0] === 1).length;
    // Right after the handshake (the server has just sent its SyncStep1): no echo.
    raw.socket.send(presence(4242, 1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(awarenessMessages()).toBe(0);
    // After a quiet while (longer than KEEPALIVE_MS), the renewal comes back: the watchdog sees a message.
    await new Promise((resolve) => setTimeout(resolve, 2200));
    raw.socket.send(presence(4242, 2));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(awarenessMessages()).toBe(1);
    raw.socket.close();
  });
});
