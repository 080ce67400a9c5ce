/** One WebSocket on /sync/:meetingId, bound to one meeting and one principal for its whole life. */
import type { CloseCode } from '@polyphony/shared';
import { WebSocket } from 'ws';
import type { SyncLimits } from '../config.js';
import { binaryFrame } from './frames.js';
import type { PresenceEntry } from './Presence.js';
import { RateLimiter } from './RateLimiter.js';

/** Who is behind a socket, as decided at the upgrade. */
export interface SyncPrincipal {
  /** The participant the socket's session stands for. */
  participantId: string;
  /** The invitation the session came from: revoking it closes the socket. */
  invitationId: string;
  networkId: string;
  /** Whether updates from this socket are applied; read-only sockets have them dropped. */
  canWrite: boolean;
  /** The hash of the session behind the socket: ending it (idle, lifetime, leaving) closes the socket. */
  sessionHash?: string;
}

let nextConnectionId = 1;

/**
 * Sockets with messages waiting to go out in this event-loop turn. Everything the server sends is queued
 * and written once per turn, corked, so a socket that is sent several messages in one turn (a busy
 * meeting, a joiner's sync reply and presence) costs one system call instead of one per message — in a
 * profile of 100 meetings × 8 typists, socket writes were the largest single cost of the server.
 */
const outgoing = new Set<Connection>();
/** Called once at the end of this turn, before the writes: last chances to add to them. */
const beforeFlush = new Set<() => void>();
let flushScheduled = false;

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushOutgoing);
}

function flushOutgoing(): void {
  for (const callback of beforeFlush) callback();
  beforeFlush.clear();
  flushScheduled = false;
  for (const connection of outgoing) connection.flush();
  outgoing.clear();
}

/**
 * Run `callback` at the end of this event-loop turn, just before the queued messages are written, so
 * that what it sends goes out in the same writes (a meeting's presence changes beside its edits).
 */
export function beforeWriting(callback: () => void): void {
  beforeFlush.add(callback);
  scheduleFlush();
}

/** A live sync socket and what the server tracks about it. */
export class Connection {
  readonly id = nextConnectionId++;
  /** SyncStep2/Update messages received from this socket: what the "saved" count counts. */
  receivedUpdates = 0;
  /** Awareness client ids this socket has announced, removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>();
  /** The newest presence update held back by the presence rate, applied when the rate allows. */
  deferredAwareness: PresenceEntry[] | undefined;
  readonly messageLimiter: RateLimiter;
  readonly awarenessLimiter: RateLimiter;

  constructor(
    readonly socket: WebSocket,
    readonly meetingId: string,
    readonly principal: SyncPrincipal,
    /** Whether the client asked for "saved" acknowledgements (ack=1). */
    readonly wantsAck: boolean,
    limits: SyncLimits,
  ) {
    // Bursts of five seconds' worth: a reconnecting client sends its sync messages all at once.
    this.messageLimiter = new RateLimiter(limits.messagesPerSecond, limits.messagesPerSecond * 5);
    this.awarenessLimiter = new RateLimiter(limits.awarenessPerSecond, limits.awarenessPerSecond * 2);
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Frames queued in this turn, oldest first: the first on its own, since most sockets are sent one
   * frame a turn (an array per socket per turn was a kilobyte of garbage per keystroke in a meeting of
   * eight).
   */
  private firstFrame: Buffer | null = null;
  private moreFrames: Buffer[] | null = null;
  /** When this socket was last sent anything (performance.now()). */
  lastSentAt = performance.now();

  /** Send a binary message if the socket is still open (written at the end of this event-loop turn). */
  send(message: Uint8Array): void {
    this.sendFrame(binaryFrame(message));
  }

  /** Send a frame made by binaryFrame (one frame may go to many sockets). */
  sendFrame(frame: Buffer): void {
    if (!this.isOpen) return;
    this.lastSentAt = performance.now();
    if (this.firstFrame === null) {
      this.firstFrame = frame;
      outgoing.add(this);
    } else {
      if (this.moreFrames === null) this.moreFrames = [frame];
      else this.moreFrames.push(frame);
    }
    scheduleFlush();
  }

  /**
   * Write the queued frames now, in one write. They go to the TCP socket under `ws`, which is safe
   * because `ws` writes whole frames too (pings, the closing frame) and a socket keeps the order of its
   * writes; `ws` itself would add a framing and a stream write per message per socket.
   */
  flush(): void {
    const first = this.firstFrame;
    if (first === null) return;
    const more = this.moreFrames;
    this.firstFrame = null;
    this.moreFrames = null;
    if (!this.isOpen) return;
    // An open ws socket always has its TCP socket.
    const raw = (this.socket as unknown as { _socket: { write(data: Buffer): boolean } })._socket;
    raw.write(more === null ? first : Buffer.concat([first, ...more]));
  }

  /** Close with one of the shared close codes, after what was already sent. */
  close(code: CloseCode): void {
    this.flush();
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code.code, code.reason);
    }
  }
}
