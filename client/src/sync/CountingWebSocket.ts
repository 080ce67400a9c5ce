/**
 * A WebSocket that counts the messages it sends which carry document content (SyncStep2 and Update),
 * so that the server's "saved" count can be compared with it. One instance per connection: the count
 * starts at zero with every new socket, exactly as the server's count does.
 */
import { carriesUpdate, SyncMessageType } from '@polyphony/shared';

/** A counting socket, as the sync session sees it. */
export interface CountedSocket extends WebSocket {
  /** Update-carrying messages sent on this socket. */
  sent: number;
  /** The latest "saved" count the server sent on this socket. */
  acked: number;
  /** Whether this socket sent a SyncStep2, which carries everything this device holds. */
  sentFullState: boolean;
}

/** Build a WebSocket class for y-websocket's `WebSocketPolyfill` that reports every counted send. */
export function countingWebSocket(onSend: (socket: CountedSocket) => void): typeof WebSocket {
  return class CountingWebSocket extends WebSocket implements CountedSocket {
    sent = 0;
    acked = 0;
    sentFullState = false;

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const bytes =
        data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (bytes && carriesUpdate(bytes)) {
        this.sent++;
        if (bytes[1] === SyncMessageType.step2) this.sentFullState = true;
        // Count before sending: an acknowledgement can never overtake its own message.
        onSend(this);
      }
      super.send(data);
    }
  };
}
