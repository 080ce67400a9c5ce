/**
 * The WebSocket the provider uses. It does three things on the way out:
 *
 * - counts the messages that carry document content (SyncStep2 and Update), so that the server's
 *   "saved" count can be compared with it; one instance per connection, so the count starts at zero with
 *   every new socket, exactly as the server's count does;
 * - drops awareness messages that only relay other people's presence: the stock client echoes every
 *   remote awareness change back to the server, which ignores them but counts them against this
 *   socket's awareness rate limit, so in a busy meeting the echoes alone would get the socket closed;
 * - sends this person's own awareness (cursor, name) at most every AWARENESS_INTERVAL_MS, always the
 *   latest: a held arrow key or a mouse drag changes the selection 30–60 times a second.
 */
import { carriesUpdate, Limits, MessageType, SyncMessageType } from '@polyphony/shared';
import * as decoding from 'lib0/decoding';

/** Own awareness at most this often: half the server's per-connection limit. */
const AWARENESS_INTERVAL_MS = Math.ceil(2000 / Limits.awarenessPerSecond);

/** A counting socket, as the sync session sees it. */
export interface CountedSocket extends WebSocket {
  /** Update-carrying messages sent on this socket. */
  sent: number;
  /** The latest "saved" count the server sent on this socket. */
  acked: number;
  /** Whether this socket sent a SyncStep2, which carries everything this device holds. */
  sentFullState: boolean;
}

type Outgoing = string | ArrayBufferLike | Blob | ArrayBufferView;

/** Whether an awareness message announces this client (false: it only relays other people). */
function announcesClient(message: Uint8Array, clientId: number): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder); // message type
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const entries = decoding.readVarUint(update);
    for (let i = 0; i < entries; i++) {
      const id = decoding.readVarUint(update);
      decoding.readVarUint(update); // clock
      decoding.readVarString(update); // state
      if (id === clientId) return true;
    }
    return false;
  } catch {
    // Not ours to judge: send it as it is.
    return true;
  }
}

/** Build a WebSocket class for y-websocket's `WebSocketPolyfill` that reports every counted send. */
export function countingWebSocket(
  clientId: () => number,
  onSend: (socket: CountedSocket) => void,
): typeof WebSocket {
  return class CountingWebSocket extends WebSocket implements CountedSocket {
    sent = 0;
    acked = 0;
    sentFullState = false;
    private lastAwarenessAt = 0;
    private pendingAwareness: Uint8Array | null = null;
    private awarenessTimer: ReturnType<typeof setTimeout> | undefined;

    override send(data: Outgoing): void {
      const bytes =
        data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (bytes && bytes[0] === MessageType.awareness) {
        this.sendAwareness(bytes);
        return;
      }
      if (bytes && carriesUpdate(bytes)) {
        this.sent++;
        if (bytes[1] === SyncMessageType.step2) this.sentFullState = true;
        // Count before sending: an acknowledgement can never overtake its own message.
        onSend(this);
      }
      super.send(data);
    }

    override close(code?: number, reason?: string): void {
      clearTimeout(this.awarenessTimer);
      this.pendingAwareness = null;
      super.close(code, reason);
    }

    private sendAwareness(message: Uint8Array): void {
      if (!announcesClient(message, clientId())) return;
      const wait = this.lastAwarenessAt + AWARENESS_INTERVAL_MS - Date.now();
      if (wait <= 0 && this.pendingAwareness === null) {
        this.lastAwarenessAt = Date.now();
        super.send(message);
        return;
      }
      // Our own state is sent whole each time, so the latest message replaces any still waiting.
      this.pendingAwareness = message;
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), Math.max(0, wait));
    }

    private flushAwareness(): void {
      this.awarenessTimer = undefined;
      const message = this.pendingAwareness;
      this.pendingAwareness = null;
      if (!message || this.readyState !== WebSocket.OPEN) return;
      this.lastAwarenessAt = Date.now();
      super.send(message);
    }
  };
}
