/**
 * The meeting's connection to the server: y-websocket's stock `WebsocketProvider`, and every way
 * Polyphony changes it, in this one file. The server speaks the y-websocket protocol unchanged, so the
 * stock provider works; what is added is:
 *
 * - a WebSocket of our own (`WebSocketPolyfill`) that, on the way out,
 *   - counts the messages that carry document content (SyncStep2 and Update), so that the server's
 *     "saved" count can be compared with it; one instance per connection, so the count starts at zero
 *     with every new socket, exactly as the server's count does;
 *   - drops awareness messages that only relay other people's presence: the stock client echoes every
 *     remote awareness change back to the server, which ignores them but counts them against this
 *     socket's awareness rate limit, so in a busy meeting the echoes alone would get the socket closed;
 *   - sends this person's own awareness (cursor, name) at most every AWARENESS_INTERVAL_MS, always the
 *     latest: a held arrow key or a mouse drag changes the selection 30–60 times a second;
 * - the provider sends only this client's own presence changes (`sendOwnPresenceOnly`, shared with the
 *   test clients);
 * - a sync handler that survives an editor failing on the server's update;
 * - handlers for Polyphony's three messages: "saved" (type 16), "relay" (type 17) and "nudge" (type 18).
 */
import {
  carriesUpdate,
  Limits,
  MessageType,
  PROTOCOL_VERSION,
  readNudge,
  readRelay,
  readSaved,
  SyncMessageType,
  SyncParams,
  sendOwnPresenceOnly,
} from '@polyphony/shared';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

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

/** A WebSocket class for y-websocket's `WebSocketPolyfill` that reports every counted send. */
function countingWebSocket(
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

/** What the session is told by the connection. */
export interface ProviderEvents {
  /** An update-carrying message is going out on `socket` (counted before it is sent). */
  onSent(socket: CountedSocket): void;
  /** The server's "saved" count for `socket` arrived (message 16; `socket.acked` holds it). */
  onSaved(socket: CountedSocket): void;
  /** The server said whether its instance can reach the others (message 17). */
  onRelay(reachable: boolean): void;
  /** The server said something of the meeting outside its document changed (message 18, a NudgeTopic). */
  onNudge(topic: number): void;
  /** Applying the server's update failed in an editor: the sync was finished anyway; open them again. */
  onEditorFailure(): void;
}

function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** The provider of one meeting, not yet connected (`provider.connect()` once the local copy is in). */
export function meetingProvider(meetingId: string, doc: Y.Doc, events: ProviderEvents): WebsocketProvider {
  const provider = new WebsocketProvider(syncUrl(), meetingId, doc, {
    connect: false,
    params: { [SyncParams.version]: String(PROTOCOL_VERSION), [SyncParams.ack]: '1' },
    WebSocketPolyfill: countingWebSocket(() => doc.clientID, events.onSent),
  });
  // The server relays everyone's presence itself: sending it back would be upload for nothing.
  sendOwnPresenceOnly(provider);
  // A section stored in a form its editor cannot read (before the server checked updates) makes the
  // editor's observer throw while the server's update is applied — the update is in the document by
  // then, but y-websocket would not finish handling the message, and the editor is left broken outside
  // React. Caught here: the sync finishes, and the editors are opened again on the whole document,
  // where each section's fallback catches what its editor cannot show.
  const sync = provider.messageHandlers[MessageType.sync] as (typeof provider.messageHandlers)[number];
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, provider, emitSynced, messageType) => {
    const syncType = decoder.arr[decoder.pos];
    try {
      sync(encoder, decoder, provider, emitSynced, messageType);
    } catch (error) {
      console.warn('applying the meeting from the server failed in an editor; opening them again', error);
      if (emitSynced && syncType === SyncMessageType.step2 && !provider.synced) provider.synced = true;
      events.onEditorFailure();
    }
  };
  // Registered before connecting: y-websocket reports unknown message types as errors.
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder, provider) => {
    const { count } = readSaved(decoder);
    const socket = provider.ws as CountedSocket | null;
    if (!socket) return;
    socket.acked = Math.max(socket.acked, count);
    events.onSaved(socket);
  };
  provider.messageHandlers[MessageType.relay] = (_encoder, decoder) => {
    events.onRelay(readRelay(decoder));
  };
  provider.messageHandlers[MessageType.nudge] = (_encoder, decoder) => {
    events.onNudge(readNudge(decoder));
  };
  return provider;
}
