/**
 * A minimal WebSocket client on a bare TCP socket, for the light clients of the load generator. The `ws`
 * client costs several microseconds per received message (a stream, events, buffer copies); here one TCP
 * chunk that holds many frames is walked in one loop, so the generator stays far from being the
 * bottleneck. Only what the servers under test send is handled: unfragmented binary frames, ping, close.
 *
 * Client frames are masked as RFC 6455 requires, with a zero masking key so the payload goes out as is
 * (the key protects proxies that read plaintext; there are none on loopback).
 *
 * Reads bypass the socket's stream (`onread`): every socket of a thread reads into one buffer, walked at
 * once, so a message handed to `message` is a view that is only valid during that call.
 */
import crypto from 'node:crypto';
import net from 'node:net';

/** Callbacks of a raw socket. */
export interface RawSocketEvents {
  open(): void;
  /** One binary message: a view into the thread's read buffer, valid only during the call (copy it to keep it). */
  message(payload: Buffer): void;
  close(): void;
}

/** The buffer every raw socket of this thread reads into (each read is handled before the next one). */
const readBuffer = Buffer.allocUnsafe(256 * 1024);

/** A client's binary frame of one message, masked with a zero key (the payload goes out as is). */
export function clientFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x82;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65_536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.writeUInt32BE(0, header);
  frame.set(payload, header + 4);
  return frame;
}

/** A WebSocket connection without the `ws` machinery. */
export class RawWebSocket {
  private readonly socket: net.Socket;
  private handshaken = false;
  private pending: Buffer | null = null;
  private closed = false;
  /** Bytes that crossed the wire, frames and handshake included. */
  bytesIn = 0;
  bytesOut = 0;

  constructor(
    url: string,
    headers: Record<string, string>,
    private readonly events: RawSocketEvents,
  ) {
    const target = new URL(url);
    this.socket = net.connect({
      port: Number(target.port),
      host: target.hostname,
      onread: {
        buffer: readBuffer,
        callback: (bytes: number, buffer: Uint8Array) => {
          this.receive((buffer as Buffer).subarray(0, bytes));
          return true;
        },
      },
    });
    this.socket.setNoDelay(true);
    this.socket.on('connect', () => {
      const key = crypto.randomBytes(16).toString('base64');
      const extra = Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      const request =
        `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;
      this.bytesOut += request.length;
      this.socket.write(request);
    });
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      if (this.closed) return;
      this.closed = true;
      this.events.close();
    });
  }

  get isOpen(): boolean {
    return this.handshaken && !this.closed;
  }

  /** Send binary messages in one write. */
  send(...payloads: Uint8Array[]): void {
    if (!this.isOpen) return;
    const frames = payloads.map(clientFrame);
    const data = frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames);
    this.bytesOut += data.length;
    this.socket.write(data);
  }

  /** Send frames written already (FrameWriter: masked client frames), in one write. */
  sendFramed(data: Buffer): void {
    if (!this.isOpen) return;
    this.bytesOut += data.length;
    this.socket.write(data);
  }

  /** Close politely (a close frame), then end the TCP connection. */
  close(): void {
    if (this.closed) return;
    if (this.isOpen) this.socket.write(Buffer.from([0x88, 0x80, 0, 0, 0, 0]));
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  private receive(chunk: Buffer): void {
    this.bytesIn += chunk.length;
    let buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    if (!this.handshaken) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        this.pending = buffer;
        return;
      }
      const status = buffer.subarray(0, buffer.indexOf('\r\n')).toString();
      if (!/^HTTP\/1\.1 101/.test(status)) {
        this.socket.destroy();
        return;
      }
      this.handshaken = true;
      buffer = buffer.subarray(end + 4);
      this.events.open();
    }
    let pos = 0;
    while (buffer.length - pos >= 2) {
      const opcode = (buffer[pos] as number) & 0x0f;
      let length = (buffer[pos + 1] as number) & 0x7f;
      let offset = pos + 2;
      if (length === 126) {
        if (buffer.length - pos < 4) break;
        length = buffer.readUInt16BE(pos + 2);
        offset = pos + 4;
      } else if (length === 127) {
        if (buffer.length - pos < 10) break;
        length = Number(buffer.readBigUInt64BE(pos + 2));
        offset = pos + 10;
      }
      if (buffer.length < offset + length) break;
      const payload = buffer.subarray(offset, offset + length);
      pos = offset + length;
      if (opcode === 0x2) this.events.message(payload);
      else if (opcode === 0x9) this.pong(payload);
      else if (opcode === 0x8) {
        this.close();
        return;
      }
    }
    if (pos < buffer.length) this.pending = Buffer.from(buffer.subarray(pos));
  }

  private pong(payload: Buffer): void {
    const frame = Buffer.alloc(6 + payload.length);
    frame[0] = 0x8a;
    frame[1] = 0x80 | payload.length;
    frame.set(payload, 6);
    this.socket.write(frame);
  }
}
