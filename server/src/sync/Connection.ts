/** One WebSocket on /sync/:meetingId, bound to one meeting and one principal for its whole life. */
import type { CloseCode } from '@polyphony/shared';
import { WebSocket } from 'ws';
import type { SyncLimits } from '../config.js';
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
}

let nextConnectionId = 1;

/**
 * Sockets with messages waiting to go out in this event-loop turn. Everything the server sends is queued
 * and written once per turn, corked, so a socket that is sent several messages in one turn (a busy
 * meeting, a joiner's sync reply and presence) costs one system call instead of one per message — in a
 * profile of 100 meetings × 8 typists, socket writes were the largest single cost of the server.
 */
const outgoing = new Set<Connection>();
let flushScheduled = false;

function flushOutgoing(): void {
  flushScheduled = false;
  for (const connection of outgoing) connection.flush();
  outgoing.clear();
}

/** A live sync socket and what the server tracks about it. */
export class Connection {
  readonly id = nextConnectionId++;
  /** SyncStep2/Update messages received from this socket: what the "saved" count counts. */
  receivedUpdates = 0;
  /** Awareness client ids this socket has announced, removed for everyone when it closes. */
  readonly awarenessIds = new Set<number>();
  /** The newest presence update held back by the presence rate, applied when the rate allows. */
  deferredAwareness: Uint8Array | undefined;
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

  /** Messages queued in this turn, oldest first. */
  private outbox: Uint8Array[] = [];
  /** When this socket was last sent anything (performance.now()). */
  lastSentAt = performance.now();

  /** Send a binary message if the socket is still open (written at the end of this event-loop turn). */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    this.lastSentAt = performance.now();
    this.outbox.push(message);
    if (this.outbox.length === 1) outgoing.add(this);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushOutgoing);
    }
  }

  /** Write the queued messages now, in one corked write. */
  flush(): void {
    const messages = this.outbox;
    if (messages.length === 0) return;
    this.outbox = [];
    if (!this.isOpen) return;
    // ws writes each frame with its own cork/uncork; an outer cork holds them for one writev.
    const raw = (this.socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    raw?.cork();
    for (const message of messages) this.socket.send(message);
    raw?.uncork();
  }

  /** Close with one of the shared close codes, after what was already sent. */
  close(code: CloseCode): void {
    this.flush();
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code.code, code.reason);
    }
  }
}
