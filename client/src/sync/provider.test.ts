/**
 * The meeting provider against a real WebSocket server on 127.0.0.1 that speaks as Polyphony's does:
 * it counts what carries content, takes the "saved" and "relay" messages, and sends no echo of other
 * people's presence. (The browser's WebSocket is Node's `ws` here; the provider is the one the page uses.)
 */
import { MessageType, NudgeTopic, writeNudge, writeRelay, writeSaved } from '@polyphony/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket as ServerSocket, WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type CountedSocket, meetingProvider } from './provider';

let server: WebSocketServer;
let sockets: ServerSocket[];
let received: Uint8Array[];

beforeEach(async () => {
  sockets = [];
  received = [];
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  // What the page's globals would be: its address, and the browser's WebSocket.
  Object.assign(globalThis, { location: { protocol: 'http:', host: `127.0.0.1:${port}` }, WebSocket });
});

afterEach(async () => {
  for (const socket of sockets) socket.terminate();
  await new Promise((resolve) => server.close(resolve));
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('meetingProvider', () => {
  it('counts content it sends, takes "saved", "relay" and "nudge", and echoes nobody else’s presence', async () => {
    const doc = new Y.Doc();
    const sent: number[] = [];
    const saved: number[] = [];
    const relays: boolean[] = [];
    const nudges: number[] = [];
    const provider = meetingProvider('meeting', doc, {
      onSent: (socket) => sent.push(socket.sent),
      onSaved: (socket) => saved.push(socket.acked),
      onRelay: (reachable) => relays.push(reachable),
      onNudge: (topic) => nudges.push(topic),
      onEditorFailure: () => undefined,
    });
    try {
      provider.connect();
      await until(() => sockets.length === 1 && provider.wsconnected, 'the connection');

      doc.getText('t').insert(0, 'Anna');
      await until(() => sent.length === 1, 'the update to be counted');
      expect(sent).toEqual([1]);

      const server = sockets[0]!;
      server.send(writeSaved({ count: 1, stateVector: Y.encodeStateVector(doc) }));
      await until(() => saved.length === 1, 'the acknowledgement');
      expect(saved).toEqual([1]);
      expect((provider.ws as CountedSocket).acked).toBe(1);

      server.send(writeRelay(false));
      server.send(writeRelay(true));
      await until(() => relays.length === 2, 'the relay messages');
      expect(relays).toEqual([false, true]);

      server.send(writeNudge(NudgeTopic.admission));
      await until(() => nudges.length === 1, 'the nudge');
      expect(nudges).toEqual([NudgeTopic.admission]);

      // Someone else's presence arrives; the stock provider would send it straight back.
      const other = new awarenessProtocol.Awareness(new Y.Doc());
      other.setLocalState({ user: { name: 'Liisa' } });
      const encoder = awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]);
      server.send(new Uint8Array([MessageType.awareness, ...varUint(encoder.length), ...encoder]));
      await until(() => provider.awareness.getStates().has(other.clientID), 'the other’s presence');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const echoes = received.filter(
        (message) => message[0] === MessageType.awareness && mentions(message, other.clientID),
      );
      expect(echoes).toEqual([]);
      other.destroy();
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });
});

function varUint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return bytes;
}

/** Whether an awareness message carries a state of this client id (its bytes, as a varUint, in the body). */
function mentions(message: Uint8Array, clientId: number): boolean {
  const id = varUint(clientId);
  outer: for (let i = 1; i + id.length <= message.length; i++) {
    for (let j = 0; j < id.length; j++) if (message[i + j] !== id[j]) continue outer;
    return true;
  }
  return false;
}
