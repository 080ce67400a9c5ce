/**
 * A UDP relay in front of LiveKit's media port, to make one member's media line weak. This VM's kernel
 * has no netem qdisc and no iptables, and Chromium's network emulation does not touch WebRTC media, so
 * the shaping is done here, in user space: LiveKit binds its UDP mux on 127.0.0.1 and advertises
 * 127.0.0.2 (its `node_ip`), where this relay listens; each browser source address gets its own socket
 * towards LiveKit, so that the replies map back. LiveKit runs ICE-lite, so it answers the relay's
 * connectivity checks (a peer-reflexive candidate) and sends its media back the same way.
 *
 * A source is known by the ICE username fragment of the browser's peer connection (read from the STUN
 * binding requests that pass), so a test can shape the line of one page: `shape(ufrags, …)` drops a
 * share of the packets and/or delays them, per direction. STUN itself (connectivity checks and consent)
 * is never dropped, so the connection stays up and only the media suffer.
 */
import dgram from 'node:dgram';

/** How one member's line is shaped; shares are between 0 and 1. */
export interface LineShape {
  /** Share of packets from the browser to LiveKit that are dropped. */
  upLoss?: number;
  /** Share of packets from LiveKit to the browser that are dropped. */
  downLoss?: number;
  /** Added delay each way, in ms. */
  delayMs?: number;
}

/** Counts, for a test's log and to see that the relay is on the path. */
export interface RelayCounts {
  sources: number;
  forwardedUp: number;
  forwardedDown: number;
  droppedUp: number;
  droppedDown: number;
}

export interface UdpRelay {
  /** Shape the lines of the peer connections with these ICE username fragments (an empty shape clears). */
  shape(ufrags: Iterable<string>, shape: LineShape): void;
  /** The ICE username fragments of the browsers seen so far. */
  ufrags(): string[];
  counts(): RelayCounts;
  close(): Promise<void>;
}

interface Source {
  upstream: dgram.Socket;
  ufrag?: string;
}

const STUN_MAGIC_COOKIE = 0x2112a442;
const STUN_BINDING_REQUEST = 0x0001;
const STUN_USERNAME = 0x0006;

/** The browser's username fragment from a STUN binding request it sends ("server:browser"), if any. */
export function browserUfrag(packet: Buffer): string | undefined {
  if (packet.length < 20 || packet.readUInt16BE(0) !== STUN_BINDING_REQUEST) return undefined;
  if (packet.readUInt32BE(4) !== STUN_MAGIC_COOKIE) return undefined;
  let offset = 20;
  while (offset + 4 <= packet.length) {
    const type = packet.readUInt16BE(offset);
    const length = packet.readUInt16BE(offset + 2);
    if (type === STUN_USERNAME) {
      const username = packet.toString('utf8', offset + 4, offset + 4 + length);
      return username.split(':')[1];
    }
    offset += 4 + length + ((4 - (length % 4)) % 4);
  }
  return undefined;
}

/** STUN packets start with two zero bits (RFC 7983); DTLS, RTP and RTCP do not. */
function isStun(packet: Buffer): boolean {
  return packet.length >= 20 && packet[0]! < 4 && packet.readUInt32BE(4) === STUN_MAGIC_COOKIE;
}

/** Listen at `listen` and forward to `target`, both on loopback, with `port` the same for both. */
export async function startUdpRelay(options: {
  listenHost: string;
  targetHost: string;
  port: number;
}): Promise<UdpRelay> {
  const front = dgram.createSocket('udp4');
  const sources = new Map<string, Source>();
  const shapes = new Map<string, LineShape>();
  const counts: RelayCounts = { sources: 0, forwardedUp: 0, forwardedDown: 0, droppedUp: 0, droppedDown: 0 };
  const shapeOf = (source: Source): LineShape => (source.ufrag && shapes.get(source.ufrag)) || {};
  const send = (delayMs: number | undefined, sendNow: () => void) => {
    if (delayMs) setTimeout(sendNow, delayMs);
    else sendNow();
  };

  front.on('message', (packet, from) => {
    const key = `${from.address}:${from.port}`;
    let source = sources.get(key);
    if (!source) {
      const upstream = dgram.createSocket('udp4');
      const created: Source = { upstream };
      source = created;
      sources.set(key, created);
      counts.sources += 1;
      upstream.bind(0, options.targetHost);
      upstream.on('message', (reply) => {
        const shape = shapeOf(created);
        if (!isStun(reply) && Math.random() < (shape.downLoss ?? 0)) {
          counts.droppedDown += 1;
          return;
        }
        counts.forwardedDown += 1;
        send(shape.delayMs, () => front.send(reply, from.port, from.address));
      });
      upstream.on('error', () => undefined);
    }
    const ufrag = browserUfrag(packet);
    if (ufrag) source.ufrag = ufrag;
    const shape = shapeOf(source);
    if (!isStun(packet) && Math.random() < (shape.upLoss ?? 0)) {
      counts.droppedUp += 1;
      return;
    }
    counts.forwardedUp += 1;
    const upstream = source.upstream;
    send(shape.delayMs, () => upstream.send(packet, options.port, options.targetHost));
  });
  front.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.bind(options.port, options.listenHost, () => {
      front.off('error', reject);
      resolve();
    });
  });

  return {
    shape(ufrags, shape) {
      for (const ufrag of ufrags) shapes.set(ufrag, shape);
    },
    ufrags: () => [
      ...new Set([...sources.values()].flatMap((source) => (source.ufrag ? [source.ufrag] : []))),
    ],
    counts: () => ({ ...counts }),
    close: async () => {
      for (const source of sources.values()) source.upstream.close();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}
