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

  /** Send a binary message if the socket is still open. */
  send(message: Uint8Array): void {
    if (this.isOpen) this.socket.send(message);
  }

  /** Close with one of the shared close codes. */
  close(code: CloseCode): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code.code, code.reason);
    }
  }
}
