import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { writeAwareness } from '@polyphony/shared';
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { AWARENESS_HEAD, binaryFrame, varBytesFrame } from './frames.js';

describe('binaryFrame', () => {
  let server: WebSocketServer | undefined;
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('is read by a WebSocket client as the same binary messages, for each length encoding', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 200_000];
    const payloads = lengths.map((length) => Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255));
    server.once('connection', (socket) => {
      const raw = (socket as unknown as { _socket: { write(data: Buffer): void } })._socket;
      // All in one write, as a flush does.
      raw.write(Buffer.concat(payloads.map(binaryFrame)));
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('message', (data, isBinary) => {
        expect(isBinary).toBe(true);
        received.push(data as Buffer);
        if (received.length === payloads.length) resolve();
      });
      client.on('error', reject);
    });
    client.close();
    expect(received.map((data) => data.length)).toEqual(lengths);
    for (const [i, data] of received.entries()) {
      expect(Buffer.compare(data, Buffer.from(payloads[i] as Uint8Array))).toBe(0);
    }
  });
});

describe('varBytesFrame', () => {
  it('is the frame of the message an encoder writes: the head, then the bytes with their length', () => {
    // Lengths around each varint boundary (1, 2 and 3 bytes of length) and each frame length encoding.
    for (const length of [0, 1, 127, 128, 16_383, 16_384, 65_530, 200_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + length) & 255);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, bytes);
      const expected = binaryFrame(encoding.toUint8Array(encoder));
      expect(Buffer.compare(varBytesFrame([0, 2], bytes), expected), `length ${length}`).toBe(0);
    }
  });

  it('frames a presence message as writeAwareness writes it', () => {
    for (const length of [0, 5, 300, 70_000]) {
      const update = Uint8Array.from({ length }, (_, i) => (i * 3) & 255);
      const expected = binaryFrame(writeAwareness(update));
      expect(Buffer.compare(varBytesFrame(AWARENESS_HEAD, update), expected), `length ${length}`).toBe(0);
    }
  });
});
