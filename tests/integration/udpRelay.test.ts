/**
 * The UDP relay the weak-line e2e test puts in front of LiveKit (helpers/udpRelay.ts): it forwards both
 * ways and maps replies back to their source, it knows a source by the ICE username fragment of its STUN
 * binding requests, and it drops the share it is told of that source's packets only, never STUN.
 */
import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/serverProcess.js';
import { browserUfrag, startUdpRelay, type UdpRelay } from './helpers/udpRelay.js';

/** A STUN binding request with USERNAME "server:browser" (no integrity: the relay does not check it). */
function bindingRequest(username: string): Buffer {
  const value = Buffer.from(username);
  const padded = value.length + ((4 - (value.length % 4)) % 4);
  const packet = Buffer.alloc(20 + 4 + padded);
  packet.writeUInt16BE(0x0001, 0);
  packet.writeUInt16BE(4 + padded, 2);
  packet.writeUInt32BE(0x2112a442, 4);
  packet.writeUInt16BE(0x0006, 20);
  packet.writeUInt16BE(value.length, 22);
  value.copy(packet, 24);
  return packet;
}

/** An RTP-looking packet (version 2) numbered `n`. */
function media(n: number): Buffer {
  const packet = Buffer.alloc(20);
  packet[0] = 0x80;
  packet.writeUInt32BE(n, 16);
  return packet;
}

async function socketOn(host: string): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, host, () => resolve()));
  return socket;
}

describe('the UDP relay in front of LiveKit', () => {
  let relay: UdpRelay;
  let target: dgram.Socket;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    target = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => target.bind(port, '127.0.0.1', () => resolve()));
    // The target (LiveKit's place) echoes every packet back.
    target.on('message', (packet, from) => target.send(packet, from.port, from.address));
    relay = await startUdpRelay({ listenHost: '127.0.0.2', targetHost: '127.0.0.1', port });
  });
  afterAll(async () => {
    await relay.close();
    target.close();
  });

  it('reads the browser ufrag of a binding request, and nothing else', () => {
    expect(browserUfrag(bindingRequest('server1:browser1'))).toBe('browser1');
    expect(browserUfrag(media(1))).toBeUndefined();
  });

  it('drops the share it is told of one source only, both ways, and never STUN', async () => {
    const weak = await socketOn('127.0.0.1');
    const clean = await socketOn('127.0.0.1');
    const echoes = { weak: 0, clean: 0, weakStun: 0 };
    weak.on('message', (packet) => {
      if (packet[0] === 0) echoes.weakStun += 1;
      else echoes.weak += 1;
    });
    clean.on('message', (packet) => {
      if (packet[0] !== 0) echoes.clean += 1;
    });
    weak.send(bindingRequest('server:weakone'), port, '127.0.0.2');
    clean.send(bindingRequest('server:cleanone'), port, '127.0.0.2');
    await expect.poll(() => relay.ufrags().sort()).toEqual(['cleanone', 'weakone']);
    relay.shape(['weakone'], { upLoss: 0.3, downLoss: 0.3 });
    const count = 500;
    for (let n = 0; n < count; n++) {
      weak.send(media(n), port, '127.0.0.2');
      clean.send(media(n), port, '127.0.0.2');
      if (n % 10 === 0) weak.send(bindingRequest('server:weakone'), port, '127.0.0.2');
      // Paced, so that no socket buffer overflows on a loaded machine (that would be loss of its own).
      if (n % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await expect.poll(() => echoes.clean, { timeout: 5000 }).toBe(count);
    await expect.poll(() => echoes.weakStun, { timeout: 5000 }).toBe(count / 10 + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Kept both ways: 0.7 × 0.7 = 49 % of the weak source's packets come back.
    expect(echoes.weak / count).toBeGreaterThan(0.4);
    expect(echoes.weak / count).toBeLessThan(0.58);
    const counts = relay.counts();
    expect(counts.sources).toBe(2);
    expect(counts.droppedUp / count).toBeGreaterThan(0.22);
    expect(counts.droppedUp / count).toBeLessThan(0.38);
    weak.close();
    clean.close();
  });

  it('delays the packets of a source each way by what it is told, and an empty shape clears that', async () => {
    const slow = await socketOn('127.0.0.1');
    slow.send(bindingRequest('server:slowone'), port, '127.0.0.2');
    await expect.poll(() => relay.ufrags()).toContain('slowone');
    const roundTrip = async (): Promise<number> => {
      const sent = Date.now();
      const back = new Promise<void>((resolve) => slow.once('message', () => resolve()));
      slow.send(media(1), port, '127.0.0.2');
      await back;
      return Date.now() - sent;
    };
    relay.shape(['slowone'], { delayMs: 150 });
    expect(await roundTrip()).toBeGreaterThanOrEqual(295);
    relay.shape(['slowone'], {});
    expect(await roundTrip()).toBeLessThan(250);
    slow.close();
  });
});
