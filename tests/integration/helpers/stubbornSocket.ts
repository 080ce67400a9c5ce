/**
 * A WebSocket client on a bare TCP socket that does what a hostile or broken peer does and `ws` never
 * would: it ignores the server's close frame (it never answers it and keeps sending), and it can stop
 * reading altogether, so that what the server sends piles up in the server's buffers. It counts what it
 * receives without decoding it, so a flood of replies costs the test almost nothing.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { clientFrame } from '../../bench/rawWebSocket.js';

/** What the server's close frame said, and when it came (performance.now()). */
export interface CloseFrame {
  code: number;
  reason: string;
  at: number;
}

/** A peer that ignores close frames. */
export class StubbornSocket {
  private readonly socket: net.Socket;
  private pending: Buffer | null = null;
  private handshaken = false;
  /** Binary messages received (payloads kept only when `keep` is on). */
  messages = 0;
  bytesIn = 0;
  readonly kept: Buffer[] = [];
  /** Binary messages received by their first two bytes ('0/1' is a SyncStep2, '0/2' an update, '1/…' presence). */
  readonly kinds = new Map<string, number>();
  /** The close frame the server sent, once it has. */
  closeFrame: CloseFrame | null = null;
  /** Whether the TCP connection has ended (the server terminated it, or we did). */
  ended = false;
  readonly opened: Promise<void>;
  readonly gone: Promise<void>;

  private constructor(
    url: string,
    headers: Record<string, string>,
    private readonly keep: boolean,
  ) {
    const target = new URL(url);
    this.socket = net.connect({ port: Number(target.port), host: target.hostname });
    this.socket.setNoDelay(true);
    this.gone = new Promise((resolve) =>
      this.socket.once('close', () => {
        this.ended = true;
        resolve();
      }),
    );
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('connect', () => {
        const key = crypto.randomBytes(16).toString('base64');
        const extra = Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('');
        this.socket.write(
          `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\n` +
            `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`,
        );
      });
      this.socket.on('data', (chunk: Buffer) => {
        if (this.receive(chunk) === 'refused') reject(new Error('upgrade refused'));
        else if (this.handshaken) resolve();
      });
      this.socket.once('error', reject);
      this.socket.once('close', () => reject(new Error('closed before the upgrade')));
    });
    this.socket.on('error', () => undefined);
  }

  /** Open a socket (with the session cookie) and resolve once the upgrade is done. */
  static async open(url: string, options: { cookie?: string; keep?: boolean } = {}): Promise<StubbornSocket> {
    const socket = new StubbornSocket(
      url,
      options.cookie ? { cookie: options.cookie } : {},
      options.keep ?? false,
    );
    await socket.opened;
    return socket;
  }

  /** Send binary messages, all in one TCP write, whatever the server said (until TCP itself ends). */
  send(...payloads: Uint8Array[]): boolean {
    if (this.ended || this.socket.destroyed) return false;
    this.socket.write(Buffer.concat(payloads.map((payload) => clientFrame(payload))));
    return true;
  }

  /** Stop reading: the server's writes stay in its own buffers once the kernel's are full. */
  stopReading(): void {
    this.socket.pause();
  }

  /** Wait for the server's close frame (rejects after timeoutMs). */
  async waitForCloseFrame(timeoutMs = 5000): Promise<CloseFrame> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closeFrame) {
      if (Date.now() > deadline) throw new Error('no close frame from the server');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.closeFrame;
  }

  /** End the TCP connection without a close frame. */
  destroy(): void {
    this.socket.destroy();
  }

  /** The frame being read: its opcode, the bytes of it still to come, and its payload when kept. */
  private opcode = 0;
  private remaining = -1;
  private parts: Buffer[] | null = null;
  private headBytes: number[] = [];

  private receive(chunk: Buffer): 'refused' | undefined {
    this.bytesIn += chunk.length;
    let buffer = chunk;
    if (!this.handshaken) {
      buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
      this.pending = null;
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        this.pending = buffer;
        return undefined;
      }
      if (!/^HTTP\/1\.1 101/.test(buffer.subarray(0, buffer.indexOf('\r\n')).toString())) {
        this.socket.destroy();
        return 'refused';
      }
      this.handshaken = true;
      buffer = buffer.subarray(end + 4);
    }
    // Streamed: a large reply is counted as it passes, never gathered unless it is kept.
    let pos = 0;
    while (pos < buffer.length) {
      if (this.remaining < 0) {
        const head = this.pending
          ? Buffer.concat([this.pending, buffer.subarray(pos)])
          : buffer.subarray(pos);
        const consumedBefore = this.pending ? this.pending.length : 0;
        this.pending = null;
        if (head.length < 2) {
          this.pending = Buffer.from(head);
          return undefined;
        }
        let length = (head[1] as number) & 0x7f;
        let size = 2;
        if (length === 126) size = 4;
        else if (length === 127) size = 10;
        if (head.length < size) {
          this.pending = Buffer.from(head);
          return undefined;
        }
        if (size === 4) length = head.readUInt16BE(2);
        else if (size === 10) length = Number(head.readBigUInt64BE(2));
        this.opcode = (head[0] as number) & 0x0f;
        this.remaining = length;
        this.parts = this.keep || this.opcode === 0x8 ? [] : null;
        pos += size - consumedBefore;
      }
      const take = Math.min(this.remaining, buffer.length - pos);
      if (this.parts && take > 0) this.parts.push(Buffer.from(buffer.subarray(pos, pos + take)));
      for (let i = 0; i < take && this.headBytes.length < 2; i++)
        this.headBytes.push(buffer[pos + i] as number);
      pos += take;
      this.remaining -= take;
      if (this.remaining === 0) this.frameDone();
    }
    return undefined;
  }

  private frameDone(): void {
    const payload = this.parts ? Buffer.concat(this.parts) : null;
    this.remaining = -1;
    this.parts = null;
    const kind = this.headBytes.join('/');
    this.headBytes = [];
    if (this.opcode === 0x2) {
      this.messages++;
      this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
      if (this.keep && payload) this.kept.push(payload);
    } else if (this.opcode === 0x8 && !this.closeFrame && payload) {
      // Noted, never answered.
      this.closeFrame = {
        code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005,
        reason: payload.subarray(2).toString(),
        at: performance.now(),
      };
    }
  }
}
